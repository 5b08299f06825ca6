/**
 * Tenant isolation for the inbox list, conversation header, timeline reads and contact panel
 * (lib/services/inbox, lib/services/contacts): a member of B naming A's conversations, messages,
 * contacts or members gets "not found" (or, for an assignee, "not a member") and nothing of A
 * changes — through the services and through the server actions, with B's slug and with A's.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createTenants, type Tenant } from "@/test/fixtures/tenants";
import { expectNothingOf, rejection, untouched } from "./helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { listConversations, getConversationListItem, conversationListItems } = await import("@/lib/services/inbox/list-conversations");
const { getConversation } = await import("@/lib/services/inbox/get-conversation");
const { listMessages, getMessage, timelineMessagesById } = await import("@/lib/services/inbox/list-messages");
const { assignConversation, resolveConversation, reopenConversation, markConversationUnread } = await import("@/lib/services/inbox/conversation-actions");
const { listAssignableMembers } = await import("@/lib/services/inbox/assignable-members");
const { getContactPanel } = await import("@/lib/services/contacts/contact-panel");
const { updateContact } = await import("@/lib/services/contacts/update-contact");
const listActions = await import("@/app/actions/inbox/reads");
const conversationActions = await import("@/app/actions/inbox/conversations");
const contactActions = await import("@/app/actions/inbox/contacts");

beforeEach(() => {
  session.user = null;
});

const notFound = async (promise: Promise<unknown>) => expect((await rejection(promise)).code).toBe("not_found");
const first = (t: Tenant) => ({ conversation: t.conversations[0]!, message: t.messages[0]!, contact: t.contacts[0]! });

describe("listConversations", () => {
  it("lists and searches only B's conversations, whatever B searches for", async () => {
    const { A, B } = await createTenants();
    for (const search of [undefined, "A contact", "A inbound", "+62812"]) {
      for (const filter of ["all", "mine", "unassigned", "unread", "resolved"] as const) {
        expectNothingOf(A, await listConversations(B.agent.ctx, { filter, search }));
      }
    }
    expect((await listConversations(B.agent.ctx, { filter: "all", search: "+62812" })).items).toHaveLength(3);
  });
});

describe("getConversationListItem", () => {
  it("is not found for A's conversation", async () => {
    const { A, B } = await createTenants();
    await notFound(getConversationListItem(B.owner.ctx, first(A).conversation.id));
  });
});

describe("conversationListItems", () => {
  it("gives B's workspace none of A's rows, even named among B's own", async () => {
    const { A, B } = await createTenants();
    const rows = await conversationListItems(B.workspace.id, [first(A).conversation.id, first(B).conversation.id]);
    expect(rows.map((r) => r.id)).toEqual([first(B).conversation.id]);
    expectNothingOf(A, rows);
  });
});

describe("timelineMessagesById", () => {
  it("gives B's workspace none of A's messages, even named among B's own", async () => {
    const { A, B } = await createTenants();
    const messages = await timelineMessagesById(B.workspace.id, [first(A).message.id, first(B).message.id]);
    expect(messages.map((m) => m.id)).toEqual([first(B).message.id]);
    expectNothingOf(A, messages);
  });
});

describe("getConversation", () => {
  it("is not found for A's conversation", async () => {
    const { A, B } = await createTenants();
    await notFound(getConversation(B.owner.ctx, first(A).conversation.id));
  });
});

describe("listMessages", () => {
  it("is not found for A's conversation", async () => {
    const { A, B } = await createTenants();
    await notFound(listMessages(B.owner.ctx, { conversationId: first(A).conversation.id }));
  });
});

describe("getMessage", () => {
  it("is not found for A's message", async () => {
    const { A, B } = await createTenants();
    await notFound(getMessage(B.owner.ctx, first(A).message.id));
  });
});

describe("assignConversation", () => {
  it("cannot assign A's conversation, nor assign B's to a member of A", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      await notFound(assignConversation(B.owner.ctx, { conversationId: first(A).conversation.id, assigneeId: B.agent.userId }));
      await notFound(assignConversation(B.owner.ctx, { conversationId: first(A).conversation.id, assigneeId: null }));
    });
    expect((await rejection(assignConversation(B.owner.ctx, { conversationId: first(B).conversation.id, assigneeId: A.agent.userId }))).messageKey).toBe("assigneeNotMember");
  });
});

describe("resolveConversation", () => {
  it("is not found for A's conversation, which stays open", async () => {
    const { A, B } = await createTenants();
    await untouched(A, () => notFound(resolveConversation(B.owner.ctx, first(A).conversation.id)));
  });
});

describe("reopenConversation", () => {
  it("is not found for A's resolved conversation, which stays resolved", async () => {
    const { A, B } = await createTenants();
    await resolveConversation(A.owner.ctx, first(A).conversation.id);
    await untouched(A, () => notFound(reopenConversation(B.owner.ctx, first(A).conversation.id)));
  });
});

describe("markConversationUnread", () => {
  it("is not found for A's conversation", async () => {
    const { A, B } = await createTenants();
    await untouched(A, () => notFound(markConversationUnread(B.owner.ctx, first(A).conversation.id)));
  });
});

describe("listAssignableMembers", () => {
  it("lists only B's members", async () => {
    const { A, B } = await createTenants();
    const members = await listAssignableMembers(B.agent.ctx);
    expect(members.map((m) => m.id).sort()).toEqual([B.owner.userId, B.admin.userId, B.agent.userId].sort());
    expectNothingOf(A, members);
  });
});

describe("getContactPanel", () => {
  it("is not found for A's contact", async () => {
    const { A, B } = await createTenants();
    await notFound(getContactPanel(B.owner.ctx, first(A).contact.id));
  });
});

describe("updateContact", () => {
  it("is not found for A's contact, which keeps its name, tags and opt-out", async () => {
    const { A, B } = await createTenants();
    await untouched(A, () => notFound(updateContact(B.owner.ctx, { contactId: first(A).contact.id, name: "Taken", tags: ["x"], optedOut: true })));
  });
});

interface Outcome {
  serverError?: { code: string };
  data?: unknown;
}

/** Each inbox action, naming `slug`'s workspace and A's rows. */
function callsAgainst(A: Tenant, slug: string): [string, () => Promise<Outcome | undefined>][] {
  const { conversation, message, contact } = first(A);
  const conversationId = conversation.id;
  return [
    ["loadOlderMessages", () => listActions.loadOlderMessages({ slug, conversationId })],
    ["loadMessage", () => listActions.loadMessage({ slug, messageId: message.id })],
    ["loadConversationListItem", () => listActions.loadConversationListItem({ slug, conversationId })],
    ["assignConversationAction", () => conversationActions.assignConversationAction({ slug, conversationId, assigneeId: null })],
    ["resolveConversationAction", () => conversationActions.resolveConversationAction({ slug, conversationId })],
    ["reopenConversationAction", () => conversationActions.reopenConversationAction({ slug, conversationId })],
    ["markConversationUnreadAction", () => conversationActions.markConversationUnreadAction({ slug, conversationId })],
    ["loadContactPanel", () => contactActions.loadContactPanel({ slug, contactId: contact.id })],
    ["updateContactAction", () => contactActions.updateContactAction({ slug, contactId: contact.id, name: "Taken", optedOut: true })],
  ];
}

