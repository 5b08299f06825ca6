/**
 * Step 1 of a CSV import: the file is stored (lib/storage, streamed through), its first bytes
 * read to know its encoding, delimiter and header, and the first rows shown as they will be read,
 * with a guessed column mapping. Nothing is imported yet: the person checks the mapping first
 * (startContactImport). A file that is not CSV text, is empty or has no data row is refused with
 * the reason, and not kept.
 */
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { Invalid } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { suggestMapping, type ImportMapping } from "./fields";
import { decodeSample, detectDelimiter, detectEncoding, previewRows, SNIFF_BYTES, type CsvEncoding } from "./sniff";

/** Larger files are split by the person: 50 MB is about a million rows. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export interface UploadedImport {
  importId: string;
  columns: string[];
  /** Up to five data rows, as read. */
  preview: string[][];
  suggestedMapping: ImportMapping;
  encoding: CsvEncoding;
  delimiter: string;
  /** The file's rows, guessed from the sample's bytes per row: enough for a progress bar. */
  estimatedRows: number;
}

async function readHead(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= SNIFF_BYTES) break;
  }
  stream.destroy();
  return new Uint8Array(Buffer.concat(chunks).subarray(0, SNIFF_BYTES));
}

export async function uploadContactImport(ctx: WorkspaceContext, file: { name: string; size: number; stream: ReadableStream<Uint8Array> | Readable }): Promise<UploadedImport> {
  authorize(ctx, "contact:import");
  if (file.size === 0) throw Invalid("importEmpty", { field: "file" });
  if (file.size > IMPORT_MAX_BYTES) throw Invalid("importTooLarge", { field: "file" });

  const id = randomUUID();
  const key = `w/${ctx.workspaceId}/imports/${id}.csv`;
  const storage = getStorage();
  const stored = await storage.put(key, file.stream, { contentType: "text/csv", contentLength: file.size });
  try {
    const object = await storage.get(key, { range: { start: 0, end: SNIFF_BYTES - 1 } });
    const head = object ? await readHead(object.stream) : new Uint8Array();
    const encoding = detectEncoding(head);
    const sample = decodeSample(head, encoding);
    if (sample === null) throw Invalid("importNotCsv", { field: "file" });
    const delimiter = detectDelimiter(sample);
    const [header, ...rows] = previewRows(sample, delimiter);
    if (!header || header.every((c) => !c.trim())) throw Invalid("importEmpty", { field: "file" });
    if (rows.length === 0) throw Invalid("importNoRows", { field: "file" });
    const columns = header.map((c, i) => c.trim() || `#${i + 1}`);

    const db = tenantDb(ctx);
    const customFields = await db.customField.findMany({ where: { workspaceId: ctx.workspaceId }, select: { key: true, label: true } });
    await db.contactImport.create({
      data: {
        id,
        workspaceId: ctx.workspaceId,
        createdById: ctx.userId,
        filename: file.name.slice(0, 200),
        fileKey: key,
        fileSize: stored.size,
        encoding,
        delimiter,
        columns,
      },
    });
    const sampleRows = Math.max(1, sample.split("\n").length - 1);
    const estimatedRows = Math.max(rows.length, Math.round((stored.size / Math.max(1, head.length)) * sampleRows) - 1);
    return { importId: id, columns, preview: rows.slice(0, 5), suggestedMapping: suggestMapping(columns, customFields), encoding, delimiter, estimatedRows };
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
}
