import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The WhatsApp emulator the e2e server starts; specs drive it as a customer would. */
export const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    locale: "en-US",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Debian's Chromium where present (these machines cannot download Playwright's browser).
        launchOptions: existsSync(SYSTEM_CHROMIUM)
          ? {
              executablePath: SYSTEM_CHROMIUM,
              args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            }
          : {},
      },
    },
  ],
  webServer: {
    // The production build against a database of its own (scripts/e2e-server.ts).
    command: `npx tsx scripts/e2e-server.ts`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { E2E_PORT: String(PORT), E2E_EMULATOR_PORT: String(EMULATOR_PORT) },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
