/**
 * A phone number as people type it ("0812-3456-7890", "+44 20 7946 0958", "6281234567890") →
 * E.164 ("+6281234567890") and WhatsApp's id (the digits), with the workspace's default country
 * for national numbers. libphonenumber-js with its full metadata, so a number is checked against
 * the country's real number plan, not only its length. A refusal says why, as a message key.
 */
import { parsePhoneNumberWithError, ParseError, validatePhoneNumberLength, type CountryCode } from "libphonenumber-js/max";

export type PhoneProblem = "phoneEmpty" | "phoneNotANumber" | "phoneUnknownCountry" | "phoneTooShort" | "phoneTooLong" | "phoneInvalid";

export type NormalizedPhone = { ok: true; e164: string; waId: string; country: string | undefined } | { ok: false; problem: PhoneProblem };

function parse(text: string, country: CountryCode): NormalizedPhone {
  try {
    const phone = parsePhoneNumberWithError(text, country);
    if (phone.isValid()) return { ok: true, e164: phone.number, waId: phone.number.slice(1), country: phone.country };
    const length = validatePhoneNumberLength(text, country);
    return { ok: false, problem: length === "TOO_SHORT" ? "phoneTooShort" : length === "TOO_LONG" ? "phoneTooLong" : "phoneInvalid" };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    if (error.message === "INVALID_COUNTRY") return { ok: false, problem: "phoneUnknownCountry" };
    if (error.message === "TOO_SHORT") return { ok: false, problem: "phoneTooShort" };
    if (error.message === "TOO_LONG") return { ok: false, problem: "phoneTooLong" };
    return { ok: false, problem: "phoneNotANumber" };
  }
}

export function normalizePhone(input: string, defaultCountry: string): NormalizedPhone {
  const text = input.trim();
  if (!text) return { ok: false, problem: "phoneEmpty" };
  const country = defaultCountry.toUpperCase() as CountryCode;
  const first = parse(text, country);
  if (first.ok || text.startsWith("+")) return first;
  // Not valid as a national number of the default country: exports and spreadsheets often drop
  // the "+" ("4915123456789") or write the international prefix as "00" whatever the country.
  const digits = text.replace(/[\s().-]/g, "");
  if (/^00[1-9]\d+$/.test(digits)) {
    const retried = parse(`+${digits.slice(2)}`, country);
    if (retried.ok) return retried;
  } else if (/^[1-9]\d{7,14}$/.test(digits)) {
    const retried = parse(`+${digits}`, country);
    if (retried.ok) return retried;
  }
  return first;
}
