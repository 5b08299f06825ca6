/**
 * Click-to-WhatsApp attribution: the bounded subset of an inbound message's `referral` that Parley
 * keeps on the contact and the conversation (Contact.referral, Conversation.referral).
 *
 * Meta's shape (webhooks/reference/messages, "referral"): `{ source_url, source_id, source_type
 * ("ad" | "post"), headline, body, media_type ("image" | "video"), image_url, video_url,
 * thumbnail_url, ctwa_clid, welcome_message: { text } }`. Only those keys are kept, each on its own
 * terms: text trimmed, whitespace collapsed and cut to a sane length; ids kept only when they look
 * like ids (they go into an indexed column and into equality filters, so a cut id would be wrong,
 * not shorter); URLs only when absolute http(s) (lib/http/external-url.ts). A bad field is dropped,
 * never the referral, never the message. The largest possible result is a few kilobytes whatever
 * the payload, and nothing Meta sent is lost: the message's own `content.referral` keeps it whole.
 */
import { z } from "zod";
import { externalHttpUrl } from "@/lib/http/external-url";

export const REFERRAL_LIMITS = {
  sourceId: 128,
  ctwaClid: 512,
  kind: 32,
  headline: 300,
  body: 1000,
  welcome: 1000,
  url: 2048,
} as const;

export interface Referral {
  source_type?: string;
  source_id?: string;
  source_url?: string;
  headline?: string;
  body?: string;
  media_type?: string;
  image_url?: string;
  video_url?: string;
  thumbnail_url?: string;
  ctwa_clid?: string;
  welcome_message?: { text: string };
}

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

/** Trimmed, whitespace collapsed, control characters removed, at most `max` code points ("…" when cut). */
export function clipText(value: string, max: number): string {
  // Look at a bounded prefix only (a 3 MB headline costs nothing), never ending inside a surrogate pair.
  let head = value.length > max * 4 ? value.slice(0, max * 4) : value;
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  const line = head.replace(CONTROL, "").replace(/\s+/g, " ").trim();
  const points = Array.from(line);
  return points.length <= max
    ? line
    : `${points
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

const dropped = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const text = (max: number) => dropped(z.string().transform((s) => clipText(s, max) || undefined));
const token = (pattern: RegExp, max: number) => dropped(z.string().trim().max(max).regex(pattern));
const url = dropped(z.unknown().transform((v) => externalHttpUrl(v, REFERRAL_LIMITS.url) ?? undefined));
const kind = token(/^[A-Za-z0-9_-]+$/, REFERRAL_LIMITS.kind);

const referralSchema = z.object({
  source_type: kind,
  source_id: token(/^[\w.:-]+$/, REFERRAL_LIMITS.sourceId),
  source_url: url,
  headline: text(REFERRAL_LIMITS.headline),
  body: text(REFERRAL_LIMITS.body),
  media_type: kind,
  image_url: url,
  video_url: url,
  thumbnail_url: url,
  ctwa_clid: token(/^[\w.~:+/=-]+$/, REFERRAL_LIMITS.ctwaClid),
  welcome_message: dropped(z.object({ text: text(REFERRAL_LIMITS.welcome) })),
});

/**
 * The referral as Parley keeps it, or null when there is none (not an object, or no known key with
 * a usable value). Also re-reads a stored one, so whatever a row holds is shown within the same bounds.
 */
export function parseReferral(raw: unknown): Referral | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const parsed = referralSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { welcome_message, ...fields } = parsed.data;
  const kept: Referral = {};
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) kept[key as Exclude<keyof Referral, "welcome_message">] = value;
  if (welcome_message?.text) kept.welcome_message = { text: welcome_message.text };
  return Object.keys(kept).length > 0 ? kept : null;
}

/**
 * Whether two kept referrals are the same click (the panel shows a conversation's referral only
 * when it differs from the contact's first one). Both come out of `parseReferral`, whose key order
 * is fixed, so the same referral serialises the same; two clicks on one ad differ by `ctwa_clid`.
 */
export function sameReferral(a: Referral | null, b: Referral | null): boolean {
  if (a === null || b === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}
