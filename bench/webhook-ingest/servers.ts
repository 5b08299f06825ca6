/**
 * The processes the benchmark starts: `next start` of the current build, the bare Node server and
 * the WhatsApp emulator. Each runs in its own process group on loopback, writes its output to a log
 * file (so it never costs this process, the load generator, any CPU), and is stopped by its id.
 * Each is handed to `track` the moment it is spawned, so Ctrl-C during a slow start stops it too.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface Started {
  name: string;
  pid: number;
  origin: string;
  stop(): Promise<void>;
}

/** Registers a started process for the clean-up (stop on exit, error or Ctrl-C). */
export type Track = (started: Started) => void;

/**
 * fetch with a deadline that always settles: a plain (ref'd) timer that aborts the request and
 * rejects, whatever state the request is in. (A probe on AbortSignal.timeout() once hung a run for
 * good while `next start` was booting.)
 */
export async function fetchWithin(url: string, init: RequestInit, timeoutMs: number): Promise<{ status: number; body: Buffer }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`no answer from ${url} within ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const request = (async () => {
    const response = await fetch(url, { ...init, signal: controller.signal });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  })();
  request.catch(() => {}); // settled by the race below; never an unhandled rejection
  try {
    return await Promise.race([request, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function groupKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      const pid = child.pid;
      if (pid === undefined) return;
      groupKill(pid, "SIGTERM");
      const done = await Promise.race([exited(child).then(() => true), sleep(5_000).then(() => false)]);
      if (!done) groupKill(pid, "SIGKILL");
      await Promise.race([exited(child), sleep(2_000)]);
    })();
    return stopping;
  };
}

interface LaunchOptions {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  origin: string;
  /** Answers `ok` (a status it accepts) once the process serves. */
  probe: { path: string; ok: (status: number) => boolean; timeoutMs: number };
  track: Track;
}

async function launch(options: LaunchOptions): Promise<Started> {
  const log = openSync(options.logFile, "a");
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, options.args, { cwd: process.cwd(), env: options.env, stdio: ["ignore", log, log], detached: true });
  } finally {
    closeSync(log);
  }
  const started: Started = { name: options.name, pid: child.pid ?? -1, origin: options.origin, stop: stopper(child) };
  options.track(started);

  const deadline = Date.now() + options.probe.timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${options.name} exited before it was ready (see ${options.logFile})`);
    const answer = await fetchWithin(`${options.origin}${options.probe.path}`, {}, 2_000).catch(() => null);
    if (answer && options.probe.ok(answer.status)) return started;
    if (Date.now() > deadline)
      throw new Error(`${options.name} was not ready within ${options.probe.timeoutMs / 1000} s (see ${options.logFile})`);
    await sleep(200);
  }
}

/** `next start` (NODE_ENV=production) on 127.0.0.1:`port`; ready once GET /api/health answers 200. */
export function startNext(options: { port: number; env: NodeJS.ProcessEnv; logFile: string; track: Track }): Promise<Started> {
  const require = createRequire(import.meta.url);
  const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
  return launch({
    name: "next start",
    args: [nextBin, "start", "--port", String(options.port), "--hostname", "127.0.0.1"],
    env: options.env,
    logFile: options.logFile,
    origin: `http://127.0.0.1:${options.port}`,
    probe: { path: "/api/health", ok: (status) => status === 200, timeoutMs: 90_000 },
    track: options.track,
  });
}

/** bench/webhook-ingest/bare-server.ts (through tsx) on 127.0.0.1:`port`; any answer means it listens. */
export function startBare(options: { port: number; appSecret: string; logFile: string; track: Track }): Promise<Started> {
  return launch({
    name: "bare node",
    args: ["--import", "tsx", path.join(process.cwd(), "bench", "webhook-ingest", "bare-server.ts")],
    env: { PATH: process.env.PATH, NODE_ENV: "production", BENCH_PORT: String(options.port), META_APP_SECRET: options.appSecret },
    logFile: options.logFile,
    origin: `http://127.0.0.1:${options.port}`,
    probe: { path: "/", ok: () => true, timeoutMs: 30_000 },
    track: options.track,
  });
}

/**
 * The WhatsApp Cloud API emulator (`npm run emulator`'s cli.ts, through tsx) on 127.0.0.1:`port`,
 * webhooks off: the Graph API the app downloads customer media from (WHATSAPP_GRAPH_API_URL), so
 * the media step after processing runs as in production, on loopback. Serves ACME_PHONE_NUMBER.
 */
export function startEmulator(options: { port: number; appSecret: string; logFile: string; track: Track }): Promise<Started> {
  return launch({
    name: "whatsapp emulator",
    args: ["--import", "tsx", path.join(process.cwd(), "local", "whatsapp-emulator", "cli.ts")],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      EMULATOR_PORT: String(options.port),
      EMULATOR_HOST: "127.0.0.1",
      EMULATOR_WEBHOOK_URL: "",
      META_APP_SECRET: options.appSecret,
    },
    logFile: options.logFile,
    origin: `http://127.0.0.1:${options.port}`,
    probe: { path: "/_emulator", ok: (status) => status < 500, timeoutMs: 30_000 },
    track: options.track,
  });
}
