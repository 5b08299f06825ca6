/**
 * Throw-away embedded servers (tests, e2e) start from a copy of a data folder initialised once:
 * PGlite's initdb takes 6–8 s, opening a copied folder about 1.5 s.
 *
 * The template lives in node_modules/.cache (gone with a reinstall, which may bring a PGlite
 * whose on-disk format differs), keyed by PGlite's version.
 */
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

async function templateDir(): Promise<string> {
  // package.json is not in PGlite's exports map: find it from the entry point.
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const packageJson = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), "package.json");
  const { version } = JSON.parse(await readFile(packageJson, "utf8")) as { version: string };
  return path.resolve("node_modules/.cache/parley", `pglite-template-${version}`);
}

async function exists(dir: string): Promise<boolean> {
  try {
    await stat(dir);
    return true;
  } catch {
    return false;
  }
}

async function ensureTemplate(): Promise<string> {
  const template = await templateDir();
  if (await exists(template)) return template;
  await mkdir(path.dirname(template), { recursive: true });
  const building = await mkdtemp(`${template}.tmp-`);
  try {
    const db = await PGlite.create(building);
    await db.close();
    await rename(building, template);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    // A parallel run published the template first: use theirs.
    if (!(await exists(template))) throw error;
  }
  return template;
}

/** Fills the empty or missing folder `dataDir` with a freshly initialised cluster. */
export async function copyFreshDataDir(dataDir: string): Promise<void> {
  await cp(await ensureTemplate(), dataDir, { recursive: true });
}