describe("inbox actions", () => {
  it("answer a member of B with not found for A's rows, under A's slug and under B's own", async () => {
    const { A, B } = await createTenants();
    for (const intruder of [B.owner, B.agent]) {
      session.user = { id: intruder.userId, email: intruder.email, name: intruder.name, locale: null };
      await untouched(A, async () => {
        for (const slug of [A.workspace.slug, B.workspace.slug]) {
          for (const [name, call] of callsAgainst(A, slug)) {
            expect({ name, slug, code: (await call())?.serverError?.code }).toEqual({ name, slug, code: "not_found" });
          }
        }
        const list = await listActions.loadConversations({ slug: B.workspace.slug, filter: "all", search: "A contact" });
        expect(list?.serverError).toBeUndefined();
        expectNothingOf(A, list?.data);
        expect((await listActions.loadConversations({ slug: A.workspace.slug, filter: "all" }))?.serverError?.code).toBe("not_found");
      });
    }
  });

  it("answer the signed-out with signed out", async () => {
    const { A } = await createTenants();
    await untouched(A, async () => {
      for (const [name, call] of callsAgainst(A, A.workspace.slug)) {
        expect({ name, code: (await call())?.serverError?.code }).toEqual({ name, code: "unauthorized" });
      }
    });
  });

  it("work for A's own agent (the refusals above are not a broken action)", async () => {
    const { A } = await createTenants();
    session.user = { id: A.agent.userId, email: A.agent.email, name: A.agent.name, locale: null };
    for (const [name, call] of callsAgainst(A, A.workspace.slug)) {
      expect({ name, error: (await call())?.serverError }).toEqual({ name, error: undefined });
    }
  });
});
