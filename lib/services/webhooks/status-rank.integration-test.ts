/** The in-memory rank (the batch path) and the SQL rank (the one-by-one path) agree on every status. */
import { describe, expect, it } from "vitest";
import { Prisma, prisma } from "@/lib/db";
import { NEVER_MOVED, rankSql, statusRank } from "./status-rank";

const statuses = ["pending", "queued", "sending", "sent", "failed", "delivered", "read", "skipped", "deleted"];

describe("status rank", () => {
  it("moves forward from not sent through sent, failed, delivered to read; other states never move", () => {
    expect(statuses.map(statusRank)).toEqual([0, 0, 0, 1, 2, 3, 4, NEVER_MOVED, NEVER_MOVED]);
  });

  it("is computed the same by Postgres", async () => {
    const rows = await prisma.$queryRaw<{ status: string; level: number }[]>`
      SELECT s AS status, ${rankSql(Prisma.sql`s`)} AS level FROM unnest(${statuses}::text[]) AS s`;
    expect(Object.fromEntries(rows.map((r) => [r.status, r.level]))).toEqual(Object.fromEntries(statuses.map((s) => [s, statusRank(s)])));
  });
});
