/**
 * Bearer tokens, checked like Graph does: `Authorization: Bearer <token>` (or `?access_token=`).
 * A phone number's token opens that number, its media and its WABA. A token Meta does not know is
 * 401 / code 190; a valid token without access to the object gets what Meta answers then, the same
 * 400 / code 100 subcode 33 as an object that does not exist (Meta does not tell the two apart).
 */
import type { IncomingMessage } from "node:http";
import { errors } from "./graph-errors";
import type { PhoneNumbers } from "./phone-numbers";
import type { EmulatorPhoneNumber } from "./types";

export function requestToken(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.authorization;
  if (header) {
    const match = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  return url.searchParams.get("access_token") ?? undefined;
}

/** Throws 190 unless the token is some phone number's token (checked before ids are looked up). */
export function requireKnownToken(phones: PhoneNumbers, token: string | undefined): string {
  if (!token || !phones.isKnownToken(token)) throw errors.invalidToken();
  return token;
}

export function requirePhoneToken(number: EmulatorPhoneNumber, token: string, method: string): void {
  if (number.accessToken !== token) throw errors.unsupportedRequest(method, number.phoneNumberId);
}

export function requireWabaToken(phones: PhoneNumbers, wabaId: string, token: string, method: string): void {
  if (!phones.ofWaba(wabaId).some((number) => number.accessToken === token)) throw errors.unsupportedRequest(method, wabaId);
}
