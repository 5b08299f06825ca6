/**
 * `npm run bench:webhook-ingest [-- --quick] [--n N] [--c C] [--statuses-only] [--rate R]`
 *
 * How fast `POST /api/webhooks/whatsapp` acknowledges Meta's deliveries on this machine, and
 * whether it loses or doubles any: N signed, unique deliveries (a realistic mix of inbound messages
 * and statuses, bench/webhook-ingest/deliveries.ts) at concurrency C against `next start` of the
 * current build on a real Postgres, beside two references fired the same way — the trivial route
 * handler of the same build (same signature check + JSON.parse, no database) and a bare Node
 * server. Then it waits for the after-the-200 processing to drain and counts lost and duplicated
 * rows. `--statuses-only`: a campaign's status storm instead of the mix (every delivery statuses of
 * campaign messages, recipients and counters moved too), reporting deliveries acknowledged per
 * second and acknowledged AND processed per second (first request to last event processed).
 * `--rate R`: the webhook run offers R requests/s (open loop) instead of as many as C connections
 * get answered. Prints the figures, and last one line of JSON (bench/README.md). A benchmark, not a test:
 * it exits 0 whether or not the targets are met; non-zero only when it could not measure.
 *
 * Needs `npm run build` first. Starts everything it uses on loopback and stops it again (Ctrl-C
 * too), dropping its schema.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { pgConfig } from "@/lib/db/url";
import { freePort } from "@/local/postgres/embedded";
import { backendsCpuMs, backendsDelta, selfCpuMs, treeCpuMs } from "./cpu";
import { openBenchDatabase, seedWorkspace, type BenchDatabase } from "./database";
import { ackOnlyVariants, BENCH_PHONE, planDeliveries, type Plan } from "./deliveries";
import { uploadImages } from "./media";
import { Feed, fire, Ledger, type LoadResult, stopLoad } from "./load";
import { startBare, startEmulator, startNext, type Started } from "./servers";
import { account, accountCampaign, mediaByStatus, waitForDrain, type Accounting, type CampaignAccounting, type Drain } from "./verify";

/** Distinct photos the image messages share (each ~270 KB). */
const IMAGES = 12;

/**
 * The environment for `next start`, minus whatever would send the app beyond loopback or into
 * someone's data: object storage, real-time, Trigger.dev, mail, Vercel.
 */
function localOnly(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(source)) {
    if (/^(S3_|PUSHER_|NEXT_PUBLIC_PUSHER_|TRIGGER_|SMTP_|VERCEL)/.test(name)) continue;
    env[name] = value;
  }
  return env;
}

const TARGETS = { ratio_to_trivial: 0.7, p99_ms: 100, lost: 0, duplicated: 0 } as const;
const WEBHOOK_PATH = "/api/webhooks/whatsapp";
const TRIVIAL_PATH = "/api/bench/trivial";

interface Options {
  quick: boolean;
  statusesOnly: boolean;
  /** Requests per second offered in the webhook run; undefined: closed loop (as fast as answered). */
  rate: number | undefined;
  n: number;
  c: number;
  warmup: number;
  bareAmount: number;
  drainTimeoutMs: number;
}

function usage(message: string): never {
  console.error(`${message}\nusage: npm run bench:webhook-ingest [-- --quick] [--n N] [--c C] [--statuses-only] [--rate R]`);
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const quick = argv.includes("--quick");
  const statusesOnly = argv.includes("--statuses-only");
  let n = quick ? 2_000 : 20_000;
  let c = 20;
  let rate: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    if (flag === "--quick" || flag === "--statuses-only") continue;
    if (flag !== "--n" && flag !== "--c" && flag !== "--rate") usage(`unknown argument ${arg}`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) usage(`${flag} needs a positive integer, got ${raw ?? "nothing"}`);
    if (flag === "--n") n = value;
    else if (flag === "--c") c = value;
    else rate = value;
  }
  if (n > 1_000_000) usage("--n is capped at 1,000,000");
  if (c > 1_000) usage("--c is capped at 1,000");
  if (c > n) usage("--c cannot exceed --n");
  const warmup = Math.max(c * 5, Math.min(quick ? 100 : 1_000, Math.ceil(n / 10)));
  return { quick, statusesOnly, rate, n, c, warmup, bareAmount: Math.max(n, quick ? 20_000 : 100_000), drainTimeoutMs: quick ? 20_000 : 180_000 };
}

