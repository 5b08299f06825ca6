/**
 * The message catalogs: both languages complete, and every error key the code throws has a
 * sentence (an AppError's messageKey is looked up under `errors.`).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import id from "./id.json";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function leafKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.(test|integration-test)\.ts$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

/**
 * The `errors.` keys of `new AppError(code, "key"…)`, `Conflict|NotFound|Forbidden|Invalid("key"…)`
 * and the helpers' default keys (`messageKey = "key"`). A key chosen by a ternary contributes
 * both branches.
 */
function errorKeys(text: string): string[] {
  const keys: string[] = [];
  const literalOrTernary = String.raw`("[^"]*"|[^,)]*\?\s*"[^"]*"\s*:\s*"[^"]*")`;
  const patterns = [
    new RegExp(String.raw`new AppError\(\s*"[a-z_]+"\s*,\s*` + literalOrTernary, "g"),
    new RegExp(String.raw`\b(?:Conflict|NotFound|Forbidden|Invalid)\(\s*` + literalOrTernary, "g"),
    /\bmessageKey\s*=\s*("[^"]*")/g,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const argument = match[1] ?? "";
      const literal = /^"([^"]*)"$/.exec(argument);
      if (literal) keys.push(literal[1] ?? "");
      else for (const branch of argument.matchAll(/[?:]\s*"([^"]*)"/g)) keys.push(branch[1] ?? "");
    }
  }
  return keys;
}

describe("message catalogs", () => {
  it("en and id have exactly the same keys", () => {
    const enKeys = leafKeys(en).sort();
    const idKeys = leafKeys(id).sort();
    expect(idKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(enKeys.filter((key) => !idKeys.includes(key))).toEqual([]);
  });

  it("has no empty sentences", () => {
    for (const [name, catalog] of Object.entries({ en, id })) {
      const empty = leafKeys(catalog).filter((key) => {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty, name).toEqual([]);
    }
  });
});

describe("error keys used in the code", () => {
  const files = [...sourceFiles("lib"), ...sourceFiles("app")];
  const used = files.flatMap((file) => errorKeys(readFileSync(file, "utf8")).map((key) => ({ key, file: path.relative(root, file) })));

  it("are found by the scan", () => {
    expect(used.map((u) => u.key)).toEqual(
      expect.arrayContaining(["emailTaken", "invalidCredentials", "tooManySignInAttempts", "invitationUsed", "notFound", "forbidden", "invalidInput"]),
    );
  });

  it("all exist in messages/en.json errors", () => {
    const missing = used.filter(({ key }) => !(key in en.errors));
    expect(missing).toEqual([]);
  });
});
