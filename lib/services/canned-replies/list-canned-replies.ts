/**
 * The workspace's canned replies: for the "/" picker (a query matches shortcuts by prefix first,
 * then shortcut, title or body containing it) and for the settings table (no query: all, by shortcut).
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";

export interface CannedReply {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  updatedAt: Date;
}

export const CANNED_REPLIES_PICKER_LIMIT = 20;
const select = { id: true, shortcut: true, title: true, body: true, updatedAt: true } as const;

export async function listCannedReplies(ctx: WorkspaceContext, input: { query?: string | null } = {}): Promise<CannedReply[]> {
  authorize(ctx, "conversation:view");
  const query = (input.query ?? "").trim().replace(/^\//, "").slice(0, 100);
  if (!query) {
    return tenantDb(ctx).cannedReply.findMany({ where: { workspaceId: ctx.workspaceId }, orderBy: { shortcut: "asc" }, select, take: 500 });
  }
  const contains = { contains: query, mode: "insensitive" as const };
  const rows = await tenantDb(ctx).cannedReply.findMany({
    where: { workspaceId: ctx.workspaceId, OR: [{ shortcut: contains }, { title: contains }, { body: contains }] },
    orderBy: { shortcut: "asc" },
    select,
    take: 200,
  });
  // Shortcut prefix, then title prefix, then anything containing the query.
  const lower = query.toLowerCase();
  const rank = (reply: CannedReply) => (reply.shortcut.startsWith(lower) ? 0 : reply.title.toLowerCase().startsWith(lower) ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || a.shortcut.localeCompare(b.shortcut)).slice(0, CANNED_REPLIES_PICKER_LIMIT);
}
