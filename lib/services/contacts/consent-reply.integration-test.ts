/**
 * The opt-out confirmation against the WhatsApp emulator (as Meta): sent once per keyword message,
 * inside the window, not after the customer opted back in; and queued by the webhook hook's step
 * (confirmOptOuts) onto the embedded runner, which sends it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/local/runner";
import type { RunningEmulator } from "@/local/whatsapp-emulator";
import type { Tenant } from "@/test/fixtures/tenants";
import { customerConversation, customerNumber } from "@/test/inbox/send-harness";
import { connectedTenant, emulatorNumber, startEmulator } from "@/test/media/harness";
import { consentReply } from "@/trigger/consent-reply";
import { confirmOptOuts } from "./confirm-opt-outs";
import { sendOptOutConfirmation } from "./consent-reply";

const at = vi.hoisted(() => ({ graphUrl: "" }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));

const number = emulatorNumber("Consent");
let emulator: RunningEmulator;
let tenant: Tenant;

beforeAll(async () => {
  emulator = await startEmulator([number]);
  at.graphUrl = emulator.url;
  tenant = await connectedTenant("C", number);
});
afterAll(async () => {
  await stopJobRunner();
  await emulator.stop();
});

/** A customer who just wrote STOP and is opted out, as the webhook step leaves them. */
async function optedOutCustomer(options: { lastInboundAgoMs?: number } = {}) {
  const waId = customerNumber();
  const c = await customerConversation(tenant, emulator, { waId, optedOut: true, ...(options.lastInboundAgoMs ? { lastInboundAgoMs: options.lastInboundAgoMs } : {}) });
  return { ...c, waId };
}

const sentTo = (waId: string) => emulator.sentMessages().filter((sent) => (sent.request as { to?: string }).to === waId);

describe("sendOptOutConfirmation", () => {
  it("sends one confirmation in the workspace's language, shown in the conversation", async () => {
    const c = await optedOutCustomer();
    expect(await sendOptOutConfirmation({ workspaceId: tenant.workspace.id, messageId: c.inboundId })).toBe("sent");
    const [sent] = sentTo(c.waId);
    expect(sent!.request).toMatchObject({ type: "text", text: { body: "Anda tidak akan menerima pesan promosi dari kami lagi. Balas START untuk berlangganan kembali." } });
    const reply = await prisma.message.findFirstOrThrow({ where: { conversationId: c.conversationId, direction: "outbound" } });
    expect(reply).toMatchObject({ status: "sent", wamid: sent!.wamid, authorId: null, idempotencyKey: `consent-reply:${c.inboundId}` });

    // A retried run sends nothing more.
    expect(await sendOptOutConfirmation({ workspaceId: tenant.workspace.id, messageId: c.inboundId })).toBe("already_sent");
    expect(sentTo(c.waId)).toHaveLength(1);
  });

  it("sends nothing after the customer opted back in, or once the window closed", async () => {
    const back = await optedOutCustomer();
    await prisma.contact.update({ where: { id: back.contactId }, data: { optedOutAt: null } });
    expect(await sendOptOutConfirmation({ workspaceId: tenant.workspace.id, messageId: back.inboundId })).toBe("opted_in_again");

    const late = await optedOutCustomer({ lastInboundAgoMs: 25 * 3600_000 });
    expect(await sendOptOutConfirmation({ workspaceId: tenant.workspace.id, messageId: late.inboundId })).toBe("window_closed");
    expect([...sentTo(back.waId), ...sentTo(late.waId)]).toEqual([]);
  });

  it("is queued after the webhook's transaction and sent by the runner, once for a repeated hook", async () => {
    await startJobRunner([consentReply]);
    const c = await optedOutCustomer();
    const change = { workspaceId: tenant.workspace.id, contactId: c.contactId, messageId: c.inboundId, kind: "opt_out" as const, source: "keyword" as const };
    await confirmOptOuts([change]);
    await confirmOptOuts([change]);
    // Meta's opt-outs get no message.
    await confirmOptOuts([{ ...change, messageId: "msg_meta", source: "meta" }]);
    await vi.waitFor(() => expect(sentTo(c.waId)).toHaveLength(1), { timeout: 15_000, interval: 100 });
    await vi.waitFor(async () => expect((await prisma.message.findFirstOrThrow({ where: { conversationId: c.conversationId, direction: "outbound" } })).status).toBe("sent"), { timeout: 10_000, interval: 100 });
    expect(await prisma.message.count({ where: { conversationId: c.conversationId, direction: "outbound" } })).toBe(1);
  });
});