interface Cpu {
  /** CPU ms per 2xx answer: the server process tree, the Postgres backends serving it, this process (load generator). */
  serverMsPerReq: number;
  postgresMsPerReq: number;
  loadgenMsPerReq: number;
  /** Share of the machine's CPU in use during the run (all three together). */
  machineShare: number;
}

interface Measured {
  load: LoadResult;
  cpu: Cpu;
}

/** Runs `run` while sampling CPU: the server's process tree, its Postgres backends, this process. */
async function withCpu(
  server: Started | undefined,
  monitor: pg.Client | undefined,
  applicationName: string,
  run: () => Promise<LoadResult>,
): Promise<Measured> {
  const serverBefore = server ? treeCpuMs(server.pid) : 0;
  const backendsBefore = monitor ? await backendsCpuMs(monitor, applicationName) : new Map<number, number>();
  const selfBefore = selfCpuMs();
  const load = await run();
  const selfMs = selfCpuMs() - selfBefore;
  const serverMs = server ? treeCpuMs(server.pid) - serverBefore : 0;
  const postgresMs = monitor ? backendsDelta(backendsBefore, await backendsCpuMs(monitor, applicationName)) : 0;
  const per = (ms: number) => (load.ok > 0 ? ms / load.ok : 0);
  return {
    load,
    cpu: {
      serverMsPerReq: per(serverMs),
      postgresMsPerReq: per(postgresMs),
      loadgenMsPerReq: per(selfMs),
      machineShare: (serverMs + postgresMs + selfMs) / (load.seconds * 1000 * cpus().length),
    },
  };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function row(label: string, measured: Measured): string {
  const { load, cpu } = measured;
  const cells = [
    label.padEnd(14),
    round(load.rps, 0).toLocaleString("en-US").padStart(8),
    round(load.p50Ms).toFixed(1).padStart(8),
    round(load.p99Ms).toFixed(1).padStart(8),
    round(load.maxMs).toFixed(0).padStart(7),
    String(load.non2xx).padStart(7),
    String(load.errors).padStart(6),
    `${cpu.serverMsPerReq.toFixed(2)} / ${cpu.postgresMsPerReq.toFixed(2)} / ${cpu.loadgenMsPerReq.toFixed(2)}`.padStart(22),
    `${Math.round(cpu.machineShare * 100)}%`.padStart(5),
  ];
  return cells.join(" ");
}

function figuresOf(measured: Measured) {
  const { load, cpu } = measured;
  return {
    requests: load.sent,
    rps: round(load.rps, 0),
    p50_ms: round(load.p50Ms),
    p99_ms: round(load.p99Ms),
    max_ms: round(load.maxMs, 0),
    non2xx: load.non2xx,
    errors: load.errors,
    timeouts: load.timeouts,
    seconds: round(load.seconds, 2),
    cpu_ms_per_req: {
      server: round(cpu.serverMsPerReq, 2),
      postgres: round(cpu.postgresMsPerReq, 2),
      loadgen: round(cpu.loadgenMsPerReq, 2),
    },
    machine_cpu_share: round(cpu.machineShare, 2),
  };
}

/** Everything started, stopped in reverse on exit or Ctrl-C, each step once. */
class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        await step
          .run()
          .catch((error: unknown) =>
            console.error(`bench: cleanup "${step.name}" failed:`, error instanceof Error ? error.message : error),
          );
      }
    })();
    return this.running;
  }
}

