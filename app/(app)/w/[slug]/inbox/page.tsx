import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { can } from "@/lib/auth/permissions";
import { countConnections } from "@/lib/services/workspaces/overview";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Icon } from "@/components/shell/nav-icons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("inbox") };
}

export default async function InboxPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  const t = await getTranslations("inbox");
  const connected = (await countConnections(ctx)) > 0;
  const manager = can(ctx.role, "connection:manage");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState
        icon={<Icon name="inbox" className="size-10" />}
        title={connected ? t("emptyTitle") : t("notConnectedTitle")}
        description={connected ? t("emptyDescription") : manager ? t("notConnectedManager") : t("notConnectedAgent")}
        action={
          !connected && manager ? (
            <Link
              href={`/w/${slug}/settings`}
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("openSettings")}
            </Link>
          ) : undefined
        }
      />
    </>
  );
}
