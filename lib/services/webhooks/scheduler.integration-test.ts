/** The in-process timer that runs the recovery sweep in a long-lived server. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { startWebhookRecovery } from "@/lib/services/webhooks/scheduler";
import { createNumber, fixtureFor, store } from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe("startWebhookRecovery", () => {
  it("sweeps shortly after start, and starts only once per process", async () => {
    const number = await createNumber("scheduler");
    const eventId = await store(fixtureFor("text", number, uniqueSuffix()));
    await prisma.webhookEvent.update({ where: { id: eventId }, data: { receivedAt: new Date(Date.now() - 60_000) } });

    stop = startWebhookRecovery({ firstRunMs: 10, intervalMs: 60_000 });
    expect(startWebhookRecovery()).toBe(stop);
    await vi.waitFor(
      async () => expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).processedAt).not.toBeNull(),
      {
        timeout: 10_000,
        interval: 100,
      },
    );
    expect(await prisma.message.count({ where: { workspaceId: number.workspaceId } })).toBe(1);
  });

  it("goes on batch after batch while a sweep finds a full one (a crash's backlog drains at once)", async () => {
    const number = await createNumber("scheduler-backlog");
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(await store(fixtureFor("text", number, uniqueSuffix())));
    await prisma.webhookEvent.updateMany({ where: { id: { in: ids } }, data: { receivedAt: new Date(Date.now() - 60_000) } });

    // One tick (the interval is far away), batches of 10: all 25 need three batches in that tick.
    stop = startWebhookRecovery({ firstRunMs: 10, intervalMs: 600_000, batch: 10 });
    await vi.waitFor(async () => expect(await prisma.webhookEvent.count({ where: { id: { in: ids }, processedAt: null } })).toBe(0), {
      timeout: 20_000,
      interval: 100,
    });
    expect(await prisma.message.count({ where: { workspaceId: number.workspaceId } })).toBe(25);
  });
});
