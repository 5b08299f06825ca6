/**
 * Webhook-event retention: processed events past the retention are deleted, in batches; events
 * still owed processing and recent ones stay, and so does everything the old events created.
 */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createNumber, deliver, fixtureFor, store } from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";
import { deleteExpiredWebhookEvents } from "./retention";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

describe("deleteExpiredWebhookEvents", () => {
  it("deletes processed events older than the retention, keeping unprocessed and recent ones and their messages", async () => {
    const number = await createNumber("retention");
    const tag = uniqueSuffix();
    const old = await Promise.all(["text", "image", "video"].map(async (kind) => (await deliver(fixtureFor(kind, number, tag))).eventId));
    const recent = (await deliver(fixtureFor("audio-voice", number, tag))).eventId;
    const owed = await store(fixtureFor("document", number, tag)); // stored, never processed
    await prisma.webhookEvent.updateMany({ where: { id: { in: old } }, data: { processedAt: daysAgo(31), receivedAt: daysAgo(31) } });
    await prisma.webhookEvent.updateMany({ where: { id: recent }, data: { processedAt: daysAgo(29) } });
    await prisma.webhookEvent.update({ where: { id: owed }, data: { receivedAt: daysAgo(40) } });

    const result = await deleteExpiredWebhookEvents({ retentionDays: 30, batch: 2 });

    expect(result.deleted).toBeGreaterThanOrEqual(3);
    const left = await prisma.webhookEvent.findMany({ where: { workspaceId: number.workspaceId }, select: { id: true } });
    expect(left.map(({ id }) => id).sort()).toEqual([recent, owed].sort());
    expect(await prisma.message.count({ where: { workspaceId: number.workspaceId } })).toBe(4);

    expect((await deleteExpiredWebhookEvents({ retentionDays: 30 })).deleted).toBe(0); // twice deletes nothing twice
  });
});
