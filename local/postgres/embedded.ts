/**
 * A real Postgres with nothing installed: PGlite (Postgres compiled to WASM, in this process,
 * file-backed) served on a loopback port by pglite-socket, so the app, Prisma, pg-boss and psql
 * reach it through the ordinary `pg` wire protocol. The local default when DATABASE_URL is unset.
 *
 * Things to know about PGlite behind the socket server:
 * - It is ONE Postgres session shared by every connection; the server queues their messages and
 *   keeps an open transaction to its own connection. Session state (SET search_path, temp
 *   tables, prepared statement names) is therefore shared. Prisma is unaffected: it qualifies
 *   names with the adapter's schema and uses unnamed statements.
 * - Two processes opening the same data folder would corrupt it, and PGlite does not lock it.
 *   We keep a lock file beside the folder; a second caller reuses the running server instead.
 */
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  /** Data folder; created on first start (about 6 s), reopened afterwards. */
  dataDir?: string;
  port?: number;
  host?: string;
}

export interface EmbeddedPostgres {
  url: string;
  /** True when another process already served this database and we only connected to it. */
  reused: boolean;
  /** Stops the server we started; does nothing when we reused someone else's. */
  stop(): Promise<void>;
}

const START_WAIT_MS = 60_000;

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export function embeddedUrl(host: string, port: number): string {
  return `postgresql://postgres@${host}:${port}/postgres`;
}

/** Whether a Postgres answers at `url` (a quick `select 1`, never throws). */
export async function isPostgresUp(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

interface LockOwner {
  pid: number;
  host: string;
  port: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes `<dataDir>.lock`, or returns the live process that holds it. Clears stale locks. */
async function acquireLock(lockPath: string, self: LockOwner): Promise<LockOwner | null> {
  for (;;) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(JSON.stringify(self));
      await handle.close();
      return null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = await readFile(lockPath, "utf8")
      .then((text) => JSON.parse(text) as LockOwner)
      .catch(() => null);
    // A lock we cannot read is one being written right now: look again shortly.
    if (owner === null) await new Promise((resolve) => setTimeout(resolve, 50));
    else if (isAlive(owner.pid)) return owner;
    else await rm(lockPath, { force: true });
  }
}

async function waitUntilUp(url: string, ownerPid: number): Promise<void> {
  const deadline = Date.now() + START_WAIT_MS;
  while (Date.now() < deadline) {
    if (await isPostgresUp(url)) return;
    if (!isAlive(ownerPid)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The embedded Postgres of process ${ownerPid} did not come up at ${url}.`);
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const { dataDir = ".data/postgres", port = 54329, host = "127.0.0.1" } = options;
  const url = embeddedUrl(host, port);
  const reuse = (reusedUrl: string): EmbeddedPostgres => ({ url: reusedUrl, reused: true, stop: async () => {} });

  // Already served (e.g. `npm run dev` is running and this is `npm run db:seed`): share it.
  if (await isPostgresUp(url)) return reuse(url);

  const absoluteDir = path.resolve(dataDir);
  const lockPath = `${absoluteDir}.lock`;
  await mkdir(path.dirname(absoluteDir), { recursive: true });
  const owner = await acquireLock(lockPath, { pid: process.pid, host, port });
  if (owner) {
    // Another process owns this folder and is probably still starting: use its server.
    const ownerUrl = embeddedUrl(owner.host, owner.port);
    await waitUntilUp(ownerUrl, owner.pid);
    return reuse(ownerUrl);
  }

  let db: PGlite | undefined;
  try {
    // pg_trgm backs the inbox search's trigram indexes; PGlite only offers the extensions it was
    // handed here to CREATE EXTENSION (the migration creates it).
    db = await PGlite.create(absoluteDir, { extensions: { pg_trgm } });
    // maxConnections defaults to 1, which would turn away a Prisma pool's second connection.
    const server = new PGLiteSocketServer({ db, host, port, maxConnections: 100 });
    await server.start();
    const opened = db;
    let stopped: Promise<void> | undefined;
    return {
      url,
      reused: false,
      stop: () =>
        (stopped ??= (async () => {
          await server.stop();
          await opened.close();
          await rm(lockPath, { force: true });
        })()),
    };
  } catch (error) {
    await db?.close().catch(() => {});
    await rm(lockPath, { force: true });
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new Error(`Port ${port} on ${host} is taken by something that is not Postgres; pick another port.`);
    }
    throw error;
  }
}
