/**
 * Meta's numeric limits on message templates, in one place: the lint (lint.ts) checks them, the
 * builder shows counters from them, and the sample upload refuses files outside
 * TEMPLATE_SAMPLE_LIMITS before starting Meta's resumable upload. Plain data: safe on the client.
 *
 * Sources: Meta's "Template components", "Media card carousel templates", "One-tap autofill
 * authentication templates" and "Supported media types" pages.
 */
import type { MediaFormat } from "./draft";

export const TEMPLATE_LIMITS = {
  name: 512,
  headerText: 60,
  headerVariables: 1,
  bodyText: 1024,
  footerText: 60,
  /** A carousel card's own body text. */
  cardBodyText: 160,
  cards: { min: 2, max: 10 },
  /** Meta: a card may have no buttons, and at most two. */
  cardButtons: 2,
  buttons: 10,
  quickReplyButtons: 10,
  urlButtons: 2,
  phoneButtons: 1,
  copyCodeButtons: 1,
  buttonText: 25,
  url: 2000,
  /** A phone button's number as Meta stores it ("+15550051310"). */
  phoneNumber: 20,
  /** The coupon code of a copy-code button. */
  copyCodeExample: 15,
  otpAutofillText: 25,
  /** Android package name of a one-tap button. */
  packageName: 224,
  /** Android app signing-key hash: exactly this many characters. */
  signatureHash: 11,
  codeExpirationMinutes: { min: 1, max: 90 },
} as const;

const MB = 1024 * 1024;

/** What Meta accepts as a header sample, per media header format. */
export const TEMPLATE_SAMPLE_LIMITS: Record<MediaFormat, { mimeTypes: readonly string[]; maxBytes: number }> = {
  IMAGE: { mimeTypes: ["image/jpeg", "image/png"], maxBytes: 5 * MB },
  VIDEO: { mimeTypes: ["video/mp4"], maxBytes: 16 * MB },
  DOCUMENT: { mimeTypes: ["application/pdf"], maxBytes: 100 * MB },
};
