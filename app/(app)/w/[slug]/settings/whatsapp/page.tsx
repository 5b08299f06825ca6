import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { can } from "@/lib/auth/permissions";
import { getConnectionView, suggestVerifyToken } from "@/lib/services/whatsapp/connections";
import { appUrl } from "@/lib/http/app-url";
import { env } from "@/lib/env";
import { Alert } from "@/components/ui/alert";
import { ConnectionSettings } from "@/components/whatsapp/connection-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("whatsapp") };
}

export default async function WhatsAppSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  const t = await getTranslations("whatsapp");
  if (!can(ctx.role, "connection:view")) return <Alert>{t("managersOnly")}</Alert>;
  const connection = await getConnectionView(ctx);
  return (
    <ConnectionSettings
      slug={slug}
      connection={connection ? { ...connection, lastCheckedAt: connection.lastCheckedAt?.toISOString() ?? null } : null}
      webhookUrl={`${appUrl()}/api/webhooks/whatsapp`}
      suggestedVerifyToken={connection?.webhookVerifyToken ?? env.WHATSAPP_WEBHOOK_VERIFY_TOKEN ?? suggestVerifyToken()}
      platformAppSecret={Boolean(env.META_APP_SECRET)}
    />
  );
}
