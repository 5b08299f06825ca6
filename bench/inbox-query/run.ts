/**
 * `npm run bench:inbox-query [-- --quick] [--keep]`: the inbox's first pages at scale. Seeds
 * 100,000 contacts and 5,000,000 messages (quick: 10,000 / 200,000) into a fresh schema on the
 * machine's Postgres (or DATABASE_URL's server), then times, through the real services, the first
 * page of listConversations for each filter and for searches, and the first and second pages of
 * listMessages in the busiest conversations: p50 / p95 over many runs. Target: p95 < 50 ms each.
 * The schema is dropped at the end (`--keep` leaves it for EXPLAIN ANALYZE by hand).
 */
import pg from "pg";
import { pgConfig } from "@/lib/db/url";
import { openBenchDatabase } from "@/bench/webhook-ingest/database";
import type { WorkspaceContext } from "@/lib/auth/context";
import { seedInbox } from "./seed";
import { time, type Timing } from "./measure";

const TARGET_P95_MS = 50;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes("--quick");
  const keep = argv.includes("--keep");
  const size = quick ? { contacts: 10_000, messages: 200_000 } : { contacts: 100_000, messages: 5_000_000 };
  const runs = quick ? 40 : 100;

  const database = await openBenchDatabase(process.env.DATABASE_URL);
  await database.prisma.$disconnect();
  const { config, schema } = pgConfig(database.url);
  if (!schema) throw new Error("the bench schema is missing from its URL");
  console.log(`inbox-query: ${size.contacts.toLocaleString("en-US")} contacts, ${size.messages.toLocaleString("en-US")} messages${quick ? " (quick)" : ""} on ${database.server}, schema ${schema}`);

  try {
    const client = new pg.Client(config);
    await client.connect();
    const seeded = await seedInbox(client, schema, size).finally(() => client.end());
    console.log(`seeded in ${seeded.seconds.load.toFixed(1)} s, indexes ${seeded.seconds.indexes.toFixed(1)} s, analyze ${seeded.seconds.analyze.toFixed(1)} s`);

    // The services read DATABASE_URL when they first connect: point it at the bench schema first.
    process.env.DATABASE_URL = database.url;
    const { prisma } = await import("@/lib/db");
    const { listConversations } = await import("@/lib/services/inbox/list-conversations");
    const { listMessages } = await import("@/lib/services/inbox/list-messages");
    const ctx: WorkspaceContext = { workspaceId: seeded.workspaceId, userId: seeded.memberIds[1]!, role: "agent" };

    const figures: Record<string, Timing> = {};
    const measure = async (name: string, query: (run: number) => Promise<unknown>) => {
      figures[name] = await time(runs, query);
      console.log(`  ${name.padEnd(44)} p50 ${String(figures[name].p50).padStart(7)} ms   p95 ${String(figures[name].p95).padStart(7)} ms`);
    };

    for (const filter of ["all", "mine", "unassigned", "unread", "resolved"] as const) {
      await measure(`listConversations.${filter}`, () => listConversations(ctx, { filter }));
    }
    const page1 = await listConversations(ctx, { filter: "all" });
    await measure("listConversations.all.page2", () => listConversations(ctx, { filter: "all", cursor: page1.nextCursor }));
    const searches = {
      "contactName": "santoso",
      "contactNameRare": "Dimas Sinaga",
      "phoneDigits": "0000012345",
      "messageTextRare": "INV424242",
      "messageTextCommonWord": "kirim",
      "messageTextPhrase": "ongkir ke medan",
      // A phrase in 1 of 70 messages: Postgres walks the newest messages instead of the index.
      "messageTextCommonPhrase": "medan order",
    };
    for (const [label, search] of Object.entries(searches)) {
      await measure(`listConversations.search.${label}`, () => listConversations(ctx, { filter: "all", search }));
    }
    // The reference, in the same run: the message-text half of each phrase search as it was before
    // the index of message words (ILIKE through the trigram index), beside the same half as it is now.
    const { Prisma } = await import("@/lib/db");
    const { containsPattern, messageTextMatches } = await import("@/lib/services/inbox/conversation-search");
    const { qualifiedTable } = await import("@/lib/db/pool");
    const messageHalf = (condition: InstanceType<typeof Prisma.Sql>) => () =>
      prisma.$queryRaw`SELECT m."conversationId" FROM ${Prisma.raw(qualifiedTable("Message"))} m WHERE m."workspaceId" = ${seeded.workspaceId} AND ${condition} ORDER BY m."timestamp" DESC LIMIT 1000`;
    for (const label of ["messageTextPhrase", "messageTextCommonPhrase"] as const) {
      await measure(`reference.${label}.messages.trigramIlike`, messageHalf(Prisma.sql`m."previewText" ILIKE ${containsPattern(searches[label])}`));
      await measure(`${label}.messages.words`, messageHalf(messageTextMatches(searches[label])));
    }
    await measure("listMessages.busy.first", (run) => listMessages(ctx, { conversationId: seeded.busyConversationIds[run % 10]! }));
    const befores = await Promise.all(seeded.busyConversationIds.map(async (id) => ({ id, before: (await listMessages(ctx, { conversationId: id })).nextBefore })));
    await measure("listMessages.busy.second", (run) => listMessages(ctx, { conversationId: befores[run % 10]!.id, before: befores[run % 10]!.before }));
    await measure("listMessages.quiet.first", (run) => listMessages(ctx, { conversationId: `cv${1000 + run}` }));
    await prisma.$disconnect();

    const met = Object.entries(figures).every(([name, f]) => name.startsWith("reference.") || f.p95 < TARGET_P95_MS);
    console.log(
      JSON.stringify({
        bench: "inbox-query",
        figures: { ...figures, contacts: size.contacts, messages: size.messages, seedSeconds: seeded.seconds },
        targets: { p95Ms: TARGET_P95_MS },
        met,
      }),
    );
  } finally {
    if (keep) console.log(`kept schema ${schema} (drop it with: DROP SCHEMA "${schema}" CASCADE)`);
    else await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:inbox-query failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
