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
  /** Set for a delivery kept but never to be processed: recorded as processed, with this note. */
  ignoredNote?: string;
}

// Timestamps are `timestamp(3)` in UTC, as Prisma writes them, whatever the session's TimeZone.
const NOW_UTC = "(now() AT TIME ZONE 'UTC')";

/** Stores the event durably (the INSERT commits on its own) and returns its id. */
export async function storeWebhookEvent(event: NewWebhookEvent): Promise<string> {
  const id = randomUUID();
  const ignored = event.ignoredNote !== undefined;
  await sharedPool().pool.query(
    `INSERT INTO ${qualifiedTable("WebhookEvent")} (id, "workspaceId", "phoneNumberId", payload, signature, "receivedAt", "processedAt", error, attempts)
     VALUES ($1, $2, $3, $4::jsonb, $5, ${NOW_UTC}, ${ignored ? NOW_UTC : "NULL"}, $6, 0)`,
    [id, event.workspaceId, event.phoneNumberId, JSON.stringify(event.payload), event.signature, event.ignoredNote ?? null],
  );
  return id;
}
