/**
 * Runs the embedded Postgres in the foreground until SIGINT/SIGTERM, for `npm run dev` to start as
 * a child process (so Next's restarts never reopen the data folder). Prints the URL once ready:
 *   EMBEDDED_POSTGRES_URL=postgresql://postgres@127.0.0.1:54329/postgres
 * Options: --data-dir DIR --port N --host H (defaults: .data/postgres, 54329, 127.0.0.1).
 */
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "./embedded";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { "data-dir": { type: "string" }, port: { type: "string" }, host: { type: "string" } },
  });
  const started = Date.now();
  const postgres = await startEmbeddedPostgres({
    dataDir: values["data-dir"],
    port: values.port ? Number(values.port) : undefined,
    host: values.host,
  });
  console.log(`EMBEDDED_POSTGRES_URL=${postgres.url}`);
  console.error(
    postgres.reused
      ? `Embedded Postgres already running at ${postgres.url}; nothing to do.`
      : `Embedded Postgres ready at ${postgres.url} in ${Date.now() - started} ms (Ctrl-C stops it).`,
  );
  if (postgres.reused) return;

  const shutdown = (signal: string) => {
    console.error(`Embedded Postgres: ${signal}, stopping.`);
    postgres.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
