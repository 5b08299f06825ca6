/**
 * Before a workspace connects a phone number, it proves with Meta that it owns it. With one Meta app
 * shared by every workspace (META_APP_SECRET), a phone number id alone routes that business's
 * customers to whoever registered it first; so the access token the workspace gives must reach the
 * number, the number must belong to the WABA given, and the token's app is subscribed to that WABA's
 * webhooks. Anything short of that is refused, pointed at the field to fix.
 */
import { AppError } from "@/lib/errors";
import { createWhatsAppClient, type PhoneNumberDetails } from "@/lib/whatsapp/client";
import { graphApiBaseUrl, graphApiVersion } from "@/lib/whatsapp/config";
import { WhatsAppApiError, WhatsAppRequestError, isWhatsAppError } from "@/lib/whatsapp/errors";
import { logger } from "@/lib/log";

const log = logger("whatsapp.ownership");

export interface OwnershipClaim {
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
}

/** Meta's code 190: the token itself is invalid or expired (HTTP 401). */
const INVALID_TOKEN = 190;

function metaReason(error: WhatsAppApiError): string {
  return `${error.details ?? error.title ?? error.message}${error.code !== null ? ` (#${error.code})` : ""}`;
}

/**
 * One Graph step of the proof; Meta's refusal becomes `messageKey` on `field` (a bad token always
 * points at the token), a network failure "Meta unreachable", nothing else is swallowed.
 */
async function step<T>(call: () => Promise<T>, refusal: { messageKey: string; field: string }): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WhatsAppApiError) {
      const reason = metaReason(error);
      if (error.code === INVALID_TOKEN) throw new AppError("invalid", "accessTokenRejected", { field: "accessToken", params: { reason }, cause: error });
      throw new AppError("invalid", refusal.messageKey, { field: refusal.field, params: { reason }, cause: error });
    }
    if (error instanceof WhatsAppRequestError) {
      const reason = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
      throw new AppError("invalid", "connectionTestFailed", { params: { reason }, cause: error });
    }
    if (isWhatsAppError(error)) {
      log.warn({ err: error }, "Meta unreachable while proving ownership");
      throw new AppError("invalid", "connectionUnreachable", { cause: error });
    }
    throw error;
  }
}

/** Resolves with what Meta says about the number once the claim is proven; throws an AppError otherwise. */
export async function proveOwnership(claim: OwnershipClaim): Promise<PhoneNumberDetails> {
  const client = createWhatsAppClient({ baseUrl: graphApiBaseUrl(), version: graphApiVersion(), ...claim });
  const details = await step(() => client.getPhoneNumber(), { messageKey: "phoneNumberNotReachable", field: "phoneNumberId" });
  const numbers = await step(() => client.listWabaPhoneNumberIds(), { messageKey: "wabaNotReachable", field: "wabaId" });
  if (!numbers.includes(claim.phoneNumberId)) throw new AppError("invalid", "phoneNumberNotInWaba", { field: "wabaId" });
  await step(() => client.subscribeAppToWaba(), { messageKey: "appSubscriptionFailed", field: "wabaId" });
  return details;
}
