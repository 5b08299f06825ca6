"use server";

/**
 * Reads the inbox client components page through after the first render: older messages,
 * one bubble for a live update, more conversations, one list row for a live update.
 */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { slugParam } from "@/lib/validation/workspace";
import { getMessage, listMessages } from "@/lib/services/inbox/list-messages";
import { CONVERSATION_FILTERS, getConversationListItem, listConversations } from "@/lib/services/inbox/list-conversations";
import { SEARCH_MAX_LENGTH } from "@/lib/services/inbox/filters";

const id = z.string().min(1).max(64);
const cursor = z.string().min(1).max(512);

export const loadOlderMessages = workspaceAction
  .inputSchema(z.object({ slug: slugParam, conversationId: id, before: cursor.nullish(), limit: z.number().int().min(1).max(200).optional() }))
  .action(async ({ parsedInput, ctx }) =>
    listMessages(ctx.workspace, { conversationId: parsedInput.conversationId, before: parsedInput.before, limit: parsedInput.limit }),
  );

export const loadMessage = workspaceAction
  .inputSchema(z.object({ slug: slugParam, messageId: id }))
  .action(async ({ parsedInput, ctx }) => getMessage(ctx.workspace, parsedInput.messageId));

export const loadConversations = workspaceAction
  .inputSchema(
    z.object({
      slug: slugParam,
      filter: z.enum(CONVERSATION_FILTERS),
      search: z.string().max(SEARCH_MAX_LENGTH).nullish(),
      cursor: cursor.nullish(),
    }),
  )
  .action(async ({ parsedInput, ctx }) =>
    listConversations(ctx.workspace, { filter: parsedInput.filter, search: parsedInput.search, cursor: parsedInput.cursor }),
  );

export const loadConversationListItem = workspaceAction
  .inputSchema(z.object({ slug: slugParam, conversationId: id }))
  .action(async ({ parsedInput, ctx }) => getConversationListItem(ctx.workspace, parsedInput.conversationId));
