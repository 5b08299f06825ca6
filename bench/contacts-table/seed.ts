/**
 * The contacts table at scale in one fresh schema, written by Postgres itself (INSERT … SELECT
 * generate_series): the measured workspace with C contacts and a second one with N noise contacts
 * (so every index holds another tenant's rows too). Per contact, from a hash of its number
 * (deterministic, uncorrelated): a name for 90% (first + last, Indonesian), a WhatsApp profile
 * name for 60%, an E.164 phone (+628…, unique), an email for 30%, a last inbound message spread
 * over the past year for 80%, an opt-out for 5%, a `city` custom field for half. Creation times
 * span two years; every other block of 1,000 contacts shares one `createdAt`, as a CSV import's
 * batch does (one transaction, one `now()`), so the id breaks real ties. Ten groups (3–23% of the
 * contacts each) and twenty tags (5–15% each). The tables' own indexes are dropped for the load
 * and rebuilt after it, then VACUUM ANALYZE (the visibility map and statistics autovacuum would
 * give a table of this age).
 */
import type pg from "pg";
import { quoteIdent } from "@/lib/db/url";

export interface SeedSize {
  contacts: number;
  noise: number;
}

export interface Seeded {
  workspaceId: string;
  userId: string;
  groupIds: string[];
  tagIds: string[];
  /** Members of each group and tag in the measured workspace, by id. */
  groupSizes: Record<string, number>;
  tagSizes: Record<string, number>;
  /** A phone of the measured workspace, for the digits search. */
  samplePhone: string;
  seconds: { load: number; indexes: number; analyze: number };
}

const FIRST = ["Budi", "Sari", "Rina", "Agus", "Dewi", "Joko", "Putri", "Andi", "Wati", "Eko", "Lestari", "Bayu", "Fitri", "Hendra", "Indah", "Rudi", "Nur", "Yusuf", "Maya", "Dimas",
  "Ayu", "Rizky", "Siti", "Ahmad", "Dian", "Fajar", "Galih", "Hana", "Irfan", "Kartika", "Lukman", "Mega", "Nanda", "Oki", "Prasetyo", "Ratna", "Surya", "Tri", "Umar", "Vina", "Wahyu", "Yanti"];
const LAST = ["Santoso", "Wulandari", "Pratama", "Saputra", "Hidayat", "Kusuma", "Nugroho", "Siregar", "Halim", "Wijaya", "Gunawan", "Susanto", "Rahman", "Setiawan", "Utami", "Lubis",
  "Harahap", "Tanjung", "Purba", "Sinaga", "Simanjuntak", "Nasution", "Hutapea", "Manurung", "Situmorang", "Rahayu", "Permana", "Firmansyah", "Hakim", "Anggraini", "Maharani", "Syahputra"];
const DOMAINS = ["gmail.com", "yahoo.co.id", "outlook.com", "hotmail.com", "icloud.com", "mail.id"];
const CITIES = ["Jakarta", "Surabaya", "Bandung", "Medan", "Semarang", "Makassar", "Palembang", "Tangerang", "Depok", "Bekasi", "Yogyakarta", "Denpasar"];
const GROUPS = ["Pelanggan tetap", "Reseller", "Dropshipper", "Grosir", "Korporat", "Event 2026", "Newsletter", "Member gold", "Member silver", "Leads Instagram"];
const TAGS = ["VIP", "Baru", "Komplain", "Promo", "Ramadan", "Harbolnas", "COD", "Transfer", "Ongkir gratis", "Retur", "Pre-order", "Ukuran besar", "Anak", "Pria", "Wanita",
  "Jakarta", "Luar Jawa", "Instagram", "TikTok", "Marketplace"];

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;
/** A non-negative pseudo-random integer from an integer expression and a salt. */
const h = (expr: string, salt: number) => `(hashint4((${expr}) * 53 + ${salt}) & 2147483647)`;
/** The contact id of number `i` in `workspace`: random-looking like the app's ids (uncorrelated with time). */
const contactId = (workspace: string, i: string) => `('c' || left(md5('${workspace}:' || ${i}), 24))`;

