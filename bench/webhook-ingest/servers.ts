/**
 * The processes the benchmark starts: `next start` of the current build and the bare Node server.
 * Each runs in its own process group on loopback, writes its output to a log file (so it never
 * costs this process, the load generator, any CPU), and is stopped by its id.
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

function launch(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = openSync(logFile, "a");
  try {
    return spawn(command, args, { cwd: process.cwd(), env, stdio: ["ignore", log, log], detached: true });
  } finally {
    closeSync(log);
  }
}

async function waitUntilReady(name: string, child: ChildProcess, url: string, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited before it was ready (see ${logFile})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s (see ${logFile})`);
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

/** `next start` (NODE_ENV=production) on 127.0.0.1:`port`; ready once GET /api/health answers 200. */
export async function startNext(options: { port: number; env: NodeJS.ProcessEnv; logFile: string }): Promise<Started> {
  const require = createRequire(import.meta.url);
  const nextBin = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
  const child = launch(
    "next start",
    process.execPath,
    [nextBin, "start", "--port", String(options.port), "--hostname", "127.0.0.1"],
    options.env,
    options.logFile,
  );
  const started: Started = { name: "next start", pid: child.pid ?? -1, origin: `http://127.0.0.1:${options.port}`, stop: stopper(child) };
  try {
    await waitUntilReady("next start", child, `${started.origin}/api/health`, 90_000, options.logFile);
  } catch (error) {
    await started.stop();
    throw error;
  }
  return started;
}

/** bench/webhook-ingest/bare-server.ts (through tsx) on 127.0.0.1:`port`. */
export async function startBare(options: { port: number; appSecret: string; logFile: string }): Promise<Started> {
  const script = path.join(process.cwd(), "bench", "webhook-ingest", "bare-server.ts");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    BENCH_PORT: String(options.port),
    META_APP_SECRET: options.appSecret,
  };
  const child = launch("bare node", process.execPath, ["--import", "tsx", script], env, options.logFile);
  const started: Started = { name: "bare node", pid: child.pid ?? -1, origin: `http://127.0.0.1:${options.port}`, stop: stopper(child) };
  try {
    // Any HTTP answer means it listens (GET gets 405).
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`bare node server exited before it was ready (see ${options.logFile})`);
      const answered = await fetch(started.origin, { signal: AbortSignal.timeout(1_000) })
        .then(async (response) => (await response.arrayBuffer(), true))
        .catch(() => false);
      if (answered) break;
      if (Date.now() > deadline) throw new Error(`bare node server was not ready within 30 s (see ${options.logFile})`);
      await sleep(100);
    }
  } catch (error) {
    await started.stop();
    throw error;
  }
  return started;
}

/**
 * The WhatsApp Cloud API emulator (`npm run emulator`'s cli.ts, through tsx) on 127.0.0.1:`port`,
 * webhooks off: the Graph API the app downloads customer media from (WHATSAPP_GRAPH_API_URL), so
 * the media step after processing runs as in production, on loopback. Serves ACME_PHONE_NUMBER.
 */
export async function startEmulator(options: { port: number; appSecret: string; logFile: string }): Promise<Started> {
  const script = path.join(process.cwd(), "local", "whatsapp-emulator", "cli.ts");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    EMULATOR_PORT: String(options.port),
    EMULATOR_HOST: "127.0.0.1",
    EMULATOR_WEBHOOK_URL: "",
    META_APP_SECRET: options.appSecret,
  };
  const child = launch("whatsapp emulator", process.execPath, ["--import", "tsx", script], env, options.logFile);
  const started: Started = {
    name: "whatsapp emulator",
    pid: child.pid ?? -1,
    origin: `http://127.0.0.1:${options.port}`,
    stop: stopper(child),
  };
  try {
    await waitUntilReady("whatsapp emulator", child, `${started.origin}/_emulator`, 30_000, options.logFile);
  } catch (error) {
    await started.stop();
    throw error;
  }
  return started;
}
