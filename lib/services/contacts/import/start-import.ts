/**
 * Step 2 of a CSV import: the person's column mapping (a phone column is required; each field
 * once; custom fields must exist), what a number the workspace already holds does, and tags for
 * every contact of the file. The import is then queued as a background task (trigger/
 * contact-import.ts) under a key made of its id: starting it twice queues it once.
 */
import { z } from "zod";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { Invalid, NotFound } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { contactImport } from "@/trigger/contact-import";
import { invalidFromZod } from "../contact-fields";
import { mappingSchema } from "./fields";

export const startImportSchema = z.object({
  importId: z.string().min(1).max(64),
  mapping: mappingSchema,
  duplicateMode: z.enum(["skip", "update", "fill_empty"]).default("skip"),
  tags: z
    .array(z.string().trim().min(1, "tagEmpty").max(40, "tagTooLong"))
    .max(10, "tooManyTags")
    .transform((names) => [...new Set(names)])
    .default([]),
});
export type StartImportInput = z.input<typeof startImportSchema>;

export async function startContactImport(ctx: WorkspaceContext, input: StartImportInput): Promise<{ importId: string; status: string }> {
  authorize(ctx, "contact:import");
  const parsed = startImportSchema.safeParse(input);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  const { importId, mapping, duplicateMode, tags } = parsed.data;
  const db = tenantDb(ctx);

  const job = await db.contactImport.findFirst({ where: { id: importId, workspaceId: ctx.workspaceId }, select: { id: true, status: true, columns: true } });
  if (!job) throw NotFound("importNotFound");
  const columns = z.array(z.string()).parse(job.columns);
  const fields = Object.entries(mapping);
  if (fields.some(([index]) => Number(index) >= columns.length)) throw Invalid("importColumnUnknown", { field: "mapping" });
  const chosen = fields.map(([, field]) => field);
  if (!chosen.includes("phone")) throw Invalid("importPhoneNotMapped", { field: "mapping" });
  if (new Set(chosen).size !== chosen.length) throw Invalid("importFieldTwice", { field: "mapping" });
  const customKeys = chosen.filter((f) => f.startsWith("custom:")).map((f) => f.slice("custom:".length));
  if (customKeys.length > 0) {
    const known = await db.customField.count({ where: { workspaceId: ctx.workspaceId, key: { in: customKeys } } });
    if (known !== customKeys.length) throw Invalid("customFieldUnknown", { field: "mapping" });
  }

  if (job.status === "uploaded") {
    await db.contactImport.updateMany({ where: { id: importId, workspaceId: ctx.workspaceId, status: "uploaded" }, data: { mapping, duplicateMode, tagNames: tags, status: "queued" } });
  } else if (job.status === "completed" || job.status === "failed") {
    throw Invalid("importNotStartable");
  }
  await enqueue(contactImport, { workspaceId: ctx.workspaceId, importId }, { idempotencyKey: `contact-import:${importId}`, concurrencyKey: ctx.workspaceId });
  return { importId, status: "queued" };
}
