/**
 * `npm start`: Parley's production build on one machine with no configuration — the README's
 * first command. Builds `.next` once (again only when a build input changed, build-freshness.ts),
 * starts the local stack (scripts/lib/local-stack.ts: generated secrets, embedded Postgres,
 * WhatsApp emulator, local real-time server — each only when not configured), then `next start`
 * on http://localhost:3000 (PORT to change). A configured production server runs
 * `npm run start:production` instead (plain `next start`, which refuses missing configuration).
 */
import { spawnSync } from "node:child_process";
import { buildState } from "./lib/build-freshness";
import { loadEnvFiles } from "./lib/load-env";
import { startLocalStack } from "./lib/local-stack";
import { serveNext } from "./lib/serve";

async function main(): Promise<void> {
  loadEnvFiles();
  if (process.env.VERCEL) {
    throw new Error("npm start runs Parley's local stand-ins (embedded Postgres, generated secrets), which lose data on Vercel; Vercel runs the build itself.");
  }
  const port = process.env.PORT ?? "3000";

  const state = buildState(process.cwd());
  if (state !== "fresh") {
    console.log(`[parley] ${state === "missing" ? "no production build yet" : "the sources changed since the last build"}: building (next build, a few minutes once)…`);
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status ?? build.signal})`);
  } else {
    console.log("[parley] using the production build in .next (up to date)");
  }

  const stack = await startLocalStack({ port });
  // Production checks it all: links from APP_URL only, Auth.js behind no proxy of Vercel's.
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.AUTH_TRUST_HOST ??= "true";
  serveNext(["start", "--port", port], stack, { NODE_ENV: "production" });
  console.log(`[parley] Parley at http://localhost:${port}`);
}

main().catch((error: unknown) => {
  console.error("[parley] could not start:", error);
  process.exit(1);
});
