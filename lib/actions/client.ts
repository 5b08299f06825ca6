/**
 * The server-action clients (inbox-zero's pattern, STYLE.md). Every action is built from one of:
 * - `publicAction`: no session (sign-up, sign-in, password reset);
 * - `userAction`: a signed-in user, `ctx.user`;
 * - `workspaceAction`: a member of the workspace named by the input's `slug`, `ctx.workspace`
 *   (the `WorkspaceContext` services take). A non-member gets the same answer as a missing
 *   workspace: not found.
 * An AppError reaches the client as `{ code, messageKey, params, field }` to translate; anything
 * else is logged and becomes `internal`, with no internal detail.
 */
import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { AppError, NotFound, isAppError, type AppErrorCode, type MessageParams } from "@/lib/errors";
import { currentUser } from "@/lib/auth/session";
import { resolveWorkspace } from "@/lib/auth/workspace";
import { logger } from "@/lib/log";

const log = logger("action");

export interface ActionError {
  code: AppErrorCode;
  messageKey: string;
  params: MessageParams;
  field?: string;
}

export const publicAction = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  handleServerError(error): ActionError {
    if (isAppError(error)) return { code: error.code, messageKey: error.messageKey, params: error.params, field: error.field };
    log.error({ err: error }, "action failed");
    return { code: "internal", messageKey: "unknown", params: {} };
  },
});

export const userAction = publicAction.use(async ({ next }) => {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "signedOut");
  return next({ ctx: { user } });
});

export const workspaceAction = userAction.use(async ({ next, ctx, clientInput }) => {
  const slug = typeof clientInput === "object" && clientInput !== null ? (clientInput as { slug?: unknown }).slug : undefined;
  if (typeof slug !== "string") throw NotFound();
  const resolved = await resolveWorkspace(ctx.user.id, slug);
  if (!resolved) throw NotFound("workspaceNotFound");
  return next({ ctx: { ...ctx, workspace: resolved.ctx, workspaceRecord: resolved.workspace } });
});
