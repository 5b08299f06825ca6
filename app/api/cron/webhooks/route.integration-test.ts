/** Vercel Cron's entry to the recovery sweep: only with `Authorization: Bearer $CRON_SECRET`. */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createNumber, fixtureFor, store } from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";
import { GET } from "./route";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
  process.env.CRON_SECRET = "test-cron-secret-0123456789";
});

const call = (authorization?: string) =>
  GET(new Request("http://localhost/api/cron/webhooks", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/webhooks", () => {
  it("refuses a missing or wrong bearer token, sweeping nothing", async () => {
    const number = await createNumber("cron");
    const eventId = await store(fixtureFor("text", number, uniqueSuffix()));
    await prisma.webhookEvent.update({ where: { id: eventId }, data: { receivedAt: new Date(Date.now() - 60_000) } });
    for (const header of [undefined, "Bearer wrong", "test-cron-secret-0123456789", "Bearer test-cron-secret-0123456789x"]) {
      expect((await call(header)).status).toBe(401);
    }
    expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).processedAt).toBeNull();
  });

  it("runs the sweep for Vercel Cron", async () => {
    const number = await createNumber("cron-ok");
    const eventId = await store(fixtureFor("text", number, uniqueSuffix()));
    await prisma.webhookEvent.update({ where: { id: eventId }, data: { receivedAt: new Date(Date.now() - 60_000) } });
    const response = await call("Bearer test-cron-secret-0123456789");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ processed: expect.any(Number), failed: 0 });
    expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).processedAt).not.toBeNull();
    expect(await prisma.message.count({ where: { workspaceId: number.workspaceId } })).toBe(1);
  });
});
