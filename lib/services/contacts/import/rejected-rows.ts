/**
 * The rows an import did not write, as a CSV to download: the file's own columns as they were,
 * then the row's number and the reason in the reader's language, so the person can fix the rows
 * and import that file again. Built from the rejections kept with the import.
 */
import Papa from "papaparse";
import { z } from "zod";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { NotFound } from "@/lib/errors";

export async function rejectedRowsCsv(ctx: WorkspaceContext, importId: string, labels: { row: string; reason: string; message: (key: string) => string }): Promise<{ filename: string; csv: string }> {
  authorize(ctx, "contact:import");
  const db = tenantDb(ctx);
  const job = await db.contactImport.findFirst({ where: { id: importId, workspaceId: ctx.workspaceId }, select: { filename: true, columns: true, delimiter: true } });
  if (!job) throw NotFound("importNotFound");
  const columns = z.array(z.string()).parse(job.columns);
  const rejections = await db.contactImportRejection.findMany({ where: { importId, workspaceId: ctx.workspaceId }, orderBy: { rowNumber: "asc" }, select: { rowNumber: true, reason: true, values: true } });
  const rows = rejections.map((r) => {
    const values = z.array(z.string()).catch([]).parse(r.values);
    return [...columns.map((_, i) => values[i] ?? ""), String(r.rowNumber), labels.message(r.reason)];
  });
  const csv = Papa.unparse({ fields: [...columns, labels.row, labels.reason], data: rows }, { delimiter: job.delimiter, newline: "\r\n" });
  return { filename: `${job.filename.replace(/\.[^.]*$/, "")}-rejected.csv`, csv: `\uFEFF${csv}\r\n` };
}
