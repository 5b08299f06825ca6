/**
 * Internal notes on a conversation: for the team only, never sent to Meta. Adding one tells the
 * other agents' screens (conversation.updated ["note"]).
 */
import { z } from "zod";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { NotFound } from "@/lib/errors";
import { parseInput } from "./parse-input";
import { publishConversationUpdated } from "./signals";

export const NOTE_MAX_CHARS = 2000;

export const noteBodySchema = z
  .string()
  .trim()
  .min(1, "noteRequired")
  .max(NOTE_MAX_CHARS, "noteTooLong");

export interface ConversationNote {
  id: string;
  body: string;
  createdAt: Date;
  author: { id: string; name: string | null } | null;
}

const noteSelect = { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } } as const;

async function requireConversation(ctx: WorkspaceContext, conversationId: string): Promise<void> {
  const found = await tenantDb(ctx).conversation.findFirst({ where: { id: conversationId, workspaceId: ctx.workspaceId }, select: { id: true } });
  if (!found) throw NotFound("conversationNotFound");
}

export async function addNote(ctx: WorkspaceContext, input: { conversationId: string; body: string }): Promise<ConversationNote> {
  authorize(ctx, "conversation:reply");
  const body = parseInput(noteBodySchema, input.body);
  await requireConversation(ctx, input.conversationId);
  const note = await tenantDb(ctx).note.create({
    data: { workspaceId: ctx.workspaceId, conversationId: input.conversationId, authorId: ctx.userId, body },
    select: noteSelect,
  });
  await publishConversationUpdated(ctx.workspaceId, input.conversationId, ["note"]);
  return note;
}

/** Oldest first, as a thread reads. */
export async function listNotes(ctx: WorkspaceContext, conversationId: string): Promise<ConversationNote[]> {
  authorize(ctx, "conversation:view");
  await requireConversation(ctx, conversationId);
  return tenantDb(ctx).note.findMany({
    where: { workspaceId: ctx.workspaceId, conversationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: noteSelect,
  });
}
