/** Templates come from Meta: the emulator's WABA templates land in the workspace, idempotently. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { RunningEmulator } from "@/local/whatsapp-emulator";
import { connectedTenant, emulatorNumber, startEmulator } from "@/test/media/harness";
import { syncTemplates } from "./sync-templates";

const at = vi.hoisted(() => ({ graphUrl: "" }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));

const number = emulatorNumber("Templates");
const second = emulatorNumber("Paused");
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator([number, second]);
  at.graphUrl = emulator.url;
});
afterAll(() => emulator.stop());

describe("syncTemplates", () => {
  it("stores the WABA's templates with Meta's status, category, components and id; a second run changes nothing", async () => {
    const tenant = await connectedTenant("T", number);
    expect(await syncTemplates(tenant.agent.ctx)).toEqual({ synced: 2, skipped: 0 });
    const stored = await prisma.template.findMany({ where: { workspaceId: tenant.workspace.id }, orderBy: { name: "asc" } });
    expect(stored.map((t) => [t.name, t.language, t.status, t.category])).toEqual([
      ["hello_world", "en_US", "APPROVED", "UTILITY"],
      ["order_shipped", "en_US", "APPROVED", "UTILITY"],
    ]);
    expect(stored.every((t) => t.metaId && t.connectionId === tenant.connection.id)).toBe(true);
    expect(JSON.stringify(stored[1]!.components)).toContain("your order {{2}} is on its way");

    await syncTemplates(tenant.agent.ctx);
    expect(await prisma.template.count({ where: { workspaceId: tenant.workspace.id } })).toBe(2);
  });

  it("follows a status Meta changed (a paused template) and does nothing without a connection", async () => {
    const tenant = await connectedTenant("P", second);
    // The emulator seeds its sample templates on the first number's WABA only.
    expect(await syncTemplates(tenant.agent.ctx)).toEqual({ synced: 0, skipped: 0 });
    await emulator.setTemplateStatus({ wabaId: number.wabaId, name: "hello_world", language: "en_US" }, "PAUSED");
    const first = await prisma.template.findFirstOrThrow({
      where: { name: "hello_world", connection: { phoneNumberId: number.phoneNumberId } },
    });
    const owner = await prisma.membership.findFirstOrThrow({ where: { workspaceId: first.workspaceId, role: "agent" } });
    await syncTemplates({ workspaceId: first.workspaceId, userId: owner.userId, role: "agent" });
    expect((await prisma.template.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("PAUSED");

    await prisma.whatsappConnection.deleteMany({ where: { workspaceId: tenant.workspace.id } });
    expect(await syncTemplates(tenant.agent.ctx)).toEqual({ synced: 0, skipped: 0 });
  });
});
