import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    // The app's `@/…` imports (tsconfig paths); a regex so scoped packages (`@prisma/…`) are untouched.
    alias: [{ find: /^@\//, replacement: root }],
  },
  test: {
    environment: "node",
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
