"use server";

/** The contacts table: pages of a filtered view, live counts, bulk actions and segments. */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { slugParam } from "@/lib/validation/workspace";
import { contactFilterSchema } from "@/lib/services/contacts/filter/schema";
import { contactSortSchema } from "@/lib/services/contacts/filter/sort";
import { listContacts } from "@/lib/services/contacts/list-contacts";
import { countContacts, deleteSegment, saveSegment, saveSegmentSchema } from "@/lib/services/contacts/segments";
import { deleteContacts, labelContacts, labelContactsSchema } from "@/lib/services/contacts/bulk-contacts";
import { selectionSchema } from "@/lib/services/contacts/selection";

const cursor = z.string().max(500).optional();

export const listContactsAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, filter: contactFilterSchema, sort: contactSortSchema, after: cursor, before: cursor }))
  .action(async ({ parsedInput: { slug: _slug, ...options }, ctx }) => listContacts(ctx.workspace, options));

export const countContactsAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, filter: contactFilterSchema }))
  .action(async ({ parsedInput, ctx }) => ({ count: await countContacts(ctx.workspace, parsedInput.filter) }));

export const deleteContactsAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, selection: selectionSchema }))
  .action(async ({ parsedInput, ctx }) => deleteContacts(ctx.workspace, { selection: parsedInput.selection }));

export const labelContactsAction = workspaceAction
  .inputSchema(labelContactsSchema.extend({ slug: slugParam }))
  .action(async ({ parsedInput: { slug: _slug, ...input }, ctx }) => labelContacts(ctx.workspace, input));

export const saveSegmentAction = workspaceAction
  .inputSchema(saveSegmentSchema.extend({ slug: slugParam }))
  .action(async ({ parsedInput: { slug: _slug, ...input }, ctx }) => saveSegment(ctx.workspace, input));

export const deleteSegmentAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, segmentId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    await deleteSegment(ctx.workspace, parsedInput.segmentId);
    return { deleted: true };
  });
