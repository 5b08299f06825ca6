/** The media download sweep's timer in a long-lived server: shortly after start, once per process. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { createTenant } from "@/test/fixtures/tenants";
import { startStorage, type TestStorage } from "@/test/media/harness";
import { mediaDownloadsEnabled } from "./inbound/background";
import { startMediaScheduler } from "./scheduler";

const at = vi.hoisted(() => ({ storage: undefined as Storage | undefined }));
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof StorageModule>()),
  getStorage: () => at.storage,
}));

let store: TestStorage;
let stop: (() => void) | undefined;
beforeAll(async () => {
  store = await startStorage("disk");
  at.storage = store.storage;
});
afterEach(() => stop?.());
afterAll(() => store.stop());

describe("startMediaScheduler", () => {
  it("sweeps pending media shortly after start, and starts only once", async () => {
    const tenant = await createTenant("Timer");
    const interrupted = await prisma.media.create({
      data: { workspaceId: tenant.workspace.id, direction: "outbound", mimeType: "image/png", createdAt: new Date(Date.now() - 60_000) },
    });

    stop = startMediaScheduler({ firstSweepMs: 10, sweepEveryMs: 60_000 });
    expect(startMediaScheduler()).toBe(stop);
    expect(mediaDownloadsEnabled()).toBe(true);
    const status = async (id: string) => (await prisma.media.findUniqueOrThrow({ where: { id } })).status;
    await vi.waitFor(async () => expect(await status(interrupted.id)).toBe("unavailable"), { timeout: 10_000, interval: 100 });
    stop();
    stop = undefined;
    expect(mediaDownloadsEnabled()).toBe(false);
  });
});
