/**
 * "Retry" on a failed outbound message: the same payload sent again as a new attempt on the same
 * row, so the timeline keeps one bubble (its wamid, status and error are replaced).
 *
 * Which failures may be retried (decided here, shown by the UI through the error code):
 * - retryable ones (rate limits, throughput, Meta's 5xx, network errors before the request left);
 * - permanent ones whose cause can change outside the message: the window (131047: the customer
 *   may have written since — the window rule is checked again), the recipient (131026: a phone
 *   offline for long), auth (a token since replaced), templates (paused, since re-approved) and
 *   media;
 * - NOT parameter or policy errors (the same payload gets the same answer: write a new message),
 * - and an outcome-unknown send only with `confirmDuplicate: true` (it may already have arrived).
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { consumeSendAllowance } from "./send-allowance";
import { tenantDb } from "@/lib/db/tenant";
import { AppError, Conflict, NotFound } from "@/lib/errors";
import { connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import { classifyMetaError } from "@/lib/whatsapp/errors";
import { deliver, OUTCOME_UNKNOWN, type DeliveryOptions } from "./deliver";
import { getMessage, type TimelineMessage } from "./list-messages";
import { storedOutbound } from "./resolve-content";
import { publishMessageStatus } from "./signals";
import { isWindowOpen, windowExpiresAt } from "./window";

const NEVER_RETRIED = new Set(["parameter", "policy"]);

/** Whether a failed message may be sent again, by its recorded error (also for the UI). */
export function retryableFailure(failure: { errorCode: number | null; errorTitle: string | null }): "yes" | "confirm" | "no" {
  if (failure.errorTitle === OUTCOME_UNKNOWN) return "confirm";
  if (failure.errorCode === null) return "yes";
  return NEVER_RETRIED.has(classifyMetaError(failure.errorCode).category) ? "no" : "yes";
}

export async function retryMessage(
  ctx: WorkspaceContext,
  messageId: string,
  options: DeliveryOptions & { confirmDuplicate?: boolean } = {},
): Promise<TimelineMessage> {
  authorize(ctx, "conversation:reply");
  const message = await tenantDb(ctx).message.findFirst({
    where: { id: messageId, workspaceId: ctx.workspaceId, direction: "outbound" },
    select: {
      id: true,
      conversationId: true,
      type: true,
      content: true,
      status: true,
      errorCode: true,
      errorTitle: true,
      replyToWamid: true,
      replyToId: true,
      conversation: { select: { lastInboundAt: true, contact: { select: { waId: true, phone: true, optedOutAt: true, lastInboundAt: true } } } },
    },
  });
  if (!message) throw NotFound("messageNotFound");
  if (message.status !== "failed") throw Conflict("messageNotFailed");
  const verdict = retryableFailure(message);
  if (verdict === "no") throw new AppError("invalid", "messageNotRetryable");
  if (verdict === "confirm" && !options.confirmDuplicate) throw new AppError("conflict", "messageOutcomeUnknown");
  await consumeSendAllowance(ctx);

  const { contact, lastInboundAt } = message.conversation;
  const windowOpen = isWindowOpen(windowExpiresAt(lastInboundAt, contact.lastInboundAt));
  if (message.type !== "template" && !windowOpen) throw new AppError("conflict", "windowClosed");
  if (contact.optedOutAt && !windowOpen) throw new AppError("conflict", "contactOptedOut");
  const connection = await connectionForWorkspace(ctx.workspaceId);
  if (!connection) throw new AppError("invalid", "notConnected");
  const to = (contact.waId ?? contact.phone ?? "").replace(/[^\d]/g, "");

  // Claim the attempt: only one of two concurrent retries moves failed → pending.
  const claimed = await tenantDb(ctx).message.updateMany({
    where: { id: message.id, workspaceId: ctx.workspaceId, status: "failed" },
    data: {
      status: "pending",
      wamid: null,
      failedAt: null,
      errorCode: null,
      errorTitle: null,
      errorDetails: null,
      sentAt: null,
      deliveredAt: null,
      readAt: null,
      authorId: ctx.userId,
    },
  });
  if (claimed.count !== 1) throw Conflict("messageNotFailed");
  await publishMessageStatus(ctx.workspaceId, message.conversationId, message.id, "pending");

  // A reaction's replyToWamid is its target, not a quote.
  const quoted = message.type === "reaction" ? null : message.replyToWamid;
  await deliver(
    {
      message: { id: message.id, workspaceId: ctx.workspaceId, conversationId: message.conversationId },
      connection,
      to,
      outbound: storedOutbound(message.type, message.content),
      replyToWamid: quoted,
    },
    options,
  );
  if (message.type !== "reaction") return getMessage(ctx, message.id);
  const target = await tenantDb(ctx).message.findFirst({ where: { workspaceId: ctx.workspaceId, wamid: message.replyToWamid }, select: { id: true } });
  if (!target) throw NotFound("messageNotFound");
  return getMessage(ctx, target.id);
}
