/**
 * Consent to marketing messages, as customers and Meta express it:
 * - a customer's whole message equal to one of the workspace's opt-out keywords (default STOP,
 *   UNSUBSCRIBE, BERHENTI, BATAL) opts them out; an opt-in keyword (START, SUBSCRIBE, MULAI) opts
 *   them back in. Case, accents, spaces and punctuation around the word do not matter ("Stop!",
 *   " berhenti."); a sentence that merely contains the word ("don't stop sending") changes nothing.
 * - Meta's error 131050 on one of our messages (the user stopped marketing messages from this
 *   business) opts the contact out.
 * Each change is written with its source and kept as a ConsentEvent tied to the message behind it,
 * once per message however often Meta redelivers it. Opted-out contacts are the suppression list
 * no marketing send may pass (sendMessage and campaigns read Contact.optedOutAt).
 * Both run inside the webhook event's transaction, on the workspace routed from Meta's payload.
 */
import type { Prisma } from "@/lib/db";
import type { ConsentKind } from "@/lib/generated/prisma/enums";

/** Meta: "This user has stopped marketing messages from your business" (META.md). */
export const META_MARKETING_STOPPED = 131050;

/** A word as compared: upper case, accents and surrounding punctuation and spaces gone. */
export function keywordForm(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "")
    .replace(/\s+/g, " ")
    .toUpperCase();
}

/** Whether `text` (a whole message) is one of the keywords, and which kind. Opt-out wins a tie. */
/** Longer than this (in keyword form), a message is never a keyword: no need to read the workspace's. */
export const KEYWORD_MAX = 40;

export function matchConsentKeyword(text: string, keywords: { optOut: string[]; optIn: string[] }): { kind: ConsentKind; keyword: string } | null {
  const said = keywordForm(text);
  if (!said || said.length > KEYWORD_MAX) return null;
  const optOut = keywords.optOut.find((k) => keywordForm(k) === said);
  if (optOut) return { kind: "opt_out", keyword: optOut };
  const optIn = keywords.optIn.find((k) => keywordForm(k) === said);
  return optIn ? { kind: "opt_in", keyword: optIn } : null;
}

export interface ConsentChange {
  workspaceId: string;
  contactId: string;
  /** The message behind the change: the customer's keyword, or our message Meta refused. */
  messageId: string;
  kind: ConsentKind;
  source: "keyword" | "meta";
}

async function recordEvent(tx: Prisma.TransactionClient, change: ConsentChange, detail: string | null): Promise<boolean> {
  const { count } = await tx.consentEvent.createMany({
    data: [{ workspaceId: change.workspaceId, contactId: change.contactId, kind: change.kind, source: change.source, detail, messageId: change.messageId }],
    skipDuplicates: true,
  });
  return count === 1;
}

/**
 * An inbound text message that is a consent keyword: the contact's consent changes (when it is
 * not already so) and the change is returned, for the confirmation reply; null otherwise.
 */
export async function applyInboundConsent(
  tx: Prisma.TransactionClient,
  message: { workspaceId: string; contactId: string; messageId: string; text: string; at: Date },
): Promise<ConsentChange | null> {
  // Most messages are sentences: decided without reading the keywords (the webhook's hot path).
  const said = keywordForm(message.text);
  if (!said || said.length > KEYWORD_MAX) return null;
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: message.workspaceId }, select: { optOutKeywords: true, optInKeywords: true } });
  const match = matchConsentKeyword(message.text, { optOut: workspace.optOutKeywords, optIn: workspace.optInKeywords });
  if (!match) return null;
  const where = { id: message.contactId, workspaceId: message.workspaceId };
  const moved =
    match.kind === "opt_out"
      ? await tx.contact.updateMany({
          where: { ...where, optedOutAt: null },
          data: { optedOutAt: message.at, optOutReason: `Wrote ${match.keyword}`, optOutSource: "keyword" },
        })
      : await tx.contact.updateMany({
          where: { ...where, optedOutAt: { not: null } },
          data: { optedOutAt: null, optOutReason: null, optOutSource: null, optedInAt: message.at, optInSource: "keyword" },
        });
  if (moved.count === 0) return null;
  const change: ConsentChange = { workspaceId: message.workspaceId, contactId: message.contactId, messageId: message.messageId, kind: match.kind, source: "keyword" };
  return (await recordEvent(tx, change, match.keyword)) ? change : null;
}

/** Meta refused our message with 131050: its contact opts out of marketing (once). */
export async function applyMetaOptOut(tx: Prisma.TransactionClient, workspaceId: string, messageId: string, errorTitle: string | null): Promise<ConsentChange | null> {
  const message = await tx.message.findFirst({ where: { id: messageId, workspaceId }, select: { contactId: true } });
  if (!message) return null;
  const moved = await tx.contact.updateMany({
    where: { id: message.contactId, workspaceId, optedOutAt: null },
    data: { optedOutAt: new Date(), optOutReason: errorTitle ?? "Meta: the user stopped marketing messages", optOutSource: "meta" },
  });
  const change: ConsentChange = { workspaceId, contactId: message.contactId, messageId, kind: "opt_out", source: "meta" };
  // The event is kept even when the contact had opted out already: Meta's word is evidence too.
  const recorded = await recordEvent(tx, change, errorTitle);
  return moved.count === 1 && recorded ? change : null;
}

/**
 * Meta refused a campaign message with 131050 and we hold no Message row for it (the sender
 * crashed before writing it; the recipient was settled from the status): its contact opts out
 * (once). The ConsentEvent names no message; it is written only when the contact moved, so a
 * redelivery records nothing more.
 */
export async function applyMetaOptOutOfContact(tx: Prisma.TransactionClient, workspaceId: string, contactId: string, errorTitle: string | null): Promise<boolean> {
  const moved = await tx.contact.updateMany({
    where: { id: contactId, workspaceId, optedOutAt: null },
    data: { optedOutAt: new Date(), optOutReason: errorTitle ?? "Meta: the user stopped marketing messages", optOutSource: "meta" },
  });
  if (moved.count === 0) return false;
  await tx.consentEvent.create({ data: { workspaceId, contactId, kind: "opt_out", source: "meta", detail: errorTitle }, select: { id: true } });
  return true;
}
