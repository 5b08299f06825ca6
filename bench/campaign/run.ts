/**
 * `npm run bench:campaign [-- --quick]`: a campaign's send path on a real Postgres against the
 * WhatsApp emulator (in this process, status webhooks off), each figure beside a reference
 * measured in the same run:
 *   1. materialising N recipients (materialiseRecipients: one INSERT … SELECT) beside a bare COPY
 *      of the same rows into the same table (target within 2×);
 *   2. the pipeline's own ceiling (runCampaignSend, maxRate raised, the number's cap raised) beside
 *      a bare HTTP client sending the same template requests at the same concurrency (target
 *      ≥ 2,000 sends/s and ≥ 0.5× the bare client);
 *   3. a run capped at 1,000/s: achieved rate within 5% of the cap.
 * Prints os.loadavg() before each part, and last one line of JSON. A benchmark, not a test: exits 0
 * whether or not the targets are met. Drops its schema at the end.
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const TARGET_MATERIALISE_RATIO = 2;
const TARGET_SENDS_PER_SECOND = 2_000;
const TARGET_RATIO_TO_BARE = 0.5;
const CAP = 1_000;
const CAP_TOLERANCE = 0.05;
/** The uncapped run: this rate is a ceiling the pipeline should not reach (batches of a quarter of it). */
const CEILING_RATE = 8_000;
/**
 * The bare client's connections: about what the pipeline keeps in flight (each send sleeps to its
 * slot, so rate × latency, not the batch, is on the wire).
 */
const BARE_CONCURRENCY = 256;

