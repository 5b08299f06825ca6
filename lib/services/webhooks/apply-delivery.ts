/**
 * Walks a stored delivery — every change of every entry — and applies each part inside the
 * event's transaction. Parsing is level by level, so a malformed entry, change, message or status
 * is noted and skipped while the rest still applies; only database errors abort (and roll back)
 * the whole event.
 *
 * The batch path (process-batch.ts) walks a delivery made of statuses alone with statusOnlySteps
 * (the same levels and notes, no database) and settles each status with settleStatus, the same
 * step this walk takes after applying one.
 */
import type { Prisma } from "@/lib/db";
import { writeCampaignCounters } from "@/lib/services/campaigns/attribution/campaign-counters";
import { suppressUndeliverable } from "@/lib/services/campaigns/attribution/contact-effects";
import { META_UNDELIVERABLE, moveRecipientByStatus, type RecipientMove } from "@/lib/services/campaigns/attribution/recipient-status";
import { applyMetaOptOut, applyMetaOptOutOfContact, META_MARKETING_STOPPED } from "@/lib/services/contacts/consent";
import { changeSchema, entrySchema, envelopeSchema, messagesValueSchema } from "@/lib/whatsapp/webhook/envelope";
import { parseInboundMessage } from "@/lib/whatsapp/webhook/inbound-message";
import { describeMetaError, parseMetaErrors } from "@/lib/whatsapp/webhook/meta-error";
import { parseStatus, type ParsedStatus } from "@/lib/whatsapp/webhook/status";
import { parseTemplateStatus } from "@/lib/whatsapp/webhook/template-status";
import { parseTemplateCategory, parseTemplateQuality } from "@/lib/whatsapp/webhook/template-updates";
import { applyStatus } from "./apply-status";
import { parseNumberQuality } from "@/lib/whatsapp/webhook/number-quality";
import { applyNumberQuality } from "./apply-number-quality";
import { applyTemplateStatus } from "./apply-template-status";
import { applyTemplateCategory, applyTemplateQuality } from "./apply-template-updates";
import type { WebhookHooks } from "./hooks";
import { parseProfiles, profileFor } from "./inbound/profiles";
import { receiveMessage } from "./inbound/receive-message";
import type { AppliedStatus, EventWork } from "./outcome";
import { EventRouting } from "./routing";

interface Context {
  tx: Prisma.TransactionClient;
  routing: EventRouting;
  work: EventWork;
  receivedAt: Date;
  hooks: WebhookHooks;
}

