/**
 * Inbox sends are limited per member and per workspace (lib/rate-limit, "message-send:*"): a runaway
 * script or a stolen session cannot burn the number's quality rating and Meta's tier. Counted only
 * for a new send or a resend, never for a repeated request answered from its first send.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { consumeLimit } from "@/lib/rate-limit";

export async function consumeSendAllowance(ctx: WorkspaceContext): Promise<void> {
  await consumeLimit("message-send:member", `${ctx.workspaceId}:${ctx.userId}`);
  await consumeLimit("message-send:workspace", ctx.workspaceId);
}
