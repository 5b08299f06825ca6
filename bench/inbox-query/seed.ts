/**
 * The inbox at scale in one fresh schema, written by Postgres itself (INSERT … SELECT
 * generate_series): one workspace, five members, C contacts each with one conversation (a fifth
 * open, the rest resolved; open ones spread over the members and "unassigned", a tenth of them
 * unread), and M messages: a fifth of them in the 100 busiest conversations (with a reaction
 * every 50 messages there), the rest spread over every other conversation. The schema's own
 * indexes are dropped for the load and rebuilt after it (much faster than maintaining them row
 * by row), then ANALYZE.
 */
import type pg from "pg";
import { quoteIdent } from "@/lib/db/url";

export interface SeedSize {
  contacts: number;
  messages: number;
}

export interface Seeded {
  workspaceId: string;
  memberIds: string[];
  /** The busiest conversations, for listMessages. */
  busyConversationIds: string[];
  seconds: { load: number; indexes: number; analyze: number };
}

const FIRST = ["Budi", "Sari", "Rina", "Agus", "Dewi", "Joko", "Putri", "Andi", "Wati", "Eko", "Lestari", "Bayu", "Fitri", "Hendra", "Indah", "Rudi", "Nur", "Yusuf", "Maya", "Dimas"];
const LAST = ["Santoso", "Wulandari", "Pratama", "Saputra", "Hidayat", "Kusuma", "Nugroho", "Siregar", "Halim", "Wijaya", "Gunawan", "Susanto", "Rahman", "Setiawan", "Utami", "Lubis", "Harahap", "Tanjung", "Purba", "Sinaga", "Simanjuntak", "Nasution", "Hutapea", "Manurung", "Situmorang"];
const WORDS = ("halo selamat pagi kak apakah barang ini masih ada stok ukuran warna merah biru hitam putih " +
  "berapa harga ongkir ke jakarta bandung surabaya medan bisa kirim hari besok pesanan saya sudah sampai belum " +
  "terima kasih banyak tolong cek resi nomor mohon maaf kami proses transfer bukti pembayaran diskon promo " +
  "minggu ini gratis retur tukar cocok bagus kualitas bahan katun ready pre order estimasi seminggu").split(" ");

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;

