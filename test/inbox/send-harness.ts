/**
 * Send test kit: the WhatsApp emulator as Meta, a tenant connected to one of its numbers, disk
 * storage for attachments, and a conversation whose customer wrote just now (window open, both
 * in our database and in the emulator's own window book-keeping).
 *
 * Test files mock the Graph location and storage before anything imports them:
 *
 *   const at = vi.hoisted(() => ({ graphUrl: "", storage: undefined as Storage | undefined }));
 *   vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
 *   vi.mock("@/lib/storage", async (importOriginal) => ({ ...(await importOriginal<typeof StorageModule>()), getStorage: () => at.storage }));
 */
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { RunningEmulator } from "@/local/whatsapp-emulator";
import type { Tenant } from "@/test/fixtures/tenants";

/** A fresh send key, as the composer makes one per send. */
export const key = () => randomUUID();

/** A conversation of `tenant` with a customer of its own, who last wrote `lastInboundAgoMs` ago. */
export async function customerConversation(
  tenant: Tenant,
  emulator: RunningEmulator,
  options: { waId: string; lastInboundAgoMs?: number | null; optedOut?: boolean },
): Promise<{ conversationId: string; contactId: string; inboundId: string; inboundWamid: string }> {
  const at = options.lastInboundAgoMs === null ? null : new Date(Date.now() - (options.lastInboundAgoMs ?? 60_000));
  const contact = await prisma.contact.create({
    data: {
      workspaceId: tenant.workspace.id,
      phone: `+${options.waId}`,
      waId: options.waId,
      name: `Customer ${options.waId}`,
      lastInboundAt: at,
      optedOutAt: options.optedOut ? new Date() : null,
    },
  });
  const conversation = await prisma.conversation.create({
    data: {
      workspaceId: tenant.workspace.id,
      contactId: contact.id,
      connectionId: tenant.connection.id,
      lastInboundAt: at,
      lastMessageAt: at,
      unreadCount: 2,
    },
  });
  // A real inbound wamid from the emulator (its window opens with it, as Meta's does).
  const inbound = await emulator.sendAsCustomer({ phoneNumberId: tenant.connection.phoneNumberId, from: options.waId, type: "text", text: "Halo" });
  const message = await prisma.message.create({
    data: {
      workspaceId: tenant.workspace.id,
      conversationId: conversation.id,
      contactId: contact.id,
      connectionId: tenant.connection.id,
      direction: "inbound",
      type: "text",
      content: { body: "Halo" },
      previewText: "Halo",
      wamid: inbound.wamid,
      status: "received",
      timestamp: at ?? new Date(Date.now() - 3 * 24 * 3600_000),
    },
  });
  return { conversationId: conversation.id, contactId: contact.id, inboundId: message.id, inboundWamid: inbound.wamid };
}

let customers = 0;
/** A customer number unique in this file. */
export function customerNumber(): string {
  customers += 1;
  return `62812${String(process.pid % 1000).padStart(3, "0")}${String(customers).padStart(4, "0")}`;
}
