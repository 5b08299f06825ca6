/**
 * `npm test`: the whole suite, starting whatever it needs.
 *   1. unit + integration tests (vitest) against DATABASE_URL's server, or an embedded Postgres;
 *   2. the production build (`next build`);
 *   3. end-to-end tests (Playwright) against that build, on a database of their own.
 * Flags: --no-e2e (steps 1 only), --e2e-only (steps 2–3), --no-build (reuse an existing build).
 * Ends with one summary line, "Tests: N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const args = new Set(process.argv.slice(2));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const reports = mkdtempSync(path.join(tmpdir(), "parley-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(label: string, command: string, commandArgs: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n── ${label} ─────────────────────────────────────────────`);
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const passed = result.status === 0;
  if (!passed) console.error(`✗ ${label} failed (exit ${result.status ?? result.signal})`);
  return passed;
}

function count(file: string, read: (report: unknown) => { passed: number; failed: number; skipped: number }): void {
  try {
    const c = read(JSON.parse(readFileSync(file, "utf8")));
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  } catch {
    // No report means the runner failed before running tests; its exit code already says so.
  }
}

if (!args.has("--e2e-only")) {
  const file = path.join(reports, "vitest.json");
  ok = run("unit and integration tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]) && ok;
  count(file, (r) => {
    const report = r as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  });
}

if (!args.has("--no-e2e")) {
  if (!args.has("--no-build")) ok = run("production build (next build)", "npx", ["next", "build"]) && ok;
  const file = path.join(reports, "playwright.json");
  ok = run("end-to-end tests (Playwright)", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file }) && ok;
  count(file, (r) => {
    const stats = (r as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  });
}

rmSync(reports, { recursive: true, force: true });
if (!ok && totals.failed === 0) totals.failed = 1; // a runner that crashed counts as a failure
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