const load = () => loadavg().map((n) => n.toFixed(2)).join(" ");
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const recipients = quick ? 20_000 : 100_000;
  const ceilingSends = quick ? 8_000 : 40_000;
  const cappedSends = quick ? 5_000 : 15_000; // ceiling + capped ≤ recipients
  process.env.APP_ENCRYPTION_KEY ??= `bench:${randomBytes(32).toString("base64")}`;
  process.env.META_APP_SECRET ??= randomBytes(16).toString("hex");
  process.env.LOG_LEVEL ??= "error"; // a send timing out under overload is counted, not logged
  const { startWhatsAppEmulator } = await import("@/local/whatsapp-emulator");
  const number = { phoneNumberId: "100000000000991", wabaId: "200000000000991", displayPhoneNumber: "+1 555-010-0991", verifiedName: "Bench", accessToken: `token-${randomBytes(8).toString("hex")}` };
  const template = { name: "december_sale", language: "en_US", category: "MARKETING" as const, components: [{ type: "BODY", text: "Hi {{1}}, our December sale starts today with prices you will love.", example: { body_text: [["Sari"]] } }] };
  const emulator = await startWhatsAppEmulator({ port: 0, appSecret: process.env.META_APP_SECRET, phoneNumbers: [number], templates: [template] });
  emulator.setFaults({ throughputPerSecond: 0 }); // the emulator's own bucket off: we measure ours
  process.env.WHATSAPP_GRAPH_API_URL = emulator.url;

  // The schema first: lib/env reads DATABASE_URL once, when something first imports it.
  const { createIsolatedSchemaUrl, dropIsolatedSchema } = await import("@/scripts/lib/database");
  const base = process.env.DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
  const url = await createIsolatedSchemaUrl(base, "bench");
  process.env.DATABASE_URL = url;
  const { pgConfig, quoteIdent } = await import("@/lib/db/url");
  const { config, schema } = pgConfig(url);
  const q = (name: string) => `${quoteIdent(schema!)}.${quoteIdent(name)}`;
  const server = new URL(base);
  console.log(`campaign: ${recipients.toLocaleString("en-US")} recipients on ${server.hostname}:${server.port || "5432"}${server.pathname}, schema ${schema}, emulator ${emulator.url}`);
  const loads: Record<string, string> = {};

  try {
    const { prisma } = await import("@/lib/db");
    const { encryptSecret } = await import("@/lib/crypto/secrets");
    const { materialiseRecipients } = await import("@/lib/services/campaigns/send/launch");
    const { runCampaignSend } = await import("@/lib/services/campaigns/send/run-send");

    const workspace = await prisma.workspace.create({ data: { name: "Bench", slug: `bench-campaign-${Date.now()}` } });
    const connection = await prisma.whatsappConnection.create({
      data: { workspaceId: workspace.id, phoneNumberId: number.phoneNumberId, wabaId: number.wabaId, accessTokenEncrypted: encryptSecret(number.accessToken), webhookVerifyToken: `verify-${Date.now()}`, qualityRating: "GREEN" },
    });
    const tpl = await prisma.template.create({ data: { workspaceId: workspace.id, connectionId: connection.id, name: template.name, language: template.language, category: "MARKETING", status: "APPROVED", components: template.components as object[] } });
    const scope = { workspaceId: workspace.id };

    // Seed: N contacts in one group, with COPY.
    const client = new pg.Client(config);
    await client.connect();
    const group = await prisma.contactGroup.create({ data: { workspaceId: workspace.id, name: "Everyone" } });
    let started = performance.now();
    const contactRows = function* () {
      for (let i = 0; i < recipients; i++) yield `c${i}\t${workspace.id}\t+62812${String(10_000_000 + i)}\tCustomer ${i}\t2026-12-07 00:00:00\n`;
    };
    await pipeline(Readable.from(contactRows()), client.query(copyFrom(`COPY ${q("Contact")} (id, "workspaceId", phone, name, "updatedAt") FROM STDIN`)));
    await client.query(`INSERT INTO ${q("ContactGroupMember")} ("groupId", "contactId") SELECT $1, id FROM ${q("Contact")} WHERE "workspaceId" = $2`, [group.id, workspace.id]);
    console.log(`  seeded ${recipients.toLocaleString("en-US")} contacts in a group in ${((performance.now() - started) / 1000).toFixed(2)} s`);

    const campaignFor = async (name: string, groupId: string) =>
      prisma.campaign.create({
        data: { workspaceId: workspace.id, name, templateId: tpl.id, connectionId: connection.id, status: "sending", audience: { everyone: false, segmentIds: [], groupIds: [groupId], tagIds: [] }, variableMapping: { "body.1": { source: "field", field: "firstName", fallback: "there" } } },
      });

    // 1. Materialise, beside a bare COPY of the same rows into the same table.
    loads.materialise = load();
    console.log(`1. materialise (load ${loads.materialise})`);
    const reference = await campaignFor("Reference", group.id);
    const copyRows = function* () {
      for (let i = 0; i < recipients; i++) yield `r${i}\t${workspace.id}\t${reference.id}\tc${i}\t+62812${String(10_000_000 + i)}\tqueued\t1\t2026-12-07 00:00:00\t2026-12-07 00:00:00\n`;
    };
    started = performance.now();
    await pipeline(Readable.from(copyRows()), client.query(copyFrom(`COPY ${q("CampaignRecipient")} (id, "workspaceId", "campaignId", "contactId", phone, status, run, "createdAt", "updatedAt") FROM STDIN`)));
    const copySeconds = (performance.now() - started) / 1000;
    await client.query(`DELETE FROM ${q("CampaignRecipient")} WHERE "campaignId" = $1`, [reference.id]);
    await client.query(`VACUUM ${q("CampaignRecipient")}`);
    const big = await campaignFor("Materialise", group.id);
    started = performance.now();
    await materialiseRecipients(scope, { id: big.id, audience: big.audience, templateId: tpl.id, run: 1 });
    const materialiseSeconds = (performance.now() - started) / 1000;
    const written = await prisma.campaignRecipient.count({ where: { campaignId: big.id, status: "queued" } });
    const counted = await prisma.campaign.findUniqueOrThrow({ where: { id: big.id }, select: { totalCount: true, skippedCount: true, exclusions: true } });
    if (written !== recipients) throw new Error(`materialised ${written} queued recipients of ${recipients}: ${JSON.stringify(counted)}`);
    const materialiseRatio = materialiseSeconds / copySeconds;
    console.log(`   COPY ${copySeconds.toFixed(2)} s · materialiseRecipients ${materialiseSeconds.toFixed(2)} s (${materialiseRatio.toFixed(2)}× COPY; ${written.toLocaleString("en-US")} queued)`);
    await client.query(`UPDATE ${q("Campaign")} SET status = 'cancelled' WHERE id = $1`, [big.id]);

    // A group of the first `n` contacts, for the send runs.
    // Each run its own contacts: the workspace's marketing frequency cap skips a contact sent to before.
    let offset = 0;
    const subGroup = async (n: number) => {
      const g = await prisma.contactGroup.create({ data: { workspaceId: workspace.id, name: `slice-${offset}-${n}` } });
      await client.query(`INSERT INTO ${q("ContactGroupMember")} ("groupId", "contactId") SELECT $1, id FROM ${q("Contact")} WHERE "workspaceId" = $2 ORDER BY id OFFSET $3 LIMIT $4`, [g.id, workspace.id, offset, n]);
      offset += n;
      return g.id;
    };
    const sendRun = async (n: number, cap: number, maxRate?: number) => {
      await prisma.whatsappConnection.update({ where: { id: connection.id }, data: { throughputCap: cap } });
      await client.query(`DELETE FROM ${q("SendPacer")}`);
      const campaign = await campaignFor(`Send ${n}`, await subGroup(n));
      await materialiseRecipients(scope, { id: campaign.id, audience: campaign.audience, templateId: tpl.id, run: 1 });
      const before = emulator.sentMessages().length;
      const t0 = performance.now();
      const outcome = await runCampaignSend({ ...scope, campaignId: campaign.id }, maxRate ? { maxRate } : {});
      const seconds = (performance.now() - t0) / 1000;
      const sent = await prisma.campaignRecipient.count({ where: { campaignId: campaign.id, status: "sent" } });
      return { outcome, seconds, sent, received: emulator.sentMessages().length - before, rate: sent / seconds };
    };

    // 2. The ceiling, beside a bare client.
    loads.ceiling = load();
    console.log(`2. ceiling, no cap, status callbacks off (load ${loads.ceiling})`);
    const concurrency = BARE_CONCURRENCY;
    const body = (i: number) => JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to: `62812${10_000_000 + i}`, type: "template", biz_opaque_callback_data: `cr:bare-${i}`, template: { name: template.name, language: { code: template.language }, components: [{ type: "body", parameters: [{ type: "text", text: `Customer ${i}` }] }] } });
    const url = `${emulator.url}/v23.0/${number.phoneNumberId}/messages`;
    let next = 0;
    let bareOk = 0;
    let bareFailed = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < ceilingSends) {
          const i = next++;
          const response = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${number.accessToken}`, "content-type": "application/json" }, body: body(i) });
          await response.arrayBuffer();
          if (response.ok) bareOk += 1;
          else bareFailed += 1;
        }
      }),
    );
    const bareSeconds = (performance.now() - started) / 1000;
    const bareRate = bareOk / bareSeconds;
    console.log(`   bare client: ${bareOk.toLocaleString("en-US")} sends in ${bareSeconds.toFixed(2)} s = ${Math.round(bareRate).toLocaleString("en-US")} sends/s (concurrency ${concurrency}, ${bareFailed} failed)`);
    const ceiling = await sendRun(ceilingSends, 1_000_000, CEILING_RATE);
    console.log(`   runCampaignSend: ${ceiling.sent.toLocaleString("en-US")} sent in ${ceiling.seconds.toFixed(2)} s = ${Math.round(ceiling.rate).toLocaleString("en-US")} sends/s (${(ceiling.rate / bareRate).toFixed(2)}× bare; ${ceiling.outcome}; emulator received ${ceiling.received})`);

    // 3. Capped at 1,000/s.
    loads.capped = load();
    console.log(`3. capped at ${CAP}/s (load ${loads.capped})`);
    const capped = await sendRun(cappedSends, CAP);
    const cappedError = Math.abs(capped.rate - CAP) / CAP;
    console.log(`   achieved ${Math.round(capped.rate).toLocaleString("en-US")} sends/s vs cap ${CAP} (${(cappedError * 100).toFixed(1)}% off; ${capped.sent.toLocaleString("en-US")} sent in ${capped.seconds.toFixed(2)} s; ${capped.outcome})`);

    await client.end();
    await prisma.$disconnect();
    const figures = {
      recipients,
      copySeconds: round(copySeconds, 3),
      materialiseSeconds: round(materialiseSeconds, 3),
      materialiseRatio: round(materialiseRatio),
      bareSendsPerSecond: Math.round(bareRate),
      ceilingSendsPerSecond: Math.round(ceiling.rate),
      ceilingRatioToBare: round(ceiling.rate / bareRate),
      ceilingSends: ceiling.sent,
      cappedSendsPerSecond: Math.round(capped.rate),
      cappedErrorPercent: round(cappedError * 100, 1),
      loadavg: loads,
    };
    const met =
      !quick &&
      materialiseRatio <= TARGET_MATERIALISE_RATIO &&
      ceiling.rate >= TARGET_SENDS_PER_SECOND &&
      ceiling.rate / bareRate >= TARGET_RATIO_TO_BARE &&
      cappedError <= CAP_TOLERANCE &&
      ceiling.sent === ceilingSends &&
      capped.sent === cappedSends;
    console.log(JSON.stringify({ bench: "campaign", figures, targets: { materialiseRatioToCopy: TARGET_MATERIALISE_RATIO, sendsPerSecond: TARGET_SENDS_PER_SECOND, ratioToBare: TARGET_RATIO_TO_BARE, cap: CAP, capTolerancePercent: CAP_TOLERANCE * 100 }, met }));
  } finally {
    await emulator.stop();
    await dropIsolatedSchema(url);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:campaign failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
