/** Vercel Cron's entries to the media sweeps: only with `Authorization: Bearer $CRON_SECRET`. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { createTenant } from "@/test/fixtures/tenants";
import { startStorage, type TestStorage } from "@/test/media/harness";
import { GET as retentionGET } from "../media-retention/route";
import { GET as sweepGET } from "./route";

const at = vi.hoisted(() => {
  process.env.CRON_SECRET = "test-cron-secret-0123456789";
  return { storage: undefined as Storage | undefined };
});
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof StorageModule>()),
  getStorage: () => at.storage,
}));

let store: TestStorage;
beforeAll(async () => {
  store = await startStorage("disk");
  at.storage = store.storage;
});
afterAll(() => store.stop());

const call = (handler: (request: Request) => Promise<Response>, path: string, authorization?: string) =>
  handler(new Request(`http://localhost${path}`, { headers: authorization ? { authorization } : {} }));
const AUTHORIZED = "Bearer test-cron-secret-0123456789";

/** Media rows each sweep settles without reaching Meta: an interrupted attachment, an expired photo. */
async function work() {
  const tenant = await createTenant("Cron");
  await prisma.workspace.update({ where: { id: tenant.workspace.id }, data: { mediaRetentionDays: 1 } });
  const interrupted = await prisma.media.create({
    data: { workspaceId: tenant.workspace.id, direction: "outbound", mimeType: "image/png", nextAttemptAt: new Date(Date.now() - 1_000) },
  });
  const expired = await prisma.media.create({
    data: { workspaceId: tenant.workspace.id, mimeType: "image/jpeg", status: "unavailable", createdAt: new Date(Date.now() - 3 * 86_400_000) },
  });
  return { interrupted, expired };
}

describe("GET /api/cron/media and /api/cron/media-retention", () => {
  it("refuse a missing or wrong bearer token, doing nothing", async () => {
    const { interrupted, expired } = await work();
    for (const header of [undefined, "Bearer wrong", "test-cron-secret-0123456789"]) {
      expect((await call(sweepGET, "/api/cron/media", header)).status).toBe(401);
      expect((await call(retentionGET, "/api/cron/media-retention", header)).status).toBe(401);
    }
    expect((await prisma.media.findUniqueOrThrow({ where: { id: interrupted.id } })).status).toBe("pending");
    expect((await prisma.media.findUniqueOrThrow({ where: { id: expired.id } })).status).toBe("unavailable");
  });

  it("run the download sweep and the retention clean-up for Vercel Cron", async () => {
    const { interrupted, expired } = await work();
    const sweep = await call(sweepGET, "/api/cron/media", AUTHORIZED);
    expect(sweep.status).toBe(200);
    expect(await sweep.json()).toMatchObject({ unavailable: expect.any(Number), postponed: 0 }); // this test's and the first one's
    expect((await prisma.media.findUniqueOrThrow({ where: { id: interrupted.id } })).status).toBe("unavailable");

    const retention = await call(retentionGET, "/api/cron/media-retention", AUTHORIZED);
    expect(retention.status).toBe(200);
    expect(await retention.json()).toMatchObject({ deleted: expect.any(Number), failed: 0, incomplete: false });
    expect((await prisma.media.findUniqueOrThrow({ where: { id: expired.id } })).status).toBe("deleted");
  });
});
