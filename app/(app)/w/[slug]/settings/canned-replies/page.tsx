import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { can } from "@/lib/auth/permissions";
import { listCannedReplies } from "@/lib/services/canned-replies/list-canned-replies";
import { CannedRepliesManager } from "@/components/settings/canned-replies/canned-replies-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("cannedReplies") };
}

export default async function CannedRepliesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  const replies = await listCannedReplies(ctx);
  return (
    <CannedRepliesManager
      slug={slug}
      canManage={can(ctx.role, "canned_reply:manage")}
      replies={replies.map((r) => ({ id: r.id, shortcut: r.shortcut, title: r.title, body: r.body }))}
    />
  );
}
