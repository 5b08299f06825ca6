import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    // The app's `@/…` imports (tsconfig paths); a regex so scoped packages (`@prisma/…`) are untouched.
    alias: [
      { find: /^@\//, replacement: root },
      // `import "server-only"` throws outside React Server Components; server modules under test
      // (lib/auth/workspace.ts, …) load its no-op twin, as Next's server build would.
      { find: /^server-only$/, replacement: `${root}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    environment: "node",
    // Signs reset links and invitation tokens; a fixed test value, never a real secret.
    env: {
      // Expected failures (refused connections, …) log warnings; tests keep the output to errors.
      LOG_LEVEL: "error",
      // The public origin of links in emails (lib/http/app-url.ts); never taken from a request.
      APP_URL: "https://parley.test",
      AUTH_SECRET: "test-auth-secret-0123456789abcdef0123456789abcdef",
      // Encrypts WhatsApp secrets in tests: two keys, so rotation is exercised ("t2" encrypts).
      APP_ENCRYPTION_KEY: "t2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,t1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
    },
    // next-auth's ESM imports `next/server` without an extension, which Node's resolver refuses;
    // inlined, it goes through Vite's resolver instead (needed by anything importing @/lib/auth).
    server: { deps: { inline: ["next-auth"] } },
    include: ["**/*.test.ts", "**/*.integration-test.ts"],
    exclude: ["**/node_modules/**", "**/.next/**", "e2e/**", ".data/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-db.ts"],
    // Each file gets its own schema (test/setup-db.ts), so files run in parallel processes —
    // against the embedded PGlite too, whose socket server queues the connections.
    pool: "forks",
    testTimeout: 20_000,
    // Hooks include creating or dropping a schema, slower on PGlite and under parallel load.
    hookTimeout: 60_000,
  },
});