export async function seedInbox(client: pg.Client, schema: string, size: SeedSize): Promise<Seeded> {
  const s = quoteIdent(schema);
  const q = (sql: string) => client.query(sql);
  await q(`SET search_path TO ${s}, public`);
  await q(`SET maintenance_work_mem TO '512MB'`);
  await q(`SET synchronous_commit TO off`);
  // No foreign-key triggers during the load: every reference is generated consistent.
  await q(`SET session_replication_role TO replica`);

  const busy = 100;
  const busyMessages = Math.floor(size.messages / 5);
  const spread = size.contacts - busy;

  const indexes = (
    await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE schemaname = $1 AND tablename IN ('Contact', 'Conversation', 'Message') AND indexname NOT LIKE '%_pkey'`,
      [schema],
    )
  ).rows;
  for (const index of indexes) await q(`DROP INDEX ${s}.${quoteIdent(index.name)}`);

  let started = performance.now();
  await q(`INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ('ws_bench', 'Bench', 'bench-inbox', now())`);
  await q(`INSERT INTO "User" (id, email, name, "updatedAt") SELECT 'u' || i, 'agent' || i || '@bench.test', 'Agent ' || i, now() FROM generate_series(1, 5) i`);
  await q(`INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt") SELECT 'm' || i, 'ws_bench', 'u' || i, (CASE WHEN i = 1 THEN 'owner' ELSE 'agent' END)::"Role", now() FROM generate_series(1, 5) i`);
  await q(`INSERT INTO "WhatsappConnection" (id, "workspaceId", "phoneNumberId", "wabaId", "accessTokenEncrypted", "webhookVerifyToken", "updatedAt")
           VALUES ('conn_bench', 'ws_bench', 'pn-bench', 'waba-bench', 'v1:bench:none', 'verify-bench', now())`);
  await q(`INSERT INTO "Contact" (id, "workspaceId", phone, "waId", name, "profileName", "createdAt", "updatedAt")
           SELECT 'ct' || i, 'ws_bench', '+628' || lpad(i::text, 10, '0'), '628' || lpad(i::text, 10, '0'),
                  CASE WHEN i % 10 < 7 THEN (${sqlArray(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (i / ${FIRST.length}) % ${LAST.length}] END,
                  (${sqlArray(FIRST)})[1 + (i / 7) % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (i / 3) % ${LAST.length}],
                  now(), now()
           FROM generate_series(1, ${size.contacts}) i`);
  // One conversation per contact; open ones (i % 5 = 0) assigned round-robin over the five members and nobody.
  await q(`INSERT INTO "Conversation" (id, "workspaceId", "contactId", "connectionId", status, "isOpen", "assigneeId", "unreadCount", "resolvedAt", "createdAt", "updatedAt")
           SELECT 'cv' || i, 'ws_bench', 'ct' || i, 'conn_bench',
                  (CASE WHEN i % 5 = 0 OR i <= ${busy} THEN 'open' ELSE 'resolved' END)::"ConversationStatus",
                  CASE WHEN i % 5 = 0 OR i <= ${busy} THEN true END,
                  CASE WHEN (i / 5) % 6 = 0 THEN NULL ELSE 'u' || (1 + (i / 5) % 5) END,
                  CASE WHEN (i % 5 = 0 OR i <= ${busy}) AND (i / 5) % 10 = 0 THEN 1 + i % 4 ELSE 0 END,
                  CASE WHEN NOT (i % 5 = 0 OR i <= ${busy}) THEN now() END,
                  now(), now()
           FROM generate_series(1, ${size.contacts}) i`);
  // Message n: the busy share round-robin over conversations 1..100, the rest over 101..C; one
  // message every 6 s of the past, so each conversation's history spans the whole period.
  await q(`INSERT INTO "Message" (id, "workspaceId", "conversationId", "contactId", "connectionId", direction, type, content, "previewText", wamid, "replyToWamid", status, "timestamp", "createdAt", "updatedAt")
           SELECT 'msg' || n, 'ws_bench', 'cv' || c, 'ct' || c, 'conn_bench',
                  (CASE WHEN n % 3 = 0 THEN 'outbound' ELSE 'inbound' END)::"MessageDirection",
                  (CASE WHEN reaction THEN 'reaction' ELSE 'text' END)::"MessageType",
                  CASE WHEN reaction THEN jsonb_build_object('message_id', 'wamid.' || (n - ${busy}), 'emoji', '👍')
                       ELSE jsonb_build_object('body', body) END,
                  CASE WHEN reaction THEN 'Reacted 👍' ELSE body END,
                  'wamid.' || n,
                  CASE WHEN reaction THEN 'wamid.' || (n - ${busy}) END,
                  (CASE WHEN n % 3 = 0 THEN 'read' ELSE 'received' END)::"MessageStatus",
                  ts, ts, ts
           FROM (
             SELECT n,
                    CASE WHEN n <= ${busyMessages} THEN 1 + n % ${busy} ELSE ${busy + 1} + n % ${spread} END AS c,
                    n <= ${busyMessages} AND n > ${busy} AND n % 50 = 0 AS reaction,
                    (${sqlArray(WORDS)})[1 + n % ${WORDS.length}] || ' ' || (${sqlArray(WORDS)})[1 + (n / 7) % ${WORDS.length}] || ' ' ||
                      (${sqlArray(WORDS)})[1 + (n / 131) % ${WORDS.length}] || ' order INV' || (n % 1000003) AS body,
                    (now() AT TIME ZONE 'UTC') - ((${size.messages} - n) * interval '6 seconds') AS ts
             FROM generate_series(1, ${size.messages}) n
           ) m`);
  await q(`UPDATE "Conversation" c SET "lastMessageAt" = m.last, "lastInboundAt" = m.last, "lastMessagePreview" = m.preview
           FROM (SELECT DISTINCT ON ("conversationId") "conversationId", "timestamp" AS last, "previewText" AS preview
                 FROM "Message" ORDER BY "conversationId", "timestamp" DESC) m
           WHERE c.id = m."conversationId"`);
  await q(`SET session_replication_role TO DEFAULT`);
  const load = (performance.now() - started) / 1000;

  started = performance.now();
  for (const index of indexes) await q(index.def);
  const indexSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await q(`ANALYZE "Contact", "Conversation", "Message"`);
  const analyze = (performance.now() - started) / 1000;

  return {
    workspaceId: "ws_bench",
    memberIds: [1, 2, 3, 4, 5].map((i) => `u${i}`),
    busyConversationIds: Array.from({ length: 10 }, (_, i) => `cv${i + 1}`),
    seconds: { load, indexes: indexSeconds, analyze },
  };
}
