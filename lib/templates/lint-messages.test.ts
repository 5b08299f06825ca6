/**
 * Every lint code has a message in English and Indonesian, and each one formats (ICU: the `{{1}}`
 * shown to users is quoted, so it is not read as an argument) with the params the lint gives.
 */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { LINT_CODES } from "./lint";

/** One value for every param name the lint uses. */
const params = {
  max: 60,
  min: 1,
  length: 61,
  count: 1,
  language: "en_US",
  name: "first_name",
  missing: "{{2}}",
  first: "{{1}}",
  second: "{{2}}",
  variables: 3,
  words: 6,
  minWords: 10,
  allowed: "JPEG, PNG",
  maxMb: 5,
  fixed: "https://shop.example/track/",
};

describe.each([
  ["en", en],
  ["id", id],
] as const)("templateLint messages (%s)", (locale, messages) => {
  const t = createTranslator({ locale, messages, namespace: "templateLint" });

  it.each(LINT_CODES)("%s", (code) => {
    const [group, key] = code.split(".") as [string, string];
    const raw = (messages.templateLint as Record<string, Record<string, string>>)[group]?.[key];
    expect(typeof raw, `${locale}: templateLint.${code}`).toBe("string");
    const text = t(code as Parameters<typeof t>[0], params);
    expect(text.trim()).not.toBe("");
    // No argument left unfilled, and the variable syntax shown literally where the message has it.
    expect(text).not.toMatch(/\{[a-zA-Z]+\}(?!\})/);
    if (raw?.includes("'{{1}}'")) expect(text).toContain("{{1}}");
    if (raw?.includes("'{{'{name}'}}'")) expect(text).toContain("{{first_name}}");
  });
});

it("has no message for a code the lint no longer has", () => {
  const keys = Object.entries(en.templateLint).flatMap(([group, entries]) => Object.keys(entries).map((key) => `${group}.${key}`));
  expect(keys.sort()).toEqual([...LINT_CODES].sort());
});
