import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { PageHeader } from "@/components/shell/page-header";
import { SettingsTabs } from "@/components/workspace/settings-tabs";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [t, { ctx }] = await Promise.all([getTranslations("settings"), requireWorkspace(slug)]);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} />
      <SettingsTabs slug={slug} canManageContacts={can(ctx.role, "contact:fields")} />
      <div className="mt-6">{children}</div>
    </div>
  );
}
