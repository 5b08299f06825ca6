/**
 * The contact behind an inbound message, by (workspace, waId) — else by Meta's business-scoped
 * user id, else by the phone number a CRM import may already hold — created when new. Race-safe
 * without aborting the transaction: creation is INSERT … ON CONFLICT DO NOTHING followed by a
 * re-read, so two deliveries from a new customer processed at once end with one contact.
 */
import { Prisma } from "@/lib/db";
import type { Referral } from "@/lib/whatsapp/webhook/referral";
import { SQL_NOW_UTC, sqlName, sqlTimestamp } from "../sql";

export interface SenderIdentity {
  waId: string | null;
  userId: string | null;
  profileName: string | null;
}

interface ContactRow {
  id: string;
  waId: string | null;
  userId: string | null;
  phone: string | null;
  profileName: string | null;
}

const select = { id: true, waId: true, userId: true, phone: true, profileName: true } as const;

/** E.164 from a WhatsApp id, when it is a phone number's digits. */
export function phoneFromWaId(waId: string | null): string | null {
  return waId && /^\d{6,15}$/.test(waId) ? `+${waId}` : null;
}

function keys(identity: { waId: string | null; userId: string | null; phone: string | null }): Prisma.ContactWhereInput[] {
  const or: Prisma.ContactWhereInput[] = [];
  if (identity.waId) or.push({ waId: identity.waId });
  if (identity.userId) or.push({ userId: identity.userId });
  if (identity.phone) or.push({ phone: identity.phone });
  return or;
}

async function find(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  identity: SenderIdentity,
  phone: string | null,
): Promise<ContactRow | null> {
  const rows = await tx.contact.findMany({ where: { workspaceId, OR: keys({ ...identity, phone }) }, select, take: 3 });
  return (
    rows.find((r) => identity.waId !== null && r.waId === identity.waId) ??
    rows.find((r) => identity.userId !== null && r.userId === identity.userId) ??
    rows[0] ??
    null
  );
}

/** Identifiers `contact` lacks and no other contact of the workspace holds (a unique index would refuse them). */
async function learnable(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  contact: ContactRow,
  wanted: { waId: string | null; userId: string | null; phone: string | null },
): Promise<Prisma.ContactUpdateInput> {
  const missing = {
    waId: contact.waId ? null : wanted.waId,
    userId: contact.userId ? null : wanted.userId,
    phone: contact.phone ? null : wanted.phone,
  };
  const or = keys(missing);
  if (or.length === 0) return {};
  const taken = await tx.contact.findMany({ where: { workspaceId, id: { not: contact.id }, OR: or }, select });
  return {
    ...(missing.waId && !taken.some((t) => t.waId === missing.waId) ? { waId: missing.waId } : {}),
    ...(missing.userId && !taken.some((t) => t.userId === missing.userId) ? { userId: missing.userId } : {}),
    ...(missing.phone && !taken.some((t) => t.phone === missing.phone) ? { phone: missing.phone } : {}),
  };
}

export async function upsertContact(tx: Prisma.TransactionClient, workspaceId: string, identity: SenderIdentity): Promise<{ id: string }> {
  const phone = phoneFromWaId(identity.waId);
  let contact = await find(tx, workspaceId, identity, phone);
  if (!contact) {
    await tx.contact.createMany({
      data: [{ workspaceId, waId: identity.waId, userId: identity.userId, phone, profileName: identity.profileName }],
      skipDuplicates: true,
    });
    contact = await find(tx, workspaceId, identity, phone);
    if (!contact) throw new Error("contact neither created nor found");
    if (contact.profileName === identity.profileName && contact.waId === identity.waId && contact.userId === identity.userId)
      return contact;
  }
  const data: Prisma.ContactUpdateInput = {
    ...(identity.profileName && identity.profileName !== contact.profileName ? { profileName: identity.profileName } : {}),
    ...(await learnable(tx, workspaceId, contact, { waId: identity.waId, userId: identity.userId, phone })),
  };
  if (Object.keys(data).length > 0) await tx.contact.update({ where: { id: contact.id }, data, select: { id: true } });
  return { id: contact.id };
}

/**
 * A `system` message: the user changed number (new wa_id) or business-scoped user id. The contact
 * follows, keeping its history — unless another contact of the workspace already holds the new
 * identifier, in which case nothing changes and the caller notes it.
 */
export async function changeIdentity(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  contactId: string,
  change: { waId: string | null; userId: string | null },
): Promise<boolean> {
  const phone = phoneFromWaId(change.waId);
  const or = keys({ waId: change.waId, userId: change.userId, phone });
  if (or.length === 0) return false;
  const clash = await tx.contact.findFirst({ where: { workspaceId, id: { not: contactId }, OR: or }, select: { id: true } });
  if (clash) return false;
  await tx.contact.update({
    where: { id: contactId },
    data: { ...(change.waId ? { waId: change.waId, phone } : {}), ...(change.userId ? { userId: change.userId } : {}) },
    select: { id: true },
  });
  return true;
}

/**
 * Opens (or extends) the 24-hour customer-service window: lastInboundAt only ever moves forward.
 *
 * With a click-to-WhatsApp `referral`, the same statement records the contact's attribution:
 * `referral`, `referralSourceId` (its source_id, for the contacts filter) and `referredAt` (the
 * message's time) are the referral of the contact's first message that carried one. A later
 * referral never replaces them. An earlier one does when it is processed late (Meta delivers
 * unordered and retries for days): "first" is by Meta's timestamp, so the result does not depend
 * on delivery order; an equal timestamp keeps what is there. A referral that did not come from
 * this pipeline (no `referredAt`) is never touched. Without a referral the statement is unchanged.
 */
export async function touchContactInbound(
  tx: Prisma.TransactionClient,
  contactId: string,
  at: Date,
  referral: Referral | null = null,
): Promise<void> {
  const time = sqlTimestamp(at);
  const replace = Prisma.sql`("referral" IS NULL OR "referredAt" > ${time})`;
  // Every SET expression reads the row as it was, so the three columns move together or not at all.
  const attribution = referral
    ? Prisma.sql`,
      "referral" = CASE WHEN ${replace} THEN ${JSON.stringify(referral)}::jsonb ELSE "referral" END,
      "referralSourceId" = CASE WHEN ${replace} THEN ${referral.source_id ?? null}::text ELSE "referralSourceId" END,
      "referredAt" = CASE WHEN ${replace} THEN ${time} ELSE "referredAt" END`
    : Prisma.empty;
  await tx.$executeRaw`UPDATE ${sqlName("Contact")} SET "lastInboundAt" = GREATEST("lastInboundAt", ${time}), "updatedAt" = ${SQL_NOW_UTC}${attribution} WHERE id = ${contactId}`;
}
