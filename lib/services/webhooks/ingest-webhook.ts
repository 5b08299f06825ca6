/**
 * The acknowledgement path of `POST /api/webhooks/whatsapp`, after the body was read (capped) as
 * bytes: parse, find the signing secret(s), verify, then store the raw event in ONE insert
 * (store-event.ts). Nothing
 * is stored or acted on before the signature is verified; processing happens after the 200.
 *
 * A delivery naming several phone numbers must verify under the secret of every one of them (all
 * or nothing): Meta signs one POST with one app's secret, so a genuine batch only ever spans
 * numbers of one app; a delivery that verifies under one tenant's secret but names another
 * tenant's number is refused whole rather than partly trusted.
 */
import { createHash } from "node:crypto";
import { logger } from "@/lib/log";
import { isWhatsappEnvelope, peekRoutingKeys } from "@/lib/whatsapp/webhook/envelope";
import { decodeJsonBody } from "@/lib/whatsapp/webhook/json-body";
import { isValidSignature, parseSignatureHeader } from "@/lib/whatsapp/webhook/signature";
import { resolveSigners, type Signer } from "./signing-secrets";
import { storeWebhookEvent } from "./store-event";

const log = logger("webhooks.ingest");

export type IngestResult =
  | { outcome: "stored"; eventId: string; /** false: acknowledged and recorded as ignored (not a WhatsApp delivery). */ process: boolean }
  /** The very same body is already stored (a replay or a redelivery): acknowledged, not stored or processed again. */
  | { outcome: "duplicate" }
  | { outcome: "rejected"; status: 400 | 401; reason: string };

export const NOT_WHATSAPP_NOTE = "ignored: not a whatsapp_business_account delivery";

function verifiesUnderAll(signers: Signer[], body: Uint8Array, digest: Buffer): { ok: boolean; failedKey?: string } {
  const checked = new Map<string, boolean>();
  for (const signer of signers) {
    if (!signer.secret) return { ok: false, failedKey: signer.key };
    let valid = checked.get(signer.secret);
    if (valid === undefined) {
      valid = isValidSignature(body, digest, signer.secret);
      checked.set(signer.secret, valid);
    }
    if (!valid) return { ok: false, failedKey: signer.key };
  }
  return { ok: true };
}

/** The one workspace every routed key belongs to; null for an unknown number or a delivery spanning tenants. */
function owningWorkspace(signers: Signer[]): string | null {
  const ids = new Set(signers.flatMap((signer) => signer.workspaceIds));
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

export async function ingestWebhook(input: { body: Uint8Array; signatureHeader: string | null }): Promise<IngestResult> {
  const digest = parseSignatureHeader(input.signatureHeader);
  if (!digest) return { outcome: "rejected", status: 401, reason: "missing or malformed X-Hub-Signature-256" };

  const decoded = decodeJsonBody(input.body);
  if (!decoded.ok) return { outcome: "rejected", status: 400, reason: `body is ${decoded.reason.replace("_", " ")}` };

  const keys = peekRoutingKeys(decoded.value);
  let { signers, cached } = await resolveSigners(keys);
  let check = verifiesUnderAll(signers, input.body, digest);
  if (!check.ok && cached) {
    ({ signers, cached } = await resolveSigners(keys, { fresh: true }));
    check = verifiesUnderAll(signers, input.body, digest);
  }
  if (!check.ok) {
    log.warn({ key: check.failedKey }, "webhook signature does not verify");
    return { outcome: "rejected", status: 401, reason: "signature does not verify" };
  }

  const whatsapp = isWhatsappEnvelope(decoded.value);
  const eventId = await storeWebhookEvent({
    payload: decoded.value,
    phoneNumberId: keys.phoneNumberIds[0] ?? null,
    workspaceId: owningWorkspace(signers),
    signature: input.signatureHeader?.trim().slice(0, 200) ?? null,
    bodyHash: createHash("sha256").update(input.body).digest("hex"),
    // Signed by Meta but not ours to process: kept (nothing Meta sends is lost), never swept.
    ...(whatsapp ? {} : { ignoredNote: NOT_WHATSAPP_NOTE }),
  });
  if (eventId === null) {
    log.info(
      { phoneNumberId: keys.phoneNumberIds[0] },
      "webhook delivery already stored (replay or redelivery): acknowledged, not stored again",
    );
    return { outcome: "duplicate" };
  }
  return { outcome: "stored", eventId, process: whatsapp };
}
