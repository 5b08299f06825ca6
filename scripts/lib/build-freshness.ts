/**
 * Whether `.next` holds a production build of the current sources: its BUILD_ID is newer than
 * every file that goes into the build. `npm start` builds only when it is not, so the second start
 * takes seconds. Tests, benchmarks and docs are not inputs of the build and never trigger one.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const INPUT_DIRS = ["app", "components", "lib", "messages", "public", "types", "prisma"];
const INPUT_FILES = ["middleware.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const NOT_INPUT = /\.(test|integration-test|spec)\.[cm]?[jt]sx?$|\.md$/;

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(full));
    else if (!NOT_INPUT.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** The newest modification time among the build's inputs under `root`. */
export function newestBuildInput(root: string): number {
  let newest = 0;
  for (const dir of INPUT_DIRS) if (existsSync(path.join(root, dir))) newest = Math.max(newest, newestIn(path.join(root, dir)));
  for (const file of INPUT_FILES) if (existsSync(path.join(root, file))) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  return newest;
}

export type BuildState = "missing" | "stale" | "fresh";

export function buildState(root: string): BuildState {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "missing";
  return statSync(buildId).mtimeMs >= newestBuildInput(root) ? "fresh" : "stale";
}
