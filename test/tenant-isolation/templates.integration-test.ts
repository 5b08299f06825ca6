/** Template sync writes only into the syncing workspace, from its own WABA. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { syncTemplates } from "@/lib/services/templates/sync-templates";
import type { RunningEmulator } from "@/local/whatsapp-emulator";
import { connectedTenant, emulatorNumber, startEmulator } from "@/test/media/harness";
import { untouched } from "./helpers";

const at = vi.hoisted(() => ({ graphUrl: "" }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));

// The emulator's sample templates live on the first number's WABA: B's.
const numbers = { B: emulatorNumber("Beta"), A: emulatorNumber("Alpha") };
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator([numbers.B, numbers.A]);
  at.graphUrl = emulator.url;
});
afterAll(() => emulator.stop());

describe("syncTemplates", () => {
  it("stores B's WABA templates in B only; A's templates (none on its WABA) stay as they were", async () => {
    const A = await connectedTenant("A", numbers.A);
    const B = await connectedTenant("B", numbers.B);
    await prisma.template.create({
      data: { workspaceId: A.workspace.id, name: "hello_world", language: "en_US", category: "MARKETING", status: "REJECTED", components: [] },
    });
    await untouched(A, async () => {
      expect((await syncTemplates(B.agent.ctx)).synced).toBe(2);
    });
    expect(await prisma.template.count({ where: { workspaceId: B.workspace.id, status: "APPROVED" } })).toBe(2);
    const ofA = await prisma.template.findFirstOrThrow({ where: { workspaceId: A.workspace.id } });
    expect([ofA.status, ofA.category]).toEqual(["REJECTED", "MARKETING"]);
  });
});
