/**
 * The import itself, the body of the contact-import task: the stored file streamed from storage,
 * decoded (its encoding from the upload's sniffing, BOM dropped), parsed by papaparse as a stream
 * (never whole in memory), read row by row through the mapping, and written in batches of
 * BATCH_ROWS, each batch in ONE transaction together with the import's counters and `rowsDone`
 * (the resume point). A run that dies (a killed server, a failed batch) is retried by the task
 * runner and starts after the last committed batch: no row is written twice, none is skipped.
 * Progress goes to the workspace's browsers after each batch (`contact-import.progress`).
 */
import { randomUUID } from "node:crypto";
import { Transform } from "node:stream";
import Papa from "papaparse";
import { tenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/log";
import { publishToWorkspace } from "@/lib/realtime/publish";
import { getStorage } from "@/lib/storage";
import type { CsvEncoding } from "./sniff";
import { mappingSchema } from "./fields";
import { readRow, type ImportRow, type RejectedRow } from "./rows";
import { writeBatch } from "./write-batch";

const log = logger("contacts.import");

export const BATCH_ROWS = 1_000;

/** Another run of the same import holds it now: this one stops without writing. */
class Superseded extends Error {
  constructor() {
    super("a newer run of this import took over");
  }
}

export interface RunImportOptions {
  /** Tests: throw after this many committed batches (a crash mid-import). */
  crashAfterBatches?: number;
  batchRows?: number;
}

/** Bytes to text as they stream, a character split between chunks kept whole, a BOM dropped. */
function decoding(encoding: CsvEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** The file's rows as arrays of cells, decoded and parsed as they stream in (backpressure included). */
async function* csvRows(key: string, encoding: CsvEncoding, delimiter: string): AsyncGenerator<string[]> {
  const object = await getStorage().get(key);
  if (!object) throw new Error(`import file ${key} is missing`);
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: "greedy" });
  object.stream.pipe(decoding(encoding)).pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<string[]>) yield row;
  } finally {
    object.stream.destroy();
  }
}

export async function runContactImport(payload: { workspaceId: string; importId: string }, options: RunImportOptions = {}): Promise<{ status: string }> {
  const { workspaceId, importId } = payload;
  const db = tenantDb({ workspaceId });
  const runId = randomUUID();
  const started = await db.contactImport.updateManyAndReturn({
    where: { id: importId, workspaceId, status: { in: ["queued", "running"] } },
    data: { status: "running", runId, startedAt: new Date() },
  });
  const job = started[0];
  if (!job) return { status: "not_runnable" };
  const mapping = mappingSchema.parse(job.mapping);
  const [workspace, definitions] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultCountry: true } }),
    db.customField.findMany({ where: { workspaceId }, select: { key: true, label: true, type: true, options: true } }),
  ]);
  const batchRows = options.batchRows ?? BATCH_ROWS;
  let done = job.rowsDone;
  let batches = 0;
  let rows: ImportRow[] = [];
  let rejected: RejectedRow[] = [];
  let rowNumber = 0;

  const commit = async () => {
    const count = rows.length + rejected.length;
    if (count === 0) return;
    const counts = await db.$transaction(async (tx) => {
      // First: only the run holding the import may commit (a newer run took over otherwise).
      const held = await tx.contactImport.updateMany({ where: { id: importId, workspaceId, runId, rowsDone: done }, data: { updatedAt: new Date() } });
      if (held.count !== 1) throw new Superseded();
      const written = await writeBatch(tx, { workspaceId, importId, mode: job.duplicateMode, batchTags: job.tagNames, rows, rejected });
      await tx.contactImport.updateMany({
        where: { id: importId, workspaceId, runId },
        data: {
          rowsDone: { increment: count },
          created: { increment: written.created },
          updated: { increment: written.updated },
          skipped: { increment: written.skipped },
          rejected: { increment: written.rejected },
        },
      });
      return written;
    });
    done += count;
    rows = [];
    rejected = [];
    batches += 1;
    await publishToWorkspace(workspaceId, "contact-import.progress", { importId, rowsDone: done, ...counts, at: new Date().toISOString() });
    if (options.crashAfterBatches !== undefined && batches >= options.crashAfterBatches) throw new Error("simulated crash mid-import");
  };

  try {
    let header = true;
    for await (const cells of csvRows(job.fileKey, job.encoding as CsvEncoding, job.delimiter)) {
      if (header) {
        header = false;
        continue;
      }
      rowNumber += 1;
      if (rowNumber <= job.rowsDone) continue; // committed by an earlier run
      const read = readRow(cells, rowNumber, mapping, { country: workspace.defaultCountry, definitions });
      if ("reason" in read) rejected.push(read);
      else rows.push(read);
      if (rows.length + rejected.length >= batchRows) await commit();
    }
    await commit();
  } catch (error) {
    if (error instanceof Superseded) return { status: "superseded" };
    log.warn({ err: error, importId, rowsDone: done }, "import stopped; it resumes from the last committed batch");
    throw error;
  }

  const [finished] = await db.contactImport.updateManyAndReturn({ where: { id: importId, workspaceId, runId }, data: { status: "completed", finishedAt: new Date() } });
  if (!finished) return { status: "superseded" };
  await db.contactImportPhone.deleteMany({ where: { importId, workspaceId } });
  await publishToWorkspace(workspaceId, "contact-import.progress", {
    importId,
    rowsDone: finished.rowsDone,
    created: finished.created,
    updated: finished.updated,
    skipped: finished.skipped,
    rejected: finished.rejected,
    done: true,
    at: new Date().toISOString(),
  });
  return { status: "completed" };
}

/**
 * The task's last attempt failed: the import ends as `failed`, with what stopped it, and keeps the
 * rows it committed (the summary shows them; the person can fix the file and import it again).
 */
export async function markContactImportFailed(payload: { workspaceId: string; importId: string }, error: unknown): Promise<void> {
  const { workspaceId, importId } = payload;
  const db = tenantDb({ workspaceId });
  const message = error instanceof Error ? error.message : String(error);
  await db.contactImport.updateMany({
    where: { id: importId, workspaceId, status: { in: ["queued", "running"] } },
    data: { status: "failed", error: message.slice(0, 500), finishedAt: new Date() },
  });
  await db.contactImportPhone.deleteMany({ where: { importId, workspaceId } });
}
