/**
 * One attempt to hand a stored `pending` outbound message to Meta, and its outcome recorded on the
 * row — shared by sendMessage and retryMessage.
 *
 * - Accepted: the wamid is recorded and the status moves pending → sent ("accepted" means Meta
 *   has it). Status webhooks find the message only through its wamid, and the webhook processor
 *   retries a status for a wamid it does not hold yet, so every later status (delivered, read,
 *   failed) applies after this UPDATE, monotonically (lib/services/webhooks/apply-status.ts).
 *   The UPDATE is conditional on `pending`, so it can never move a status back.
 * - Refused: status failed with Meta's code, title and details (WhatsAppApiError), or our own
 *   reason for an answer that never came.
 * - Outcome unknown (a timeout or cut connection after the request left, or a 2xx we could not
 *   read): the message may have gone out. It is recorded failed with the title OUTCOME_UNKNOWN,
 *   and retryMessage sends it again only when the agent confirms (it may arrive twice).
 */
import { tenantDb } from "@/lib/db/tenant";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import type { ConnectionWithSecrets } from "@/lib/services/whatsapp/connection-secrets";
import type { OutboundContent } from "@/lib/whatsapp/client";
import { isWhatsAppError, WhatsAppApiError, WhatsAppNetworkError, type WhatsAppError } from "@/lib/whatsapp/errors";
import { publishMessageStatus } from "./signals";

const log = logger("inbox.send");

/** errorTitle of a send whose outcome we could not learn. */
export const OUTCOME_UNKNOWN = "Outcome unknown";

export interface DeliveryOptions {
  /** Graph call timeout (default: the client's 15 s); tests shorten it. */
  timeoutMs?: number;
}

export interface Delivery {
  message: { id: string; workspaceId: string; conversationId: string };
  connection: ConnectionWithSecrets;
  to: string;
  outbound: OutboundContent;
  replyToWamid: string | null;
}

function failure(error: unknown): { errorCode: number | null; errorTitle: string; errorDetails: string | null } {
  if (isWhatsAppError(error) && error.outcomeUnknown)
    return { errorCode: null, errorTitle: OUTCOME_UNKNOWN, errorDetails: error.message.slice(0, 1000) };
  if (error instanceof WhatsAppApiError)
    return { errorCode: error.code, errorTitle: error.title ?? error.message.slice(0, 200), errorDetails: error.details ?? error.message.slice(0, 1000) };
  if (error instanceof WhatsAppNetworkError)
    return { errorCode: null, errorTitle: error.kind === "timeout" ? "Timeout" : "Network error", errorDetails: error.message.slice(0, 1000) };
  if (isWhatsAppError(error)) return { errorCode: null, errorTitle: (error as WhatsAppError).name, errorDetails: error.message.slice(0, 1000) };
  return { errorCode: null, errorTitle: "Internal error", errorDetails: null };
}

/** Sends and records the outcome; never throws for Meta's refusals (they are the message's status). */
export async function deliver(delivery: Delivery, options: DeliveryOptions = {}): Promise<MessageStatus> {
  const { message } = delivery;
  const db = tenantDb(message);
  const where = { id: message.id, workspaceId: message.workspaceId, status: "pending" as const };
  let status: MessageStatus;
  try {
    const { wamid } = await clientForConnection(delivery.connection).sendMessage(delivery.to, delivery.outbound, {
      ...(delivery.replyToWamid ? { replyTo: delivery.replyToWamid } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    // Also over the pending sweep's verdict: if it ever judged this attempt lost, Meta's
    // acceptance is the truth (pending-sweep.ts).
    const moved = await db.message.updateMany({
      where: { id: message.id, workspaceId: message.workspaceId, wamid: null, OR: [{ status: "pending" }, { status: "failed", errorTitle: OUTCOME_UNKNOWN }] },
      data: { wamid, status: "sent", sentAt: new Date(), failedAt: null, errorCode: null, errorTitle: null, errorDetails: null },
    });
    status = "sent";
    if (moved.count === 0) {
      // Not pending any more (nothing else moves a wamid-less message, but never step back).
      await db.message.updateMany({ where: { id: message.id, workspaceId: message.workspaceId, wamid: null }, data: { wamid } });
    }
  } catch (error) {
    if (!isWhatsAppError(error)) log.error({ err: error, messageId: message.id }, "send failed unexpectedly");
    else log.warn({ err: error, messageId: message.id }, "send refused or lost");
    await db.message.updateMany({ where, data: { status: "failed", failedAt: new Date(), ...failure(error) } });
    status = "failed";
  }
  await publishMessageStatus(message.workspaceId, message.conversationId, message.id, status);
  return status;
}
