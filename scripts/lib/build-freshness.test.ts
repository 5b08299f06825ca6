import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildState } from "./build-freshness";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project with one page and (optionally) a build, every file dated `at` seconds since the epoch. */
function project(files: Record<string, number>): string {
  const root = mkdtempSync(path.join(tmpdir(), "parley-build-"));
  roots.push(root);
  for (const [file, at] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), "x");
    utimesSync(path.join(root, file), at, at);
  }
  return root;
}

describe("buildState", () => {
  it("is missing without a build", () => {
    expect(buildState(project({ "app/page.tsx": 1_000 }))).toBe("missing");
  });

  it("is fresh when the build is newer than every input", () => {
    expect(buildState(project({ "app/page.tsx": 1_000, "lib/x.ts": 1_500, "package-lock.json": 1_200, ".next/BUILD_ID": 2_000 }))).toBe("fresh");
  });

  it("is stale when a source, a message catalog or the lockfile changed after the build", () => {
    for (const changed of ["app/w/page.tsx", "messages/id.json", "package-lock.json", "middleware.ts"]) {
      expect({ changed, state: buildState(project({ "app/page.tsx": 1_000, ".next/BUILD_ID": 2_000, [changed]: 3_000 })) }).toEqual({ changed, state: "stale" });
    }
  });

  it("ignores tests and docs, which are not built", () => {
    const root = project({ "app/page.tsx": 1_000, ".next/BUILD_ID": 2_000, "lib/x.test.ts": 3_000, "lib/y.integration-test.ts": 3_000, "lib/README.md": 3_000, "e2e/a.spec.ts": 3_000 });
    expect(buildState(root)).toBe("fresh");
  });
});
