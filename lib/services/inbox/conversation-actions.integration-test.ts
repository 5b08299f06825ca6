import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as Publish from "@/lib/realtime/publish";
import { prisma } from "@/lib/db";
import type { RealtimeMessage } from "@/lib/realtime/publish";
import { createTenant } from "@/test/fixtures/tenants";

// The real-time signals each action sends, captured instead of going to Pusher.
const sent = vi.hoisted(() => ({ messages: [] as { channel: string; name: string; payload: Record<string, unknown> }[] }));
vi.mock("@/lib/realtime/publish", async (importOriginal) => {
  const original = await importOriginal<typeof Publish>();
  return {
    ...original,
    publishMany: async (messages: RealtimeMessage[]) => {
      sent.messages.push(...messages);
    },
  };
});

const { assignConversation, markConversationUnread, reopenConversation, resolveConversation } = await import("./conversation-actions");
const { listAssignableMembers } = await import("./assignable-members");

const row = (id: string) => prisma.conversation.findUniqueOrThrow({ where: { id } });
const signals = (): Record<string, unknown>[] => sent.messages.map((m) => ({ channel: m.channel, name: m.name, ...m.payload, at: undefined }));

beforeEach(() => {
  sent.messages = [];
});

describe("assignConversation", () => {
  it("assigns to a member, tells the workspace and the new assignee", async () => {
    const t = await createTenant();
    const [, , unassigned] = t.conversations;
    await assignConversation(t.agent.ctx, { conversationId: unassigned!.id, assigneeId: t.admin.userId });
    expect((await row(unassigned!.id)).assigneeId).toBe(t.admin.userId);
    expect(signals()).toEqual([
      {
        channel: `private-workspace-${t.workspace.id}`,
        name: "conversation.updated",
        conversationId: unassigned!.id,
        changes: ["assignee"],
        at: undefined,
        // The row as it now is, so other agents' lists move it without a read of their own.
        row: expect.objectContaining({ id: unassigned!.id, assignee: { id: t.admin.userId, name: expect.any(String) } }),
      },
      {
        channel: `private-user-${t.admin.userId}`,
        name: "user.notification",
        kind: "conversation.assigned",
        workspaceId: t.workspace.id,
        conversationId: unassigned!.id,
        at: undefined,
      },
    ]);
  });

  it("does not notify someone who assigned it to themselves, and unassigns with null", async () => {
    const t = await createTenant();
    const [, , unassigned] = t.conversations;
    await assignConversation(t.agent.ctx, { conversationId: unassigned!.id, assigneeId: t.agent.userId });
    expect(signals().map((s) => s.name)).toEqual(["conversation.updated"]);
    sent.messages = [];
    await assignConversation(t.agent.ctx, { conversationId: unassigned!.id, assigneeId: null });
    expect((await row(unassigned!.id)).assigneeId).toBeNull();
    expect(signals().map((s) => s.name)).toEqual(["conversation.updated"]);
  });

  it("refuses an assignee who is not a member, and changes nothing", async () => {
    const t = await createTenant();
    const other = await createTenant("B");
    const [mine] = t.conversations;
    await expect(assignConversation(t.agent.ctx, { conversationId: mine!.id, assigneeId: other.agent.userId })).rejects.toMatchObject({
      code: "invalid",
      messageKey: "assigneeNotMember",
    });
    expect((await row(mine!.id)).assigneeId).toBe(t.agent.userId);
    expect(sent.messages).toEqual([]);
  });
});

describe("resolveConversation / reopenConversation", () => {
  it("resolves and reopens, signalling the status each time", async () => {
    const t = await createTenant();
    const [c] = t.conversations;
    await resolveConversation(t.agent.ctx, c!.id);
    expect(await row(c!.id)).toMatchObject({ status: "resolved", isOpen: null });
    expect((await row(c!.id)).resolvedAt).toBeInstanceOf(Date);
    await resolveConversation(t.agent.ctx, c!.id); // already resolved: nothing more
    await reopenConversation(t.agent.ctx, c!.id);
    expect(await row(c!.id)).toMatchObject({ status: "open", isOpen: true, resolvedAt: null });
    expect(signals().map((s) => [s.name, s.changes])).toEqual([
      ["conversation.updated", ["status"]],
      ["conversation.updated", ["status"]],
    ]);
  });

  it("refuses to reopen when the customer already has a newer open conversation", async () => {
    const t = await createTenant();
    const [c] = t.conversations;
    await resolveConversation(t.agent.ctx, c!.id);
    await prisma.conversation.create({ data: { workspaceId: t.workspace.id, contactId: c!.contactId, lastMessageAt: new Date() } });
    await expect(reopenConversation(t.agent.ctx, c!.id)).rejects.toMatchObject({ code: "conflict", messageKey: "contactHasOpenConversation" });
    expect((await row(c!.id)).status).toBe("resolved");
  });
});

describe("markConversationUnread", () => {
  it("makes a read conversation unread once", async () => {
    const t = await createTenant();
    const [c] = t.conversations;
    await markConversationUnread(t.agent.ctx, c!.id);
    await markConversationUnread(t.agent.ctx, c!.id);
    expect((await row(c!.id)).unreadCount).toBe(1);
    expect(signals().map((s) => [s.name, s.changes])).toEqual([["conversation.updated", ["unread"]]]);
  });
});

describe("listAssignableMembers", () => {
  it("lists the workspace's members by name", async () => {
    const t = await createTenant();
    expect(await listAssignableMembers(t.agent.ctx)).toEqual(
      [t.admin, t.agent, t.owner].map((m) => ({ id: m.userId, name: m.name, email: m.email, role: m.role })),
    );
  });
});
