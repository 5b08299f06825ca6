/**
 * `npm run dev`: the development server (`next dev`, hot reload) on the local stack
 * (scripts/lib/local-stack.ts: generated secrets, embedded Postgres, WhatsApp emulator, local
 * real-time server — each only when not configured), on http://localhost:3000 (PORT to change).
 * Slower to compile and to answer than `npm start`'s production build: for changing the code.
 */
import { loadEnvFiles } from "./lib/load-env";
import { startLocalStack } from "./lib/local-stack";
import { serveNext } from "./lib/serve";

async function main(): Promise<void> {
  loadEnvFiles();
  const port = process.env.PORT ?? "3000";
  const stack = await startLocalStack({ port });
  serveNext(["dev", "--port", port], stack);
}

main().catch((error: unknown) => {
  console.error("[parley] could not start:", error);
  process.exit(1);
});
