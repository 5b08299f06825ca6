/**
 * Every translation the UI asks for exists: for each `const t = useTranslations("ns")` /
 * `getTranslations("ns")` in app/ and components/, each `t("key")` (and `t.rich`, `t.has` aside)
 * must name a message `ns.key` in messages/en.json (id.json has the same keys: catalog.test.ts).
 * Keys built at run time (`t(\`role.${role}\`)`) are checked by their literal prefix.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.(test|integration-test)\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function lookup(key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined), en);
}

interface Use {
  file: string;
  key: string;
  dynamic: boolean;
}

function uses(file: string): Use[] {
  const text = readFileSync(file, "utf8");
  const translators = new Map<string, string>();
  // const t = useTranslations("ns") | await getTranslations("ns") | getTranslations() (root)
  for (const m of text.matchAll(/const\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:"([^"]*)")?\s*\)/g)) {
    translators.set(m[1]!, m[2] ?? "");
  }
  // const [t, format] = await Promise.all([getTranslations("ns"), …])
  for (const m of text.matchAll(/const\s+\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\[([^\]]+)\]\)/g)) {
    const names = m[1]!.split(",").map((s) => s.trim());
    const calls = m[2]!.split(/,(?![^(]*\))/).map((s) => s.trim());
    calls.forEach((call, i) => {
      const ns = /getTranslations\(\s*(?:"([^"]*)")?\s*\)/.exec(call);
      if (ns && names[i]) translators.set(names[i]!, ns[1] ?? "");
    });
  }
  const found: Use[] = [];
  for (const [name, ns] of translators) {
    const prefix = ns ? `${ns}.` : "";
    for (const m of text.matchAll(new RegExp(String.raw`\b${name}\(\s*("([^"]+)"|\x60([^\x60$]*)\$\{)`, "g"))) {
      if (m[2] !== undefined) found.push({ file, key: prefix + m[2], dynamic: false });
      else if (m[3] !== undefined) found.push({ file, key: prefix + m[3].replace(/\.$/, ""), dynamic: true });
    }
  }
  return found;
}

describe("translation keys used by the UI", () => {
  const all = [...sourceFiles("app"), ...sourceFiles("components")].flatMap(uses);

  it("are found by the scan", () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.map((u) => u.key)).toEqual(expect.arrayContaining(["auth.signIn", "shell.signOut", "members.sendInvite", "whatsapp.test"]));
  });

  it("all exist in the catalog", () => {
    const missing = all
      .filter((u) => (u.dynamic ? typeof lookup(u.key) !== "object" : typeof lookup(u.key) !== "string"))
      .map((u) => `${path.relative(root, u.file)}: ${u.key}`);
    expect(missing).toEqual([]);
  });
});
