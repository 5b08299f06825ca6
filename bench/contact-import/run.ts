/**
 * `npm run bench:contact-import [-- --quick]`: a CSV import end to end on a real Postgres, through
 * the real services (upload to disk storage, start, the task's run), for 10,000 and then 100,000
 * rows (quick: 2,000 / 20,000) — a realistic mix: national and international numbers in several
 * notations, 2% invalid numbers, 2% numbers repeated later in the file, names with commas and
 * quotes, emails, a custom field (the second import updates the first one's numbers: duplicateMode
 * "update"). Beside each, the reference measured in the same run: a bare
 * `COPY … FROM STDIN (FORMAT csv)` of the same file into a plain table — what Postgres alone needs
 * to take the bytes — and into a table shaped like Contact with all its indexes (unique keys,
 * trigram GINs), the floor for writing these rows at all. Peak RSS is sampled every 20 ms during each import. Target on a 2-core
 * machine: 100,000 rows under 15 s, within 5× of the bare COPY, memory flat (the 100k peak close
 * to the 10k one).
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { WorkspaceContext } from "@/lib/auth/context";

const TARGET_SECONDS = 15;
const TARGET_RATIO = 5;

function csvFor(rows: number): string {
  const lines = ["Name,Phone,Email,City"];
  const cities = ["Jakarta", "Bandung", "Surabaya", "Medan", "Makassar"];
  for (let i = 0; i < rows; i++) {
    const n = 10_000_000 + i;
    const phone =
      i % 50 === 7 ? `12-${i}` // 2% invalid
        : i % 50 === 9 && i > 100 ? `0812${10_000_000 + i - 100}` // 2% repeat an earlier row's number
          : i % 3 === 0 ? `+62 812-${String(n).slice(0, 4)}-${String(n).slice(4)}`
            : i % 3 === 1 ? `0812${n}`
              : `62812${n}`;
    const name = i % 10 === 0 ? `"Toko ${i}, ""Cabang"" Utama"` : `Customer ${i}`;
    lines.push(`${name},${phone},c${i}@example.com,${cities[i % cities.length]}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const sizes = quick ? [2_000, 20_000] : [10_000, 100_000];
  // Storage on a folder of the run's own, set before anything reads the configuration.
  const folder = await mkdtemp(path.join(tmpdir(), "parley-bench-import-"));
  process.env.STORAGE_DIR = path.join(folder, "storage");
  const { openBenchDatabase } = await import("@/bench/webhook-ingest/database");
  const { pgConfig, quoteIdent } = await import("@/lib/db/url");
  const database = await openBenchDatabase(process.env.DATABASE_URL);
  const { config, schema } = pgConfig(database.url);
  console.log(`contact-import: ${sizes.map((s) => s.toLocaleString("en-US")).join(" and ")} rows on ${database.server}, schema ${schema}`);

  try {
    const user = await database.prisma.user.create({ data: { email: `bench-${Date.now()}@bench.test`, name: "Bench" } });
    const workspace = await database.prisma.workspace.create({ data: { name: "Bench", slug: `bench-import-${Date.now()}` } });
    await database.prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "owner" } });
    await database.prisma.customField.create({ data: { workspaceId: workspace.id, key: "city", label: "City" } });
    await database.prisma.$disconnect();
    const ctx: WorkspaceContext = { workspaceId: workspace.id, userId: user.id, role: "owner" };

    process.env.DATABASE_URL = database.url;
    const { prisma } = await import("@/lib/db");
    const { uploadContactImport } = await import("@/lib/services/contacts/import/upload-import");
    const { startContactImport } = await import("@/lib/services/contacts/import/start-import");
    const { runContactImport } = await import("@/lib/services/contacts/import/run-import");
    const { jobQueue, stopJobRunner } = await import("@/lib/jobs/local/runner");
    await jobQueue(); // pg-boss's own start (its schema) is not the import's cost

    const results = [];
    for (const rows of sizes) {
      const file = path.join(folder, `contacts-${rows}.csv`);
      await writeFile(file, csvFor(rows));
      const { size } = await stat(file);

      // The reference: Postgres taking the same bytes with COPY, into a plain table.
      const client = new pg.Client(config);
      await client.connect();
      const table = `${quoteIdent(schema!)}.${quoteIdent(`copy_${rows}`)}`;
      await client.query(`CREATE TABLE ${table} (name text, phone text, email text, city text)`);
      let started = performance.now();
      await pipeline(createReadStream(file), client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`)));
      const copySeconds = (performance.now() - started) / 1000;
      // A second reference: COPY into a table shaped like Contact, with all of its indexes (the
      // trigram indexes of name and phone among them), the floor for writing these rows at all.
      const shaped = `${quoteIdent(schema!)}.${quoteIdent(`copy_contact_${rows}`)}`;
      await client.query(`CREATE TABLE ${shaped} (LIKE ${quoteIdent(schema!)}."Contact" INCLUDING DEFAULTS INCLUDING INDEXES)`);
      await client.query(`ALTER TABLE ${shaped} ALTER COLUMN id SET DEFAULT gen_random_uuid()::text, ALTER COLUMN "workspaceId" SET DEFAULT '${workspace.id}', ALTER COLUMN "updatedAt" SET DEFAULT now(), ADD COLUMN city text`);
      started = performance.now();
      await pipeline(createReadStream(file), client.query(copyFrom(`COPY ${shaped} (name, phone, email, city) FROM STDIN WITH (FORMAT csv, HEADER true)`)));
      const copyIndexedSeconds = (performance.now() - started) / 1000;
      await client.end();

      // The import, as a person runs it: upload, start, the task's run.
      let peak = process.memoryUsage().rss;
      let peakHeap = process.memoryUsage().heapUsed;
      const sampler = setInterval(() => {
        const usage = process.memoryUsage();
        peak = Math.max(peak, usage.rss);
        peakHeap = Math.max(peakHeap, usage.heapUsed);
      }, 20);
      const rssBefore = process.memoryUsage().rss;
      started = performance.now();
      const uploaded = await uploadContactImport(ctx, { name: `contacts-${rows}.csv`, size, stream: createReadStream(file) });
      await startContactImport(ctx, { importId: uploaded.importId, mapping: { "0": "name", "1": "phone", "2": "email", "3": "custom:city" }, duplicateMode: "update" });
      await runContactImport({ workspaceId: workspace.id, importId: uploaded.importId });
      const importSeconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const job = await prisma.contactImport.findUniqueOrThrow({ where: { id: uploaded.importId } });
      const result = {
        rows,
        bytes: size,
        copySeconds: Math.round(copySeconds * 1000) / 1000,
        copyIndexedSeconds: Math.round(copyIndexedSeconds * 1000) / 1000,
        importSeconds: Math.round(importSeconds * 1000) / 1000,
        ratio: Math.round((importSeconds / copySeconds) * 10) / 10,
        ratioToIndexed: Math.round((importSeconds / copyIndexedSeconds) * 10) / 10,
        rowsPerSecond: Math.round(rows / importSeconds),
        rssBeforeMb: Math.round(rssBefore / 1048576),
        peakRssMb: Math.round(peak / 1048576),
        peakHeapMb: Math.round(peakHeap / 1048576),
        created: job.created,
        updated: job.updated,
        rejected: job.rejected,
      };
      results.push(result);
      console.log(
        `  ${rows.toLocaleString("en-US").padStart(7)} rows (${(size / 1048576).toFixed(1)} MB): COPY ${result.copySeconds.toFixed(2)} s (into Contact's shape and indexes ${result.copyIndexedSeconds.toFixed(2)} s) · import ${result.importSeconds.toFixed(2)} s (${result.ratio}× COPY, ${result.ratioToIndexed}× the indexed COPY, ${result.rowsPerSecond.toLocaleString("en-US")} rows/s) · RSS ${result.rssBeforeMb} → peak ${result.peakRssMb} MB (JS heap peak ${result.peakHeapMb} MB) · created ${job.created}, updated ${job.updated}, rejected ${job.rejected}`,
      );
    }
    await stopJobRunner();
    await prisma.$disconnect();
    const last = results.at(-1)!;
    const met = !quick && last.importSeconds < TARGET_SECONDS && last.ratio <= TARGET_RATIO;
    console.log(JSON.stringify({ bench: "contact-import", results, targets: { seconds: TARGET_SECONDS, ratioToCopy: TARGET_RATIO }, met }));
  } finally {
    await database.drop();
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:contact-import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
