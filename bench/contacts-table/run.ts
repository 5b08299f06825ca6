/**
 * `npm run bench:contacts-table [-- --quick] [--keep]`: the contacts table at 100,000 contacts.
 * Seeds one workspace with 100,000 contacts and another with 20,000 (quick: 10,000 / 2,000) into a
 * fresh schema on the machine's Postgres (or DATABASE_URL's server), then times, through the real
 * services, whole `listContacts` calls (the page, its groups and tags, and the total that matches):
 * the first page, a deep page (keyset cursor from page ~1,500), each sort, searches, label, date,
 * opt-out and custom-field filters, and `countContacts` of a combined segment; p50 / p95 over 30
 * warm runs each. Beside them, in the same run, the reference: a bare first-page SELECT through
 * plain `pg`. Target: p95 < 200 ms for every page. Prints EXPLAIN (ANALYZE, BUFFERS) of the
 * slowest case's statements (top plan line, execution time). The schema is dropped at the end
 * (`--keep` leaves it for EXPLAIN ANALYZE by hand).
 */
import os from "node:os";
import pg from "pg";
import { pgConfig, quoteIdent } from "@/lib/db/url";
import { openBenchDatabase } from "@/bench/webhook-ingest/database";
import { time, type Timing } from "@/bench/inbox-query/measure";
import type { WorkspaceContext } from "@/lib/auth/context";
import type { ContactFilter } from "@/lib/services/contacts/filter/schema";
import type { ContactSort } from "@/lib/services/contacts/filter/sort";
import { seedContacts } from "./seed";

const TARGET_P95_MS = 200;
const RUNS = 30;
const PAGE_SIZE = 50;

interface Captured {
  text: string;
  values: unknown[];
}

