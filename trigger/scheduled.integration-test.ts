/**
 * The daily clean-ups on the embedded runner: their cron schedules are registered with pg-boss
 * (which fires each once per tick across every server process), and a tick runs the service.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { jobQueue, startJobRunner, stopJobRunner } from "@/lib/jobs/local/runner";
import { createTenant } from "@/test/fixtures/tenants";
import { SCHEDULED_TASKS, TASKS } from "./catalog";

afterAll(() => stopJobRunner());

describe("scheduled tasks on the embedded runner", () => {
  it("registers each cron in UTC, and a tick runs the task's service", async () => {
    await startJobRunner(TASKS, SCHEDULED_TASKS);
    const boss = await jobQueue();
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => ({ name: s.name, cron: s.cron, tz: s.options?.tz }))).toEqual(
      expect.arrayContaining([
        { name: "media-retention", cron: "0 3 * * *", tz: "UTC" },
        { name: "webhook-retention", cron: "30 3 * * *", tz: "UTC" },
      ]),
    );

    const tenant = await createTenant("Scheduled");
    await prisma.workspace.update({ where: { id: tenant.workspace.id }, data: { mediaRetentionDays: 1 } });
    const expired = await prisma.media.create({
      data: { workspaceId: tenant.workspace.id, mimeType: "image/jpeg", status: "unavailable", createdAt: new Date(Date.now() - 3 * 86_400_000) },
    });
    // What pg-boss's cron does at 03:00: one job on the task's queue.
    await boss.send("media-retention", {});
    await vi.waitFor(async () => expect((await prisma.media.findUniqueOrThrow({ where: { id: expired.id } })).status).toBe("deleted"), { timeout: 15_000, interval: 100 });
  });
});