function issue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join(".") || "value"}: ${first.message}` : "invalid";
}

/** The note of a status that is not applied (malformed, or a value Meta added that we do not handle). */
export function statusNote(where: string, i: number, status: Extract<ParsedStatus, { ok: false }>): string {
  return `${where}.statuses[${i}]${status.wamid ? ` ${status.wamid}` : ""}: ${status.reason}${status.ignorable ? "" : ": skipped"}`;
}

export function unknownNumberNote(where: string, phoneNumberId: string): string {
  return `${where}: unknown phone number id ${phoneNumberId}: ignored`;
}

/**
 * What follows one applied status, in both paths: its campaign's increments, Meta's refusals (131050
 * opt-out through the Message, else through the recipient; 131026 suppression), the onStatus hook,
 * and whether the event must wait for the message.
 */
export async function settleStatus(
  tx: Prisma.TransactionClient,
  applied: AppliedStatus,
  recipient: RecipientMove | null,
  work: EventWork,
  hooks: WebhookHooks,
  receivedAt: Date,
): Promise<void> {
  const { workspaceId } = applied;
  if (recipient) work.campaigns.add({ workspaceId, campaignId: recipient.campaignId }, recipient.counts);
  const refusal = applied.status === "failed" ? applied.errors[0] : undefined;
  if (refusal?.code === META_MARKETING_STOPPED && applied.messageId) {
    const change = await applyMetaOptOut(tx, workspaceId, applied.messageId, refusal.title ?? null);
    if (change) work.consent.push(change);
  } else if (refusal?.code === META_MARKETING_STOPPED && recipient) {
    await applyMetaOptOutOfContact(tx, workspaceId, recipient.contactId, refusal.title ?? null);
  }
  if (refusal?.code === META_UNDELIVERABLE && recipient?.failed) {
    await suppressUndeliverable(tx, workspaceId, recipient.contactId, refusal, applied.timestamp ?? receivedAt);
  }
  const recognised = (await hooks.onStatus?.(tx, applied)) === true || recipient !== null;
  work.statuses.push(applied);
  if (!applied.messageId && !recognised) work.waitingFor.push(applied.wamid);
}

async function applyMessagesChange(ctx: Context, where: string, rawValue: unknown): Promise<void> {
  const { tx, work } = ctx;
  const parsed = messagesValueSchema.safeParse(rawValue);
  if (!parsed.success) {
    work.note(`${where}: ${issue(parsed.error)}: skipped`);
    return;
  }
  const value = parsed.data;
  const route = await ctx.routing.byPhoneNumberId(value.metadata.phone_number_id);
  if (!route) {
    work.note(unknownNumberNote(where, value.metadata.phone_number_id));
    return;
  }

  const profiles = parseProfiles(value.contacts);
  for (const [i, raw] of (value.messages ?? []).entries()) {
    const message = parseInboundMessage(raw);
    if (!message.ok) {
      work.note(`${where}.messages[${i}]${message.wamid ? ` ${message.wamid}` : ""}: ${message.reason}: skipped`);
      continue;
    }
    await receiveMessage(tx, route, message.message, profileFor(profiles, message.message), work, ctx.receivedAt);
  }

  for (const [i, raw] of (value.statuses ?? []).entries()) {
    const status = parseStatus(raw);
    if (!status.ok) {
      work.note(statusNote(where, i, status));
      continue;
    }
    const applied = await applyStatus(tx, route.workspaceId, status.status, ctx.receivedAt);
    // The campaign recipient moves with its message, in this transaction (also without a message:
    // the sender may have crashed before writing it).
    const recipient = await moveRecipientByStatus(tx, route.workspaceId, status.status, ctx.receivedAt);
    await settleStatus(tx, applied, recipient, work, ctx.hooks, ctx.receivedAt);
  }

  for (const error of parseMetaErrors(value.errors)) work.note(`${where}: Meta error ${describeMetaError(error)}`);
}

/** The change fields applyDelivery applies besides `messages`. */
const TEMPLATE_FIELDS = new Set(["message_template_status_update", "message_template_quality_update", "template_category_update"]);

/** A step of a delivery made of statuses alone: a note, or one `messages` change's statuses. */
export type StatusStep =
  | { kind: "note"; text: string }
  | { kind: "statuses"; where: string; phoneNumberId: string; statuses: unknown[]; errors: unknown };

/**
 * The walk of applyDelivery, without the database, for a delivery whose changes carry statuses and
 * nothing else to apply (no inbound message, no template update): its notes and status lists in
 * the walk's order. Null when it carries more: that event takes applyDelivery's path.
 */
export function statusOnlySteps(payload: unknown): StatusStep[] | null {
  const envelope = envelopeSchema.safeParse(payload);
  if (!envelope.success) return [{ kind: "note", text: "ignored: not a whatsapp_business_account delivery" }];
  const steps: StatusStep[] = [];
  for (const [e, rawEntry] of envelope.data.entry.entries()) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      steps.push({ kind: "note", text: `entry[${e}]: ${issue(entry.error)}: skipped` });
      continue;
    }
    for (const [c, rawChange] of entry.data.changes.entries()) {
      const where = `entry[${e}].changes[${c}]`;
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) {
        steps.push({ kind: "note", text: `${where}: ${issue(change.error)}: skipped` });
        continue;
      }
      if (change.data.field === "messages") {
        const value = messagesValueSchema.safeParse(change.data.value);
        if (!value.success) {
          steps.push({ kind: "note", text: `${where}: ${issue(value.error)}: skipped` });
          continue;
        }
        if ((value.data.messages?.length ?? 0) > 0) return null;
        const { metadata, statuses = [], errors } = value.data;
        steps.push({ kind: "statuses", where, phoneNumberId: metadata.phone_number_id, statuses, errors });
      } else if (TEMPLATE_FIELDS.has(change.data.field)) {
        return null;
      }
    }
  }
  return steps;
}

export async function applyDelivery(
  tx: Prisma.TransactionClient,
  payload: unknown,
  work: EventWork,
  options: { receivedAt: Date; hooks: WebhookHooks },
): Promise<void> {
  const envelope = envelopeSchema.safeParse(payload);
  if (!envelope.success) {
    work.note("ignored: not a whatsapp_business_account delivery");
    return;
  }
  const ctx: Context = { tx, routing: new EventRouting(tx), work, ...options };

  for (const [e, rawEntry] of envelope.data.entry.entries()) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      work.note(`entry[${e}]: ${issue(entry.error)}: skipped`);
      continue;
    }
    for (const [c, rawChange] of entry.data.changes.entries()) {
      const where = `entry[${e}].changes[${c}]`;
      const change = changeSchema.safeParse(rawChange);
      if (!change.success) {
        work.note(`${where}: ${issue(change.error)}: skipped`);
        continue;
      }
      if (change.data.field === "messages") {
        await applyMessagesChange(ctx, where, change.data.value);
      } else if (change.data.field === "message_template_status_update") {
        const update = parseTemplateStatus(change.data.value);
        if (update.ok) await applyTemplateStatus(tx, ctx.routing, entry.data.id, update.update, work);
        else work.note(`${where}: ${update.reason}: skipped`);
      } else if (change.data.field === "message_template_quality_update") {
        const update = parseTemplateQuality(change.data.value);
        if (update.ok) await applyTemplateQuality(tx, ctx.routing, entry.data.id, update.update, work, ctx.receivedAt);
        else work.note(`${where}: ${update.reason}: skipped`);
      } else if (change.data.field === "template_category_update") {
        const update = parseTemplateCategory(change.data.value);
        if (update.ok) await applyTemplateCategory(tx, ctx.routing, entry.data.id, update.update, work);
        else work.note(`${where}: ${update.reason}: skipped`);
      } else if (change.data.field === "phone_number_quality_update") {
        const update = parseNumberQuality(change.data.value);
        if (update.ok) await applyNumberQuality(tx, entry.data.id, update.update, work, ctx.receivedAt);
        else work.note(`${where}: ${update.reason}: skipped`);
      }
      // Other fields (account_update, …) are kept in the raw event only.
    }
  }
  // What the statuses and replies added to their campaigns' counters: one UPDATE, last.
  await writeCampaignCounters(tx, work.campaigns);
}
