/**
 * Where things live (README, "How the code is laid out"), checked on the source so a newcomer's
 * file in the wrong place fails here rather than in review:
 * - server actions only under app/actions ("use server" nowhere else);
 * - nothing imports from a route folder (`@/app/(app)/…`): components and tests reach actions
 *   through app/actions;
 * - configuration is read only by lib/env.ts: no other app file touches process.env, except the
 *   compile-time NEXT_RUNTIME switch of instrumentation.ts.
 * Test files are outside these rules (they set up the environment they test).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.(test|integration-test|spec)\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const relative = path.join(dir, name);
    if (name === "generated" || name === "node_modules") continue;
    if (statSync(path.join(ROOT, relative)).isDirectory()) found.push(...sourceFiles(relative));
    else if (SOURCE.test(name) && !TEST.test(name)) found.push(relative);
  }
  return found;
}

const APP_CODE = [...sourceFiles("app"), ...sourceFiles("lib"), ...sourceFiles("components"), ...sourceFiles("trigger"), "middleware.ts", "instrumentation.ts"];
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

describe("where code lives", () => {
  it("finds the files it checks", () => {
    expect(APP_CODE).toContain(path.join("app", "actions", "inbox", "messages.ts"));
    expect(APP_CODE.length).toBeGreaterThan(100);
  });

  it("keeps every server action under app/actions", () => {
    const misplaced = APP_CODE.filter((file) => /^\s*["']use server["']/m.test(read(file)) && !file.startsWith(path.join("app", "actions") + path.sep));
    expect(misplaced).toEqual([]);
  });

  it("never imports from a route folder", () => {
    const everywhere = [...APP_CODE, ...sourceFiles("test"), ...sourceFiles("e2e")];
    const offenders = everywhere.filter((file) => /from\s+["']@\/app\/\(|import\(\s*["']@\/app\/\(/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it("reads process.env only in lib/env.ts (and NEXT_RUNTIME in instrumentation.ts)", () => {
    const readers = APP_CODE.filter((file) => file !== path.join("lib", "env.ts")).flatMap((file) =>
      read(file)
        .split("\n")
        .map((line, index) => ({ file, line: index + 1, text: line.trim() }))
        .filter(({ text }) => /process\.env/.test(text) && !text.startsWith("*") && !text.startsWith("//")),
    );
    expect(readers.map(({ file, text }) => `${file}: ${text}`)).toEqual(['instrumentation.ts: if (process.env.NEXT_RUNTIME !== "nodejs") return;']);
  });
});
