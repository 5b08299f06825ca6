/** Every task declared in trigger/ is in the catalog the embedded runner starts. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEDULED_TASKS, TASKS } from "./catalog";

const here = import.meta.dirname;
const taskFiles = readdirSync(here).filter((f) => f.endsWith(".ts") && !/\.(test|integration-test)\.ts$/.test(f) && !["catalog.ts", "queues.ts"].includes(f));

describe("trigger/catalog", () => {
  it("lists every task of trigger/, once", async () => {
    const declared: string[] = [];
    for (const file of taskFiles) {
      const exported = (await import(path.join(here, file))) as Record<string, unknown>;
      for (const value of Object.values(exported)) {
        if (value && typeof value === "object" && ("definition" in value || "scheduled" in value)) declared.push(String((value as { id?: unknown }).id));
      }
    }
    const listed = [...TASKS, ...SCHEDULED_TASKS].map((t) => t.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...declared].sort());
    expect(declared).toEqual(expect.arrayContaining(["media-retention", "webhook-retention"]));
  });
});
