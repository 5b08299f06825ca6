"use server";

/** The conversation header's buttons: assign, resolve, reopen, mark unread. */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { slugParam } from "@/lib/validation/workspace";
import { assignConversation, markConversationUnread, reopenConversation, resolveConversation } from "@/lib/services/inbox/conversation-actions";

const id = z.string().min(1).max(64);
const target = z.object({ slug: slugParam, conversationId: id });

export const assignConversationAction = workspaceAction
  .inputSchema(target.extend({ assigneeId: id.nullable() }))
  .action(async ({ parsedInput, ctx }) => {
    await assignConversation(ctx.workspace, { conversationId: parsedInput.conversationId, assigneeId: parsedInput.assigneeId });
  });

export const resolveConversationAction = workspaceAction.inputSchema(target).action(async ({ parsedInput, ctx }) => {
  await resolveConversation(ctx.workspace, parsedInput.conversationId);
});

export const reopenConversationAction = workspaceAction.inputSchema(target).action(async ({ parsedInput, ctx }) => {
  await reopenConversation(ctx.workspace, parsedInput.conversationId);
});

export const markConversationUnreadAction = workspaceAction.inputSchema(target).action(async ({ parsedInput, ctx }) => {
  await markConversationUnread(ctx.workspace, parsedInput.conversationId);
});
