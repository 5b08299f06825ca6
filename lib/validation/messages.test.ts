/**
 * Validation messages are catalog keys under `validation.` (forms translate them; an unknown key
 * silently degrades to "This value is not valid."). Every key the schemas use must exist.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";

const dir = path.dirname(new URL(import.meta.url).pathname);
const sources = readdirSync(dir)
  .filter((file) => file.endsWith(".ts") && !file.includes(".test."))
  .map((file) => ({ file, text: readFileSync(path.join(dir, file), "utf8") }));

/** Keys in message positions: `{ message: "k" }`, a last string argument `…, "k")`, `z.email("k")`. */
function messageKeys(text: string): string[] {
  const patterns = [/message:\s*"([^"]+)"/g, /,\s*"([^"]+)"\s*\)/g, /\bz\.email\(\s*"([^"]+)"/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] ?? ""));
}

describe("validation message keys", () => {
  it("finds the schemas and their keys", () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(["auth.ts", "workspace.ts"]));
    expect(sources.flatMap((s) => messageKeys(s.text))).toEqual(expect.arrayContaining(["emailInvalid", "timezoneInvalid", "roleInvalid"]));
  });

  it.each(sources)("every key used in $file exists in messages/en.json validation", ({ text }) => {
    const missing = messageKeys(text).filter((key) => !(key in en.validation));
    expect(missing).toEqual([]);
  });
});
