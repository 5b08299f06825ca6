/**
 * Creating, editing and deleting canned replies: owners and admins (`canned_reply:manage`). A
 * shortcut is unique in the workspace (the schema's unique index decides, also between two
 * concurrent saves): a duplicate is refused on the `shortcut` field.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { isUniqueViolation } from "@/lib/db/errors";
import { Conflict, NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/services/inbox/parse-input";
import type { CannedReply } from "./list-canned-replies";
import { cannedReplyFieldsSchema, cannedReplyIdSchema, type CannedReplyFields } from "./schemas";

const select = { id: true, shortcut: true, title: true, body: true, updatedAt: true } as const;
const duplicate = () => Conflict("cannedReplyShortcutTaken", { field: "shortcut" });

export async function createCannedReply(ctx: WorkspaceContext, input: CannedReplyFields): Promise<CannedReply> {
  authorize(ctx, "canned_reply:manage");
  const fields = parseInput(cannedReplyFieldsSchema, input);
  try {
    return await tenantDb(ctx).cannedReply.create({ data: { ...fields, workspaceId: ctx.workspaceId, createdById: ctx.userId }, select });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

export async function updateCannedReply(ctx: WorkspaceContext, input: CannedReplyFields & { id: string }): Promise<CannedReply> {
  authorize(ctx, "canned_reply:manage");
  const id = parseInput(cannedReplyIdSchema, input.id);
  const fields = parseInput(cannedReplyFieldsSchema, input);
  try {
    const updated = await tenantDb(ctx).cannedReply.updateMany({ where: { id, workspaceId: ctx.workspaceId }, data: fields });
    if (updated.count === 0) throw NotFound("cannedReplyNotFound");
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
  const reply = await tenantDb(ctx).cannedReply.findFirst({ where: { id, workspaceId: ctx.workspaceId }, select });
  if (!reply) throw NotFound("cannedReplyNotFound");
  return reply;
}

export async function deleteCannedReply(ctx: WorkspaceContext, id: string): Promise<void> {
  authorize(ctx, "canned_reply:manage");
  const deleted = await tenantDb(ctx).cannedReply.deleteMany({ where: { id: parseInput(cannedReplyIdSchema, id), workspaceId: ctx.workspaceId } });
  if (deleted.count === 0) throw NotFound("cannedReplyNotFound");
}
