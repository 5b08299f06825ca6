/**
 * An owner or admin deletes one contact from its page. The database cascades take the contact's
 * conversations (with their messages and notes), group and tag memberships, consent history and
 * campaign recipient rows with it (prisma/schema.prisma, onDelete: Cascade); media rows of those
 * messages stay, unlinked (onDelete: SetNull), for media retention to clear. The audit row keeps
 * what went — counts, no personal data — and `contact.updated` tells open views (the inbox panel
 * re-reads and finds nothing).
 */
import { z } from "zod";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { NotFound } from "@/lib/errors";
import { publishToWorkspace } from "@/lib/realtime/publish";
import { recordAudit } from "@/lib/services/audit/record";

export const deleteContactSchema = z.object({ contactId: z.string().min(1).max(64) });
export type DeleteContactInput = z.input<typeof deleteContactSchema>;

export async function deleteContact(ctx: WorkspaceContext, input: DeleteContactInput): Promise<{ conversations: number; messages: number }> {
  authorize(ctx, "contact:delete");
  const parsed = deleteContactSchema.safeParse(input);
  if (!parsed.success) throw NotFound("contactNotFound");
  const { contactId } = parsed.data;

  const removed = await tenantDb(ctx).$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({ where: { id: contactId, workspaceId: ctx.workspaceId }, select: { id: true } });
    if (!contact) throw NotFound("contactNotFound");
    const conversations = await tx.conversation.count({ where: { contactId: contact.id, workspaceId: ctx.workspaceId } });
    const messages = await tx.message.count({ where: { contactId: contact.id, workspaceId: ctx.workspaceId } });
    const { count } = await tx.contact.deleteMany({ where: { id: contact.id, workspaceId: ctx.workspaceId } });
    // Deleted meanwhile by someone else: theirs is the audit row.
    if (count === 0) throw NotFound("contactNotFound");
    await recordAudit(tx, ctx, "contact.deleted", { type: "contact", id: contact.id }, { conversations, messages });
    return { conversations, messages };
  });

  await publishToWorkspace(ctx.workspaceId, "contact.updated", { contactId, at: new Date().toISOString() });
  return removed;
}