/** What a statement of a listContacts call is, from its SQL (the table it reads first). */
function statementKind(sql: string): string {
  if (/^SELECT COUNT/i.test(sql)) return "count";
  const table = /\bFROM "[^"]+"\."([^"]+)"/.exec(sql)?.[1];
  const kinds: Record<string, string> = {
    Contact: "page",
    ContactGroupMember: "group memberships",
    ContactGroup: "group names",
    ContactTag: "tag memberships",
    Tag: "tag names",
    Workspace: "workspace time zone",
  };
  return (table && kinds[table]) ?? "other";
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes("--quick");
  const keep = argv.includes("--keep");
  const size = quick ? { contacts: 10_000, noise: 2_000 } : { contacts: 100_000, noise: 20_000 };
  const loadBefore = os.loadavg().map((n) => Math.round(n * 100) / 100);

  const database = await openBenchDatabase(process.env.DATABASE_URL);
  await database.prisma.$disconnect();
  const { config, schema } = pgConfig(database.url);
  if (!schema) throw new Error("the bench schema is missing from its URL");
  console.log(
    `contacts-table: ${size.contacts.toLocaleString("en-US")} contacts + ${size.noise.toLocaleString("en-US")} in a second workspace${quick ? " (quick)" : ""} ` +
      `on ${database.server}, schema ${schema}; load average before ${loadBefore.join(" ")}`,
  );

  try {
    const client = new pg.Client(config);
    await client.connect();
    const seeded = await seedContacts(client, schema, size).finally(() => client.end());
    console.log(`seeded in ${seeded.seconds.load.toFixed(1)} s, indexes ${seeded.seconds.indexes.toFixed(1)} s, vacuum analyze ${seeded.seconds.analyze.toFixed(1)} s`);

    // The services read DATABASE_URL when they first connect: point it at the bench schema first.
    process.env.DATABASE_URL = database.url;
    const { prisma } = await import("@/lib/db");
    const { sharedPool } = await import("@/lib/db/pool");
    const { tenantDb } = await import("@/lib/db/tenant");
    const { listContacts } = await import("@/lib/services/contacts/list-contacts");
    const { countContacts } = await import("@/lib/services/contacts/segments");
    const { DEFAULT_SORT, encodeCursor } = await import("@/lib/services/contacts/filter/sort");
    const ctx: WorkspaceContext = { workspaceId: seeded.workspaceId, userId: seeded.userId, role: "owner" };

    // The labels the filters name: the tag closest to 10% of the contacts, two groups and a tag for "any of".
    const tenth = size.contacts / 10;
    const tagId = [...seeded.tagIds].sort((a, b) => Math.abs((seeded.tagSizes[a] ?? 0) - tenth) - Math.abs((seeded.tagSizes[b] ?? 0) - tenth))[0]!;
    const [groupA, groupB] = [seeded.groupIds[1]!, seeded.groupIds[4]!];
    const otherTag = seeded.tagIds.find((id) => id !== tagId)!;
    const phoneDigits = seeded.samplePhone.slice(5, 12);

    const filter = (partial: Partial<ContactFilter>): ContactFilter => ({ match: "all", conditions: [], ...partial });
    const combined = filter({
      conditions: [
        { field: "tag", op: "in", value: [tagId] },
        { field: "optedOut", op: "is", value: false },
        { field: "lastInboundAt", op: "withinDays", value: 30 },
      ],
    });
    const cases: Record<string, { filter?: ContactFilter; sort?: ContactSort; after?: string }> = {
      firstPage: {},
      deepPage: {},
      sortNameAsc: { sort: { by: "name", dir: "asc" } },
      sortLastInboundDesc: { sort: { by: "lastInboundAt", dir: "desc" } },
      searchName: { filter: filter({ search: "ayu" }) },
      searchPhoneDigits: { filter: filter({ search: phoneDigits }) },
      tag: { filter: filter({ conditions: [{ field: "tag", op: "in", value: [tagId] }] }) },
      tagOptedInRecent: { filter: combined },
      anyOfGroup: {
        filter: filter({
          conditions: [
            {
              match: "any",
              conditions: [
                { field: "group", op: "in", value: [groupA] },
                { field: "group", op: "in", value: [groupB] },
                { field: "tag", op: "in", value: [otherTag] },
              ],
            },
          ],
        }),
      },
      customCityEquals: { filter: filter({ conditions: [{ field: "custom", key: "city", op: "equals", value: "Bandung" }] }) },
    };

    // The deep page: the boundary row that ends page ~1,500 of the default order (three quarters
    // down in the quick run), read once with OFFSET; the measured call then starts from its cursor.
    const depth = Math.min(1_500, Math.floor((size.contacts * 0.75) / PAGE_SIZE));
    const boundary = await tenantDb(ctx).contact.findMany({
      where: { workspaceId: ctx.workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (depth - 1) * PAGE_SIZE - 1,
      take: 2,
      select: { id: true, createdAt: true },
    });
    cases.deepPage = { after: encodeCursor(DEFAULT_SORT, boundary[0]!) };
    const deep = await listContacts(ctx, cases.deepPage);
    if (deep.contacts[0]?.id !== boundary[1]?.id) throw new Error(`the deep page does not start after its cursor (${deep.contacts[0]?.id} ≠ ${boundary[1]?.id})`);

    const figures: Record<string, Timing> = {};
    const matched: Record<string, number> = {};
    const line = (name: string, timing: Timing, note = "") =>
      console.log(`  ${name.padEnd(34)} p50 ${String(timing.p50).padStart(7)} ms   p95 ${String(timing.p95).padStart(7)} ms${note}`);

    console.log(`page ${depth} for the deep page; tag ${tagId} (${seeded.tagSizes[tagId]} contacts); phone digits "${phoneDigits}"; ${RUNS} runs each after a warm-up`);
    // Warm every path (Node's JIT, Prisma's query plans, Postgres's cache) before timing any, so
    // the first case measured pays no more for going first.
    for (let round = 0; round < 3; round++) for (const options of Object.values(cases)) await listContacts(ctx, options);
    for (const [name, options] of Object.entries(cases)) {
      const first = await listContacts(ctx, options);
      matched[name] = first.total;
      figures[`list.${name}`] = await time(RUNS, () => listContacts(ctx, options));
      line(`list.${name}`, figures[`list.${name}`]!, `   (${first.total.toLocaleString("en-US")} match, ${first.contacts.length} on the page)`);
    }
    matched.countCombined = await countContacts(ctx, combined);
    figures["count.combined"] = await time(RUNS, () => countContacts(ctx, combined));
    line("countContacts.combined", figures["count.combined"]!, `   (${matched.countCombined.toLocaleString("en-US")})`);

    // The reference, in the same run: the first page's ids and nothing else, through plain pg.
    const reference = new pg.Client(config);
    await reference.connect();
    const bare = `SELECT id FROM ${quoteIdent(schema)}."Contact" WHERE "workspaceId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT ${PAGE_SIZE + 1}`;
    figures["reference.bareFirstPage"] = await time(RUNS, () => reference.query(bare, [ctx.workspaceId]));
    line("reference.bareFirstPage (pg)", figures["reference.bareFirstPage"]!);
    await reference.end();

    // Why the slowest case costs what it does: each of its statements, captured off the shared
    // pool during one call, run again under EXPLAIN (ANALYZE, BUFFERS).
    const pages = Object.entries(figures).filter(([name]) => name.startsWith("list."));
    const [slowest] = [...pages].sort((a, b) => b[1].p95 - a[1].p95)[0]!;
    const { pool } = sharedPool();
    const query = pool.query.bind(pool) as (config: unknown) => Promise<pg.QueryResult>;
    const captured: Captured[] = [];
    pool.query = ((statement: unknown, ...rest: unknown[]) => {
      if (statement && typeof statement === "object" && "text" in statement) {
        const { text, values } = statement as { text: string; values?: unknown[] };
        captured.push({ text, values: values ?? [] });
      }
      return (query as (...args: unknown[]) => unknown)(statement, ...rest);
    }) as typeof pool.query;
    await listContacts(ctx, cases[slowest.slice("list.".length)]!);
    pool.query = query as unknown as typeof pool.query;
    const explained = [];
    for (const statement of captured) {
      const plan = (await query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, values: statement.values })).rows.map((r: Record<string, string>) => r["QUERY PLAN"]!);
      const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.find((l) => l.startsWith("Execution Time")) ?? "")?.[1] ?? NaN);
      // JIT compilation, when the planner's cost estimate crosses jit_above_cost, is part of the time.
      const jitMs = Number(/Total ([\d.]+) ms/.exec(plan.find((l) => /^\s*Timing: .*Total/.test(l)) ?? "")?.[1] ?? 0);
      explained.push({ statement: statementKind(statement.text), top: plan[0]!.trim(), executionMs, jitMs });
    }
    explained.sort((a, b) => b.executionMs - a.executionMs);
    console.log(`EXPLAIN (ANALYZE, BUFFERS) of ${slowest}'s statements, slowest first:`);
    for (const e of explained) console.log(`  ${e.statement.padEnd(20)} ${String(e.executionMs).padStart(8)} ms${e.jitMs ? ` (JIT ${e.jitMs} ms)` : ""}   ${e.top}`);
    await prisma.$disconnect();

    const met = pages.every(([, f]) => f.p95 < TARGET_P95_MS);
    console.log(
      JSON.stringify({
        bench: "contacts-table",
        figures: { ...figures, matched, contacts: size.contacts, noiseContacts: size.noise, deepPage: depth, loadBefore, seedSeconds: seeded.seconds, explain: { case: slowest, statements: explained } },
        targets: { pageP95Ms: TARGET_P95_MS },
        met,
      }),
    );
  } finally {
    if (keep) console.log(`kept schema ${schema} (drop it with: DROP SCHEMA "${schema}" CASCADE)`);
    else await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:contacts-table failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
