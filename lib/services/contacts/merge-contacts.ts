/**
 * Merge two contacts that are the same person into one: the kept contact takes the other's
 * conversations, messages, notes (through the conversations), consent history, groups, tags and
 * campaign history, and the details it lacks; the other is then deleted. All in one transaction.
 *
 * WhatsApp identities decide what may merge: a contact's phone, wa_id and Meta user id are how the
 * webhook finds it and where replies go, so two contacts that each hold a *different* value of one
 * of them are two WhatsApp accounts and are refused (`contactsNotMergeable`). Merging fills in what
 * the kept contact lacks (a phone-only import and a username-only WhatsApp contact become one).
 *
 * Consent is judged towards caution: an opt-out on either side stays; an opt-in stays only if
 * neither opted out. If both have an open conversation, the duplicate's is resolved (a contact has
 * one open conversation) and stays in the history.
 */
import { z } from "zod";
import { Prisma } from "@/lib/db";
import { qualifiedTable } from "@/lib/db/pool";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Invalid, NotFound } from "@/lib/errors";
import { publishToWorkspace } from "@/lib/realtime/publish";
import { recordAudit } from "@/lib/services/audit/record";
import { invalidFromZod } from "./contact-fields";
import { storedCustomFields } from "./custom-field-values";

export const mergeContactsSchema = z
  .object({ keepId: z.string().min(1).max(64), mergeId: z.string().min(1).max(64) })
  .refine((v) => v.keepId !== v.mergeId, { message: "mergeSameContact", path: ["mergeId"] });
export type MergeContactsInput = z.input<typeof mergeContactsSchema>;

const IDENTITIES = ["phone", "waId", "userId"] as const;

const earlier = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

export async function mergeContacts(ctx: WorkspaceContext, input: MergeContactsInput): Promise<{ contactId: string; movedConversations: number; movedMessages: number }> {
  authorize(ctx, "contact:write");
  const parsed = mergeContactsSchema.safeParse(input);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  const { keepId, mergeId } = parsed.data;
  const workspaceId = ctx.workspaceId;

  const result = await tenantDb(ctx).$transaction(async (tx) => {
    // Both rows locked in id order, so two merges of the same pair cannot interleave or deadlock.
    await tx.$queryRaw`
      SELECT id FROM ${Prisma.raw(qualifiedTable("Contact"))} WHERE id IN (${keepId}, ${mergeId}) AND "workspaceId" = ${workspaceId} ORDER BY id FOR UPDATE`;
    const rows = await tx.contact.findMany({ where: { workspaceId, id: { in: [keepId, mergeId] } } });
    const keep = rows.find((r) => r.id === keepId);
    const merge = rows.find((r) => r.id === mergeId);
    if (!keep || !merge) throw NotFound("contactNotFound");
    for (const key of IDENTITIES) {
      if (keep[key] && merge[key] && keep[key] !== merge[key]) throw Invalid("contactsNotMergeable", { field: "mergeId", params: { field: key } });
    }

    // The duplicate's open conversation is resolved when the kept contact has one open already.
    const openKept = await tx.conversation.findFirst({ where: { workspaceId, contactId: keep.id, isOpen: true }, select: { id: true } });
    if (openKept) {
      await tx.conversation.updateMany({ where: { workspaceId, contactId: merge.id, isOpen: true }, data: { isOpen: null, status: "resolved", resolvedAt: new Date() } });
    }
    const movedConversations = (await tx.conversation.updateMany({ where: { workspaceId, contactId: merge.id }, data: { contactId: keep.id } })).count;
    const movedMessages = (await tx.message.updateMany({ where: { workspaceId, contactId: merge.id }, data: { contactId: keep.id } })).count;
    await tx.consentEvent.updateMany({ where: { workspaceId, contactId: merge.id }, data: { contactId: keep.id } });

    // Labels and campaign history: the union (the kept contact's row wins where both have one).
    const [groups, tags, recipients] = await Promise.all([
      tx.contactGroupMember.findMany({ where: { contactId: merge.id }, select: { groupId: true } }),
      tx.contactTag.findMany({ where: { contactId: merge.id }, select: { tagId: true } }),
      tx.campaignRecipient.findMany({ where: { contactId: merge.id }, select: { id: true, campaignId: true } }),
    ]);
    await tx.contactGroupMember.createMany({ data: groups.map((g) => ({ groupId: g.groupId, contactId: keep.id })), skipDuplicates: true });
    await tx.contactTag.createMany({ data: tags.map((t) => ({ tagId: t.tagId, contactId: keep.id })), skipDuplicates: true });
    if (recipients.length > 0) {
      const kept = new Set((await tx.campaignRecipient.findMany({ where: { contactId: keep.id, campaignId: { in: recipients.map((r) => r.campaignId) } }, select: { campaignId: true } })).map((r) => r.campaignId));
      const movable = recipients.filter((r) => !kept.has(r.campaignId)).map((r) => r.id);
      if (movable.length > 0) await tx.campaignRecipient.updateMany({ where: { id: { in: movable } }, data: { contactId: keep.id } });
    }

    // The duplicate goes first: its identities are unique per workspace and move to the kept row.
    await tx.contact.deleteMany({ where: { workspaceId, id: merge.id } });
    const optedOutAt = earlier(keep.optedOutAt, merge.optedOutAt);
    const outFrom = optedOutAt === keep.optedOutAt ? keep : merge;
    const firstReferral = keep.referredAt && (!merge.referredAt || keep.referredAt <= merge.referredAt) ? keep : merge.referredAt ? merge : keep;
    await tx.contact.updateMany({
      where: { workspaceId, id: keep.id },
      data: {
        phone: keep.phone ?? merge.phone,
        waId: keep.waId ?? merge.waId,
        userId: keep.userId ?? merge.userId,
        name: keep.name ?? merge.name,
        profileName: keep.profileName ?? merge.profileName,
        email: keep.email ?? merge.email,
        customFields: { ...storedCustomFields(merge.customFields), ...storedCustomFields(keep.customFields) } as Prisma.InputJsonObject,
        optedOutAt,
        optOutReason: optedOutAt ? outFrom.optOutReason : null,
        optOutSource: optedOutAt ? outFrom.optOutSource : null,
        optedInAt: optedOutAt ? null : earlier(keep.optedInAt, merge.optedInAt),
        optInSource: optedOutAt ? null : (keep.optedInAt ? keep.optInSource : merge.optInSource),
        lastInboundAt: later(keep.lastInboundAt, merge.lastInboundAt),
        referral: (firstReferral.referral ?? undefined) as Prisma.InputJsonValue | undefined,
        referralSourceId: firstReferral.referralSourceId,
        referredAt: firstReferral.referredAt,
        createdAt: earlier(keep.createdAt, merge.createdAt) ?? keep.createdAt,
      },
    });
    await recordAudit(tx, ctx, "contacts.merged", { type: "contact", id: keep.id }, { mergedContactId: merge.id, conversations: movedConversations, messages: movedMessages });
    return { contactId: keep.id, movedConversations, movedMessages };
  });

  await publishToWorkspace(ctx.workspaceId, "contacts.changed", { at: new Date().toISOString() });
  return result;
}
