/**
 * Keeps the isolation suite complete: every exported service function that takes a
 * WorkspaceContext first must have a `describe("<its name>", …)` in test/tenant-isolation/.
 * A new service fails this test until someone writes its isolation test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const serviceFiles = files("lib/services", /^(?!.*\.(test|integration-test)\.ts$).*\.ts$/);
const services = serviceFiles.flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/export\s+(?:async\s+)?function\s+(\w+)\s*\(\s*ctx\s*:\s*WorkspaceContext\b/g)].map((m) => ({
    name: m[1] ?? "",
    file: path.relative(root, file),
  })),
);
const suite = files("test/tenant-isolation", /\.integration-test\.ts$/)
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");

describe("tenant-isolation coverage", () => {
  it("finds the services that take a WorkspaceContext", () => {
    expect(services.map((s) => s.name)).toEqual(expect.arrayContaining(["listMembers", "listContacts", "updateWorkspace"]));
  });

  it("has an isolation test for each of them", () => {
    const missing = services.filter(({ name }) => !suite.includes(`describe("${name}"`));
    expect(missing).toEqual([]);
  });
});
