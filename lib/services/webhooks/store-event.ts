/**
 * The one INSERT of the webhook's acknowledgement path, in plain `pg` on the shared pool rather
 * than through Prisma: it runs for every delivery Meta sends, inside the time Meta waits for our
 * 200, and Prisma's query layer costs several times the CPU of the statement itself (figures in
 * bench/README.md, "webhook-ingest"). Everything else about webhook events goes through Prisma.
 *
 * Unnamed (not prepared) statement on purpose: on the embedded PGlite every connection shares one
 * session, so a named statement prepared by one pooled connection would collide with another's.
 */
import { randomUUID } from "node:crypto";
import { qualifiedTable, sharedPool } from "@/lib/db/pool";
import type { JsonValue } from "@/lib/whatsapp/webhook/json-body";

export interface NewWebhookEvent {
  payload: JsonValue;
  phoneNumberId: string | null;
  workspaceId: string | null;
  signature: string | null;
  /** sha256 (hex) of the raw body: the same delivery is stored once, however often it arrives. */
  bodyHash: string;
  /** Set for a delivery kept but never to be processed: recorded as processed, with this note. */
  ignoredNote?: string;
}

// Timestamps are `timestamp(3)` in UTC, as Prisma writes them, whatever the session's TimeZone.
const NOW_UTC = "(now() AT TIME ZONE 'UTC')";

/**
 * Stores the event durably (the INSERT commits on its own) and returns its id, or null when a
 * delivery with the same body is already stored (a replay, or Meta redelivering one we answered):
 * still one statement, the unique body hash deciding.
 */
export async function storeWebhookEvent(event: NewWebhookEvent): Promise<string | null> {
  const id = randomUUID();
  const ignored = event.ignoredNote !== undefined;
  const result = await sharedPool().pool.query(
    `INSERT INTO ${qualifiedTable("WebhookEvent")} (id, "workspaceId", "phoneNumberId", payload, signature, "bodyHash", "receivedAt", "processedAt", error, attempts)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, ${NOW_UTC}, ${ignored ? NOW_UTC : "NULL"}, $7, 0)
     ON CONFLICT ("bodyHash") DO NOTHING`,
    [id, event.workspaceId, event.phoneNumberId, JSON.stringify(event.payload), event.signature, event.bodyHash, event.ignoredNote ?? null],
  );
  return result.rowCount === 1 ? id : null;
}