function checkBuild(): void {
  const missing = [
    [".next/BUILD_ID", "no production build"],
    [".next/server/app/api/webhooks/whatsapp/route.js", "the build has no webhook route"],
    [".next/server/app/api/bench/trivial/route.js", "the build has no /api/bench/trivial route"],
  ].find(([file]) => !existsSync(path.join(process.cwd(), file!)));
  if (missing) {
    console.error(`bench:webhook-ingest measures the production build, and there is ${missing[1]}: run \`npm run build\` first.`);
    process.exit(2);
  }
}

async function warmUp(
  label: string,
  origin: string,
  pathName: string,
  amount: number,
  connections: number,
  feed: Feed,
  ledger?: Ledger,
): Promise<void> {
  const result = await fire({ label: `${label} warm-up`, origin, path: pathName, amount, connections, feed, ledger });
  if (result.ok === 0) {
    const statuses = Object.entries(result.statusCounts)
      .map(([status, count]) => `${count}× ${status}`)
      .join(", ");
    throw new Error(
      `${label}: no 2xx answer during the warm-up (${statuses || `${result.errors} connection errors`}); is the build current?`,
    );
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  checkBuild();
  const cleanup = new Cleanup();
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\nbench: ${signal}, stopping what it started…`);
    stopLoad();
    void cleanup.run().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const logDir = mkdtempSync(path.join(tmpdir(), "parley-bench-"));
  let keepLogs = false;
  cleanup.add("logs", async () => {
    if (keepLogs && readdirSync(logDir).length > 0) console.error(`bench: server logs kept in ${logDir}`);
    else rmSync(logDir, { recursive: true, force: true });
  });

  try {
    const started = Date.now();
    const appSecret = randomBytes(24).toString("hex");
    const encryptionKey = `k1:${randomBytes(32).toString("base64")}`;
    const applicationName = `parley-bench-${randomBytes(4).toString("hex")}`;

    console.log(
      `webhook-ingest: N=${options.n.toLocaleString("en-US")} C=${options.c}${options.quick ? " (quick)" : ""}` +
        `${options.statusesOnly ? ", statuses only (a campaign's status storm)" : ""}${options.rate ? `, webhook run offered ${options.rate} req/s` : ""}; ` +
        `warm-up ${options.warmup} per target`,
    );
    const track = (started: Started) => cleanup.add(started.name, () => started.stop());
    const emulator = await startEmulator({ port: await freePort(), appSecret, logFile: path.join(logDir, "emulator.log"), track });
    const images = await uploadImages(emulator.origin, BENCH_PHONE, IMAGES);
    const plan: Plan = planDeliveries({
      count: options.warmup + options.n + options.c * 4,
      appSecret,
      images,
      statusesOnly: options.statusesOnly,
    });
    const inboundShare = plan.deliveries.filter((delivery) => delivery.inbound.length > 0).length / plan.deliveries.length;
    const statuses = plan.deliveries.reduce((sum, delivery) => sum + delivery.statuses.length, 0);
    const batched = plan.deliveries.filter((delivery) => delivery.statuses.length > 1).length;

    const database: BenchDatabase = await openBenchDatabase(process.env.DATABASE_URL);
    cleanup.add("schema", () => database.drop());
    const { workspaceId, campaignId } = await seedWorkspace(database.prisma, plan, encryptionKey);
    console.log(
      `postgres ${database.server}, schema ${pgConfig(database.url).schema}; workspace ${workspaceId}: ${plan.customers.length} customers, ` +
        `${plan.outbound.length} outbound messages; deliveries ${Math.round(inboundShare * 100)}% inbound, ` +
        `${statuses} statuses (${batched} batched deliveries), bodies ${Math.round(plan.deliveries.reduce((s, d) => s + d.body.length, 0) / plan.deliveries.length)} B on average`,
    );

    const monitor = new pg.Client(pgConfig(database.url).config);
    await monitor.connect();
    cleanup.add("monitor connection", () => monitor.end());

    const nextPort = await freePort();
    const appUrl = new URL(database.url);
    appUrl.searchParams.set("application_name", applicationName);
    const next = await startNext({
      port: nextPort,
      logFile: path.join(logDir, "next.log"),
      track,
      env: {
        ...localOnly(process.env),
        NODE_ENV: "production",
        DATABASE_URL: appUrl.toString(),
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        APP_ENCRYPTION_KEY: encryptionKey,
        AUTH_TRUST_HOST: "true",
        APP_URL: `http://127.0.0.1:${nextPort}`,
        META_APP_SECRET: appSecret,
        WHATSAPP_WEBHOOK_VERIFY_TOKEN: randomBytes(16).toString("hex"),
        PARLEY_BENCH_ROUTES: "1",
        NEXT_TELEMETRY_DISABLED: "1",
        // Customer media come from the emulator, and are stored in this run's folder.
        WHATSAPP_GRAPH_API_URL: emulator.origin,
        STORAGE_DIR: path.join(logDir, "storage"),
      },
    });
    const bare = await startBare({ port: await freePort(), appSecret, logFile: path.join(logDir, "bare.log"), track });
    const busy = loadavg()[0] ?? 0;
    if (busy > cpus().length * 0.75) {
      console.warn(
        `warning: the machine is busy before the first run (load average ${busy.toFixed(1)} on ${cpus().length} cores): ` +
          "every figure will be low; compare only within this run, or rerun when it is quiet.",
      );
    }
    console.log(
      `next start pid ${next.pid} on ${next.origin}; bare node pid ${bare.pid} on ${bare.origin}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}\n`,
    );

    const { c } = options;
    // The references do not store anything: their bodies may repeat. The webhook's never do.
    const referenceFeed = new Feed(plan.deliveries, true);
    const webhookFeed = new Feed(plan.deliveries, false);
    const ledger = new Ledger();

    await warmUp("bare node", bare.origin, "/", options.warmup * 4, c, referenceFeed);
    const bareRun = await withCpu(bare, undefined, applicationName, () =>
      fire({ label: "bare node", origin: bare.origin, path: "/", amount: options.bareAmount, connections: c, feed: referenceFeed }),
    );
    await sleep(500);

    await warmUp("next trivial", next.origin, TRIVIAL_PATH, options.warmup, c, referenceFeed);
    const trivialRun = await withCpu(next, monitor, applicationName, () =>
      fire({ label: "next trivial", origin: next.origin, path: TRIVIAL_PATH, amount: options.n, connections: c, feed: referenceFeed }),
    );
    await sleep(500);

    // The same route with the acknowledgement path alone (bodies it stores but never processes), before
    // the webhook run so that no processing backlog competes with it.
    const ackOnly = ackOnlyVariants(plan.deliveries, appSecret);
    const ackOnlyFeed = new Feed(ackOnly, false);
    await warmUp("webhook ack-only", next.origin, WEBHOOK_PATH, options.warmup, c, ackOnlyFeed);
    const ackOnlyRun = await withCpu(next, monitor, applicationName, () =>
      fire({ label: "webhook ack-only", origin: next.origin, path: WEBHOOK_PATH, amount: options.n, connections: c, feed: ackOnlyFeed }),
    );
    await sleep(500);

    await warmUp("next webhook", next.origin, WEBHOOK_PATH, options.warmup, c, webhookFeed, ledger);
    const warmDrain = await waitForDrain(database.prisma, options.drainTimeoutMs);
    if (!warmDrain.drained) console.warn(`warning: ${warmDrain.unprocessed} warm-up events still unprocessed when the measured run starts`);
    const firstMeasured = webhookFeed.used;
    const webhookRun = await withCpu(next, monitor, applicationName, () =>
      fire({
        label: "next webhook",
        origin: next.origin,
        path: WEBHOOK_PATH,
        amount: options.n,
        connections: c,
        feed: webhookFeed,
        ledger,
        overallRate: options.rate,
      }),
    );

    // The processing the load left behind (after() callbacks still running, and their queue).
    const drainCpuBefore = { server: treeCpuMs(next.pid), postgres: await backendsCpuMs(monitor, applicationName) };
    const drain: Drain = await waitForDrain(database.prisma, options.drainTimeoutMs);
    const drainCpu = {
      server: treeCpuMs(next.pid) - drainCpuBefore.server,
      postgres: backendsDelta(drainCpuBefore.postgres, await backendsCpuMs(monitor, applicationName)),
    };
    const media = await mediaByStatus(database.prisma);
    const accounting: Accounting = await account(database.prisma, plan, ledger, new Set(ackOnly.map((delivery) => delivery.signature)));
    const campaign: CampaignAccounting | undefined = campaignId ? await accountCampaign(database.prisma, campaignId) : undefined;
    if (campaign) {
      // A counter above its recipients counted a status twice; below, or a recipient apart from its message, lost one.
      accounting.duplicated += Math.max(0, campaign.deliveredOff) + Math.max(0, campaign.readOff);
      accounting.lost += Math.max(0, -campaign.deliveredOff) + Math.max(0, -campaign.readOff) + campaign.recipientsApart;
    }
    const statusesAcked = plan.deliveries
      .filter((delivery) => ledger.acked(delivery.index) && delivery.index >= firstMeasured)
      .reduce((sum, delivery) => sum + delivery.statuses.length, 0);

    const ratio = trivialRun.load.rps > 0 ? webhookRun.load.rps / trivialRun.load.rps : 0;
    const webhookOk = webhookRun.load.ok;
    // CPU of the processing per processed event: the webhook run's and the drain's, minus what the
    // same number of acknowledgements cost in the ack-only run. Whole = acknowledgement + processing.
    const processed = Math.max(1, webhookOk - drain.unprocessed);
    const processingOnly = (kind: "serverMsPerReq" | "postgresMsPerReq", drained: number) =>
      (webhookRun.cpu[kind] * webhookOk + drained - ackOnlyRun.cpu[kind] * webhookOk) / processed;
    const processingServerMs = ackOnlyRun.cpu.serverMsPerReq + processingOnly("serverMsPerReq", drainCpu.server);
    // Deliveries acknowledged AND processed per second, from the first request to the drained backlog.
    const sustainedRps = drain.drained ? webhookOk / (webhookRun.load.seconds + drain.seconds) : 0;
    const processingPostgresMs = ackOnlyRun.cpu.postgresMsPerReq + processingOnly("postgresMsPerReq", drainCpu.postgres);

    console.log(
      `${"target".padEnd(14)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(7)} ${"non-2xx".padStart(7)} ${"errors".padStart(6)} ${"cpu ms/req srv/pg/gen".padStart(22)} ${"cpu".padStart(5)}`,
    );
    console.log(row("bare node", bareRun));
    console.log(row("next trivial", trivialRun));
    console.log(row("webhook ack", ackOnlyRun));
    console.log(row("next webhook", webhookRun));
    console.log(
      `\nwebhook / trivial: ${ratio.toFixed(2)} (target ≥ ${TARGETS.ratio_to_trivial}); webhook p99 ${webhookRun.load.p99Ms.toFixed(1)} ms (target < ${TARGETS.p99_ms}); ` +
        `trivial / bare: ${(trivialRun.load.rps / Math.max(1, bareRun.load.rps)).toFixed(3)}`,
    );
    console.log(
      `processing: ${drain.backlogAtEnd} of ${webhookOk} events unprocessed when the load stopped, ` +
        (drain.drained
          ? `drained ${drain.seconds.toFixed(1)} s later (${Math.round(drain.rate)}/s); acknowledged and processed: ${Math.round(sustainedRps)} deliveries/s`
          : `${drain.unprocessed} still unprocessed after ${drain.seconds.toFixed(0)} s (drained at ${Math.round(drain.rate)}/s)`) +
        `; whole webhook CPU incl. drain ${processingServerMs.toFixed(2)} ms server + ${processingPostgresMs.toFixed(2)} ms postgres per delivery` +
        (drain.series.length > 2 ? `\n  unprocessed every 10 s of the drain: ${drain.series.join(" → ")}` : "") +
        (drain.errors.length > 0 ? `\n  errors: ${drain.errors.join(" | ")}` : ""),
    );
    const cores = cpus().length;
    const profile = {
      trivial_server_ms: round(trivialRun.cpu.serverMsPerReq, 2),
      ack_insert_server_ms: round(ackOnlyRun.cpu.serverMsPerReq - trivialRun.cpu.serverMsPerReq, 2),
      ack_insert_postgres_ms: round(ackOnlyRun.cpu.postgresMsPerReq, 2),
      processing_server_ms: round(processingServerMs - ackOnlyRun.cpu.serverMsPerReq, 2),
      processing_postgres_ms: round(processingPostgresMs - ackOnlyRun.cpu.postgresMsPerReq, 2),
      loadgen_ms: round(webhookRun.cpu.loadgenMsPerReq, 2),
      cpu_bound_ceiling_rps: round(
        (cores * 1000) / Math.max(0.001, processingServerMs + processingPostgresMs + webhookRun.cpu.loadgenMsPerReq),
        0,
      ),
    };
    console.log(
      `where the CPU goes, ms per delivery (${cores} cores = ${(cores * 1000).toLocaleString("en-US")} ms/s):\n` +
        `  framework + signature + JSON.parse (trivial route)    ${profile.trivial_server_ms.toFixed(2)} server\n` +
        `  the ack path's INSERT (ack-only − trivial)            ${profile.ack_insert_server_ms >= 0 ? "+" : ""}${profile.ack_insert_server_ms.toFixed(2)} server, ${profile.ack_insert_postgres_ms.toFixed(2)} postgres` +
        ` (ack-only: ${Math.round(ackOnlyRun.load.rps)} req/s, p99 ${ackOnlyRun.load.p99Ms.toFixed(1)} ms)\n` +
        `  processing after the 200 (webhook − ack-only)         ${profile.processing_server_ms >= 0 ? "+" : ""}${profile.processing_server_ms.toFixed(2)} server, ${profile.processing_postgres_ms.toFixed(2)} postgres\n` +
        `  load generator                                        ${profile.loadgen_ms.toFixed(2)}\n` +
        `  → acknowledged AND processed, this machine's CPU allows ≈ ${profile.cpu_bound_ceiling_rps} deliveries/s (acks measured ${Math.round(webhookRun.load.rps)}/s)`,
    );
    console.log(
      `media (downloaded from the emulator after processing): ${
        Object.entries(media)
          .map(([status, count]) => `${count} ${status}`)
          .join(", ") || "none"
      }`,
    );
    if (campaign) {
      const seconds = webhookRun.load.seconds + drain.seconds;
      console.log(
        `status storm: ${Math.round(webhookRun.load.rps)} deliveries/s acknowledged; ` +
          (drain.drained
            ? `acknowledged AND processed ${Math.round(sustainedRps)} deliveries/s sustained (${Math.round(statusesAcked / seconds)} statuses/s), ` +
              `${webhookOk} deliveries from the first request to the last event processed in ${seconds.toFixed(1)} s`
            : `not drained within ${Math.round(options.drainTimeoutMs / 1000)} s`) +
          `; campaign counters vs recipients: delivered ${campaign.deliveredOff >= 0 ? "+" : ""}${campaign.deliveredOff}, read ${campaign.readOff >= 0 ? "+" : ""}${campaign.readOff}, ` +
          `${campaign.recipientsApart} recipients apart from their message`,
      );
    }
    const d = accounting.detail;
    console.log(
      `ledger: ${accounting.acked} deliveries acknowledged, ${accounting.notAcked} sent but not acknowledged` +
        (accounting.late > 0 ? `, ${accounting.late} acknowledged still unprocessed (late, not checked)` : "") +
        "; " +
        `lost ${accounting.lost} (events ${d.eventsMissing}, inbound ${d.inboundMissing}/${d.inboundExpected}, statuses ${d.statusesMissing}/${d.statusesExpected}, media ${d.mediaMissing}); ` +
        `duplicated ${accounting.duplicated} (events ${d.eventsExtra}, stored unacknowledged ${d.storedNotAcked}, inbound ${d.inboundExtra}, media ${d.mediaExtra})`,
    );

    const met =
      ratio >= TARGETS.ratio_to_trivial &&
      webhookRun.load.p99Ms < TARGETS.p99_ms &&
      accounting.lost === TARGETS.lost &&
      accounting.duplicated === TARGETS.duplicated;
    const figures = {
      n: options.n,
      c: options.c,
      mode: options.statusesOnly ? "statuses-only" : "mixed",
      offered_rps: options.rate ?? null,
      ratio_to_trivial: round(ratio, 3),
      p99_ms: round(webhookRun.load.p99Ms),
      lost: accounting.lost,
      duplicated: accounting.duplicated,
      webhook: figuresOf(webhookRun),
      trivial: figuresOf(trivialRun),
      webhook_ack_only: figuresOf(ackOnlyRun),
      bare: figuresOf(bareRun),
      processing: {
        backlog_at_end: drain.backlogAtEnd,
        drain_s: round(drain.seconds, 1),
        drained: drain.drained,
        unprocessed_after_drain: drain.unprocessed,
        drain_rate_per_s: round(drain.rate, 0),
        processed_during_load_per_s: round((webhookOk - drain.backlogAtEnd) / webhookRun.load.seconds, 0),
        unprocessed_every_10s: drain.series,
        // Acknowledged and processed per second, first request to drained backlog; null: not drained.
        sustained_rps: drain.drained ? round(sustainedRps, 0) : null,
        cpu_ms_per_delivery: { server: round(processingServerMs, 2), postgres: round(processingPostgresMs, 2) },
      },
      profile,
      ...(campaign
        ? {
            status_storm: {
              acknowledged_rps: round(webhookRun.load.rps, 0),
              sustained_rps: drain.drained ? round(sustainedRps, 0) : null,
              statuses: statusesAcked,
              statuses_per_s: drain.drained ? round(statusesAcked / (webhookRun.load.seconds + drain.seconds), 0) : null,
              counters_off: { delivered: campaign.deliveredOff, read: campaign.readOff },
              recipients_apart: campaign.recipientsApart,
            },
          }
        : {}),
      media,
      ledger: {
        acked: accounting.acked,
        not_acked: accounting.notAcked,
        late: accounting.late,
        events_missing: d.eventsMissing,
        events_extra: d.eventsExtra,
        stored_not_acked: d.storedNotAcked,
        inbound_expected: d.inboundExpected,
        inbound_missing: d.inboundMissing,
        inbound_extra: d.inboundExtra,
        statuses_expected: d.statusesExpected,
        statuses_missing: d.statusesMissing,
        media_missing: d.mediaMissing,
        media_extra: d.mediaExtra,
      },
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model.trim() ?? "unknown",
        node: process.version,
        loadavg_1m: round(loadavg()[0] ?? 0, 2),
      },
      seconds: round((Date.now() - started) / 1000, 0),
    };
    console.log(JSON.stringify({ bench: "webhook-ingest", figures, targets: TARGETS, met }));
  } catch (error) {
    keepLogs = true;
    throw error;
  } finally {
    if (!interrupted) await cleanup.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:webhook-ingest could not measure: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
