"use server";

/** The CSV import flow of the contacts page: upload and preview, start, and its current counters. */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { tenantDb } from "@/lib/db/tenant";
import { authorize } from "@/lib/auth/permissions";
import { NotFound } from "@/lib/errors";
import { slugParam } from "@/lib/validation/workspace";
import { startContactImport, startImportSchema } from "@/lib/services/contacts/import/start-import";
import { uploadContactImport } from "@/lib/services/contacts/import/upload-import";

/** The file travels as a File inside the action's arguments (React serialises it as multipart). */
export const uploadImportAction = workspaceAction
  .inputSchema(
    z.object({
      slug: slugParam,
      // Its size is the service's to judge (importTooLarge), with the import's own limit.
      file: z.instanceof(File, { message: "fileRequired" }),
    }),
  )
  .action(async ({ parsedInput: { file }, ctx }) => uploadContactImport(ctx.workspace, { name: file.name, size: file.size, stream: file.stream() }));

export const startImportAction = workspaceAction
  .inputSchema(startImportSchema.extend({ slug: slugParam }))
  .action(async ({ parsedInput: { slug: _slug, ...input }, ctx }) => startContactImport(ctx.workspace, input));

/** The import's counters now: the page's start point, and its catch-up after a lost connection. */
export const loadImportAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, importId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    authorize(ctx.workspace, "contact:import");
    const job = await tenantDb(ctx.workspace).contactImport.findFirst({
      where: { id: parsedInput.importId, workspaceId: ctx.workspace.workspaceId },
      select: { id: true, status: true, rowsDone: true, created: true, updated: true, skipped: true, rejected: true },
    });
    if (!job) throw NotFound("importNotFound");
    return job;
  });
