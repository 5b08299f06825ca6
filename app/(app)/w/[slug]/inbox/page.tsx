import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { can } from "@/lib/auth/permissions";
import { countConnections } from "@/lib/services/workspaces/overview";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/shell/nav-icons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("inbox") };
}

/** The inbox's right pane before a conversation is chosen (the list is in layout.tsx). */
export default async function InboxPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  const t = await getTranslations("inbox");
  const connections = await countConnections(ctx);
  const manager = can(ctx.role, "connection:manage");

  return (
    <div className="grid h-full place-items-center p-6">
      {connections > 0 ? (
        <EmptyState icon={<Icon name="inbox" className="size-10" />} title={t("selectTitle")} description={t("selectDescription")} />
      ) : (
        <EmptyState
          icon={<Icon name="inbox" className="size-10" />}
          title={t("notConnectedTitle")}
          description={manager ? t("notConnectedManager") : t("notConnectedAgent")}
          action={
            manager ? (
              <Link
                href={`/w/${slug}/settings/whatsapp`}
                className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              >
                {t("openSettings")}
              </Link>
            ) : undefined
          }
        />
      )}
    </div>
  );
}
