/**
 * Tenant isolation for what real-time signals carry (lib/realtime/signal-items.ts): items read for
 * one workspace never include another's rows or bubbles, even when its ids are asked for.
 */
import { describe, expect, it } from "vitest";
import { loadSignalItems, loadSignalItemsOrNone, type SignalItems } from "@/lib/realtime/signal-items";
import { createTenants } from "@/test/fixtures/tenants";

async function expectOnlyB(load: (workspaceId: string, want: { conversationIds: string[]; messageIds: string[] }) => Promise<SignalItems>) {
  const { A, B } = await createTenants();
  const [a, b] = [A, B].map((t) => ({ conversationId: t.conversations[0]!.id, messageId: t.messages[0]!.id }));
  const items = await load(B.workspace.id, { conversationIds: [a!.conversationId, b!.conversationId], messageIds: [a!.messageId, b!.messageId] });
  expect(items.row(a!.conversationId)).toBeUndefined();
  expect(items.message(a!.messageId)).toBeUndefined();
  expect(items.row(b!.conversationId)?.id).toBe(b!.conversationId);
  expect(items.message(b!.messageId)?.id).toBe(b!.messageId);
}

describe("loadSignalItems", () => {
  it("carries B's own row and bubble, and nothing of A's", () => expectOnlyB(loadSignalItems));
});

describe("loadSignalItemsOrNone", () => {
  it("carries B's own row and bubble, and nothing of A's", () => expectOnlyB(loadSignalItemsOrNone));
});