async function seedWorkspace(q: (sql: string) => Promise<unknown>, workspace: string, count: number): Promise<void> {
  await q(`INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ('${workspace}', 'Bench ${workspace}', '${workspace}', now())`);
  await q(`INSERT INTO "CustomField" (id, "workspaceId", key, label, type) VALUES ('cf_${workspace}', '${workspace}', 'city', 'City', 'text')`);
  await q(`INSERT INTO "ContactGroup" (id, "workspaceId", name) SELECT '${workspace}_g' || g, '${workspace}', (${sqlArray(GROUPS)})[g] FROM generate_series(1, ${GROUPS.length}) g`);
  await q(`INSERT INTO "Tag" (id, "workspaceId", name, color) SELECT '${workspace}_t' || t, '${workspace}', (${sqlArray(TAGS)})[t], '#3b82f6' FROM generate_series(1, ${TAGS.length}) t`);

  // Two years of contacts, oldest first; blocks with an even number came in one import batch each.
  const span = 2 * 365 * 86_400;
  await q(`INSERT INTO "Contact" (id, "workspaceId", phone, "waId", name, "profileName", email, "customFields", "optedOutAt", "lastInboundAt", "createdAt", "updatedAt")
           SELECT ${contactId(workspace, "i")}, '${workspace}', '+' || wa, wa,
                  CASE WHEN ${h("i", 1)} % 100 < 90 THEN first || ' ' || last END,
                  CASE WHEN ${h("i", 2)} % 100 < 60 THEN pfirst || ' ' || CASE WHEN ${h("i", 3)} % 2 = 0 THEN last ELSE plast END END,
                  CASE WHEN ${h("i", 4)} % 100 < 30 THEN lower(first) || '.' || lower(last) || (i % 997) || '@' || (${sqlArray(DOMAINS)})[1 + ${h("i", 5)} % ${DOMAINS.length}] END,
                  CASE WHEN ${h("i", 6)} % 2 = 0 THEN jsonb_build_object('city', (${sqlArray(CITIES)})[1 + ${h("i", 7)} % ${CITIES.length}]) ELSE '{}'::jsonb END,
                  CASE WHEN ${h("i", 8)} % 100 < 5 THEN now() AT TIME ZONE 'UTC' - ${h("i", 9)} % (180 * 86400) * interval '1 second' END,
                  CASE WHEN ${h("i", 10)} % 100 < 20 THEN NULL ELSE now() AT TIME ZONE 'UTC' - ${h("i", 11)} % (365 * 86400) * interval '1 second' END,
                  created, created
           FROM (
             SELECT i,
                    '628' || (11 + i % 9) || lpad(((i::bigint * 7919) % 100000000)::text, 8, '0') AS wa,
                    (${sqlArray(FIRST)})[1 + ${h("i", 12)} % ${FIRST.length}] AS first,
                    (${sqlArray(LAST)})[1 + ${h("i", 13)} % ${LAST.length}] AS last,
                    (${sqlArray(FIRST)})[1 + ${h("i", 14)} % ${FIRST.length}] AS pfirst,
                    (${sqlArray(LAST)})[1 + ${h("i", 15)} % ${LAST.length}] AS plast,
                    now() AT TIME ZONE 'UTC' - ${span} * interval '1 second'
                      + (CASE WHEN (i / 1000) % 2 = 0 THEN (i / 1000) * 1000 ELSE i END) * (${span}::float8 / ${count}) * interval '1 second' AS created
             FROM generate_series(1, ${count}) i
           ) s`);
  // Group g holds 3–23% of the contacts, tag t 5–15% (in tenths of a percent), independently.
  await q(`INSERT INTO "ContactGroupMember" ("groupId", "contactId")
           SELECT '${workspace}_g' || g, ${contactId(workspace, "i")}
           FROM generate_series(1, ${count}) i CROSS JOIN generate_series(1, ${GROUPS.length}) g
           WHERE ${h("i * 100 + g", 16)} % 1000 < 30 + (g - 1) * 22`);
  await q(`INSERT INTO "ContactTag" ("tagId", "contactId")
           SELECT '${workspace}_t' || t, ${contactId(workspace, "i")}
           FROM generate_series(1, ${count}) i CROSS JOIN generate_series(1, ${TAGS.length}) t
           WHERE ${h("i * 100 + t", 17)} % 1000 < 50 + ((t * 37) % 20) * 5`);
}

export async function seedContacts(client: pg.Client, schema: string, size: SeedSize): Promise<Seeded> {
  const s = quoteIdent(schema);
  const q = (sql: string) => client.query(sql);
  await q(`SET search_path TO ${s}, public`);
  await q(`SET maintenance_work_mem TO '256MB'`);
  await q(`SET synchronous_commit TO off`);
  // No foreign-key triggers during the load: every reference is generated consistent.
  await q(`SET session_replication_role TO replica`);

  const tables = ["Contact", "ContactGroupMember", "ContactTag"];
  const indexes = (
    await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = ANY($2) AND indexname NOT LIKE '%_pkey'`,
      [schema, tables],
    )
  ).rows;
  for (const index of indexes) await q(`DROP INDEX ${s}.${quoteIdent(index.name)}`);

  let started = performance.now();
  await seedWorkspace(q, "ws_bench", size.contacts);
  await seedWorkspace(q, "ws_noise", size.noise);
  await q(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u_bench', 'owner@bench.test', 'Owner', now())`);
  await q(`INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt") VALUES ('m_bench', 'ws_bench', 'u_bench', 'owner', now())`);
  await q(`SET session_replication_role TO DEFAULT`);
  const load = (performance.now() - started) / 1000;

  started = performance.now();
  for (const index of indexes) await q(index.def);
  const indexSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await q(`VACUUM ANALYZE "Contact", "ContactGroupMember", "ContactTag", "ContactGroup", "Tag", "Workspace", "CustomField"`);
  const analyze = (performance.now() - started) / 1000;

  const sizes = async (table: string, column: string) =>
    Object.fromEntries(
      (await client.query<{ id: string; n: number }>(`SELECT ${quoteIdent(column)} AS id, count(*)::int AS n FROM ${quoteIdent(table)} WHERE ${quoteIdent(column)} LIKE 'ws\\_bench\\_%' GROUP BY 1 ORDER BY 1`)).rows.map((r) => [r.id, r.n]),
    );
  const groupSizes = await sizes("ContactGroupMember", "groupId");
  const tagSizes = await sizes("ContactTag", "tagId");
  const sample = await client.query<{ phone: string }>(`SELECT phone FROM "Contact" WHERE "workspaceId" = 'ws_bench' ORDER BY id LIMIT 1`);

  return {
    workspaceId: "ws_bench",
    userId: "u_bench",
    groupIds: GROUPS.map((_, i) => `ws_bench_g${i + 1}`),
    tagIds: TAGS.map((_, i) => `ws_bench_t${i + 1}`),
    groupSizes,
    tagSizes,
    samplePhone: sample.rows[0]!.phone,
    seconds: { load, indexes: indexSeconds, analyze },
  };
}
