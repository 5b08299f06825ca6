"use server";

/**
 * The composer's and the timeline's writes (lib/services/inbox/README.md, "Writes"): each parses
 * its input with zod, resolves the workspace (workspaceAction), and calls one service. An
 * AppError reaches the browser as `serverError` to translate; a failed send is not an error but a
 * message with status `failed` and Meta's reason.
 */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { listCannedReplies } from "@/lib/services/canned-replies/list-canned-replies";
import { markConversationRead } from "@/lib/services/inbox/mark-read";
import { addNote, listNotes, noteBodySchema } from "@/lib/services/inbox/notes";
import { retryMessage } from "@/lib/services/inbox/retry-message";
import { sendContentSchema } from "@/lib/services/inbox/send-input";
import { sendMessage } from "@/lib/services/inbox/send-message";
import { listSendableTemplates } from "@/lib/services/inbox/sendable-templates";
import { uploadAttachment } from "@/lib/services/inbox/upload-attachment";
import { syncTemplates } from "@/lib/services/templates/sync-templates";
import { logger } from "@/lib/log";
import { MAX_MEDIA_BYTES } from "@/lib/whatsapp/media/limits";
import { slugParam } from "@/lib/validation/workspace";

const log = logger("inbox.actions");

const id = z.string().trim().min(1).max(64);

export const sendMessageAction = workspaceAction
  .inputSchema(
    z.object({
      slug: slugParam,
      conversationId: id,
      idempotencyKey: z.string().trim().min(8).max(100),
      replyToMessageId: id.optional(),
      content: sendContentSchema,
    }),
  )
  .action(async ({ parsedInput: { slug: _slug, ...input }, ctx }) => sendMessage(ctx.workspace, input));

/** The file travels as a File inside the action's arguments (React serialises it as multipart). */
export const uploadAttachmentAction = workspaceAction
  .inputSchema(
    z.object({
      slug: slugParam,
      conversationId: id,
      file: z
        .instanceof(File, { message: "fileRequired" })
        .refine((file) => file.size > 0, "fileRequired")
        .refine((file) => file.size <= MAX_MEDIA_BYTES, "fileTooLarge"),
    }),
  )
  .action(async ({ parsedInput, ctx }) => uploadAttachment(ctx.workspace, { conversationId: parsedInput.conversationId, file: parsedInput.file }));

export const retryMessageAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, messageId: id, confirmDuplicate: z.boolean().optional() }))
  .action(async ({ parsedInput, ctx }) => retryMessage(ctx.workspace, parsedInput.messageId, { confirmDuplicate: parsedInput.confirmDuplicate }));

export const markReadAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, conversationId: id }))
  .action(async ({ parsedInput, ctx }) => markConversationRead(ctx.workspace, parsedInput.conversationId));

export const addNoteAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, conversationId: id, body: noteBodySchema }))
  .action(async ({ parsedInput, ctx }) => addNote(ctx.workspace, { conversationId: parsedInput.conversationId, body: parsedInput.body }));

export const loadNotesAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, conversationId: id }))
  .action(async ({ parsedInput, ctx }) => listNotes(ctx.workspace, parsedInput.conversationId));

export const searchCannedRepliesAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, query: z.string().max(100).optional() }))
  .action(async ({ parsedInput, ctx }) => listCannedReplies(ctx.workspace, { query: parsedInput.query }));

export const loadSendableTemplatesAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam }))
  .action(async ({ ctx }) => {
    // Meta holds the templates: bring in what the WABA has before offering the list. Best effort —
    // when Meta cannot be reached, the templates already stored are still offered.
    await syncTemplates(ctx.workspace).catch((error: unknown) => log.warn({ err: error }, "template sync before the picker failed"));
    return listSendableTemplates(ctx.workspace);
  });
