/**
 * Walks a stored delivery — every change of every entry — and applies each part inside the
 * event's transaction. Parsing is level by level, so a malformed entry, change, message or status
 * is noted and skipped while the rest still applies; only database errors abort (and roll back)
 * the whole event.
 */
import type { Prisma } from "@/lib/db";
import { writeCampaignCounters } from "@/lib/services/campaigns/attribution/campaign-counters";
import { suppressUndeliverable } from "@/lib/services/campaigns/attribution/contact-effects";
import { META_UNDELIVERABLE, moveRecipientByStatus } from "@/lib/services/campaigns/attribution/recipient-status";
import { applyMetaOptOut, applyMetaOptOutOfContact, META_MARKETING_STOPPED } from "@/lib/services/contacts/consent";
import { changeSchema, entrySchema, envelopeSchema, messagesValueSchema } from "@/lib/whatsapp/webhook/envelope";
import { parseInboundMessage } from "@/lib/whatsapp/webhook/inbound-message";
import { describeMetaError, parseMetaErrors } from "@/lib/whatsapp/webhook/meta-error";
import { parseStatus } from "@/lib/whatsapp/webhook/status";
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
import type { EventWork } from "./outcome";
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
    work.note(`${where}: unknown phone number id ${value.metadata.phone_number_id}: ignored`);
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
      work.note(`${where}.statuses[${i}]${status.wamid ? ` ${status.wamid}` : ""}: ${status.reason}${status.ignorable ? "" : ": skipped"}`);
      continue;
    }
    const applied = await applyStatus(tx, route.workspaceId, status.status, ctx.receivedAt);
    // The campaign recipient moves with its message, in this transaction (also without a message:
    // the sender may have crashed before writing it).
    const recipient = await moveRecipientByStatus(tx, route.workspaceId, status.status, ctx.receivedAt);
    if (recipient) work.campaigns.add({ workspaceId: route.workspaceId, campaignId: recipient.campaignId }, recipient.counts);
    const refusal = applied.status === "failed" ? applied.errors[0] : undefined;
    if (refusal?.code === META_MARKETING_STOPPED && applied.messageId) {
      const change = await applyMetaOptOut(tx, route.workspaceId, applied.messageId, refusal.title ?? null);
      if (change) work.consent.push(change);
    } else if (refusal?.code === META_MARKETING_STOPPED && recipient) {
      await applyMetaOptOutOfContact(tx, route.workspaceId, recipient.contactId, refusal.title ?? null);
    }
    if (refusal?.code === META_UNDELIVERABLE && recipient?.failed) {
      await suppressUndeliverable(tx, route.workspaceId, recipient.contactId, refusal, applied.timestamp ?? ctx.receivedAt);
    }
    const recognised = (await ctx.hooks.onStatus?.(tx, applied)) === true || recipient !== null;
    work.statuses.push(applied);
    if (!applied.messageId && !recognised) work.waitingFor.push(applied.wamid);
  }

  for (const error of parseMetaErrors(value.errors)) work.note(`${where}: Meta error ${describeMetaError(error)}`);
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
