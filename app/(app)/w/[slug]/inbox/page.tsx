import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { can } from "@/lib/auth/permissions";
import { countConnections } from "@/lib/services/workspaces/overview";
import { listConversations } from "@/lib/services/inbox/list-conversations";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Icon } from "@/components/shell/nav-icons";
import { ConversationList } from "@/components/inbox/conversation-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("inbox") };
}

export default async function InboxPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  const t = await getTranslations("inbox");
  const [connections, conversations] = await Promise.all([countConnections(ctx), listConversations(ctx)]);
  const manager = can(ctx.role, "connection:manage");

  if (conversations.length > 0) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <ConversationList conversations={conversations} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState
        icon={<Icon name="inbox" className="size-10" />}
        title={connections > 0 ? t("emptyTitle") : t("notConnectedTitle")}
        description={connections > 0 ? t("emptyDescription") : manager ? t("notConnectedManager") : t("notConnectedAgent")}
        action={
          connections === 0 && manager ? (
            <Link href={`/w/${slug}/settings/whatsapp`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t("openSettings")}
            </Link>
          ) : undefined
        }
      />
    </>
  );
}
