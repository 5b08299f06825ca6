import { describe, expect, it } from "vitest";
import { Prisma, prisma } from "@/lib/db";
import { qualifiedTable } from "@/lib/db/pool";
import { messageTextMatches } from "./conversation-search";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";
import { getConversationListItem, listConversations, type ConversationFilter } from "./list-conversations";

/** A contact with one conversation whose last activity is `minutesAgo`, and one message. */
async function conversationWith(
  t: Tenant,
  options: { name?: string | null; profileName?: string; phone: string; text?: string; minutesAgo: number; unread?: number; assigneeId?: string | null; resolved?: boolean },
) {
  const contact = await prisma.contact.create({
    data: { workspaceId: t.workspace.id, phone: options.phone, name: options.name ?? null, profileName: options.profileName ?? null },
  });
  const at = new Date(Date.now() - options.minutesAgo * 60_000);
  const conversation = await prisma.conversation.create({
    data: {
      workspaceId: t.workspace.id,
      contactId: contact.id,
      connectionId: t.connection.id,
      lastMessageAt: at,
      lastMessagePreview: options.text ?? "hello",
      unreadCount: options.unread ?? 0,
      assigneeId: options.assigneeId ?? null,
      ...(options.resolved ? { status: "resolved" as const, isOpen: null, resolvedAt: at } : {}),
    },
  });
  await prisma.message.create({
    data: {
      workspaceId: t.workspace.id,
      conversationId: conversation.id,
      contactId: contact.id,
      direction: "inbound",
      type: "text",
      content: { body: options.text ?? "hello" },
      previewText: options.text ?? "hello",
      status: "received",
      timestamp: at,
    },
  });
  return conversation.id;
}

const ids = async (t: Tenant, filter: ConversationFilter, search?: string, ctx = t.agent.ctx) =>
  (await listConversations(ctx, { filter, search })).items.map((i) => i.id);

describe("listConversations", () => {
  it("shows each filter's conversations, newest activity first", async () => {
    const t = await createTenant();
    // The fixture's three conversations are "now"; these are older, in a known order.
    const mine = await conversationWith(t, { phone: "+6281100000001", minutesAgo: 10, assigneeId: t.agent.userId, unread: 2 });
    const unassigned = await conversationWith(t, { phone: "+6281100000002", minutesAgo: 20 });
    const admins = await conversationWith(t, { phone: "+6281100000003", minutesAgo: 30, assigneeId: t.admin.userId, unread: 1 });
    const resolved = await conversationWith(t, { phone: "+6281100000004", minutesAgo: 5, resolved: true, assigneeId: t.agent.userId });
    const [f0, f1, f2] = t.conversations.map((c) => c.id);

    const all = await ids(t, "all");
    expect(all.slice(-3)).toEqual([mine, unassigned, admins]);
    expect(all.sort()).toEqual([f0, f1, f2, mine, unassigned, admins].sort());
    expect(await ids(t, "mine")).toEqual([f0, mine]);
    expect(await ids(t, "mine", undefined, t.admin.ctx)).toEqual([f1, admins]);
    expect(await ids(t, "unassigned")).toEqual([f2, unassigned]);
    expect(await ids(t, "unread")).toEqual([mine, admins]);
    expect(await ids(t, "resolved")).toEqual([resolved]);
  });

  it("returns list items with the contact's display name, assignee and unread count", async () => {
    const t = await createTenant();
    const id = await conversationWith(t, { phone: "+6281100000009", profileName: "Sari", text: "Halo!", minutesAgo: 1, unread: 3, assigneeId: t.admin.userId });
    expect(await getConversationListItem(t.agent.ctx, id)).toMatchObject({
      id,
      status: "open",
      unreadCount: 3,
      lastMessagePreview: "Halo!",
      assignee: { id: t.admin.userId, name: t.admin.name },
      contact: { displayName: "Sari", phone: "+6281100000009" },
    });
  });

  it("searches contact name, profile name, phone digits and message text", async () => {
    const t = await createTenant();
    const byName = await conversationWith(t, { name: "Budi Santoso", phone: "+6281200000001", minutesAgo: 1 });
    const byProfile = await conversationWith(t, { profileName: "Rina Wulandari", phone: "+6281200000002", minutesAgo: 2 });
    const byText = await conversationWith(t, { phone: "+6281200000003", text: "Apakah ukuran XL masih tersedia?", minutesAgo: 3 });
    const byPhone = await conversationWith(t, { phone: "+6289999912345", minutesAgo: 4 });

    expect(await ids(t, "all", "santoso")).toEqual([byName]);
    expect(await ids(t, "all", "WULAN")).toEqual([byProfile]);
    expect(await ids(t, "all", "ukuran xl")).toEqual([byText]);
    expect(await ids(t, "all", "999-12345")).toEqual([byPhone]);
    expect(await ids(t, "all", "+62 899 999")).toEqual([byPhone]);
    // LIKE wildcards in the query are literal characters, not "anything".
    expect(await ids(t, "all", "%")).toEqual([]);
    expect(await ids(t, "all", "nobody-like-this")).toEqual([]);
    // The search respects the filter.
    expect(await ids(t, "resolved", "santoso")).toEqual([]);
  });

  it("searches several words as a phrase of whole words", async () => {
    const t = await createTenant();
    const medan = await conversationWith(t, { phone: "+6281400000001", text: "Berapa ONGKIR ke Medan, kak?", minutesAgo: 1 });
    const order = await conversationWith(t, { phone: "+6281400000002", text: "pre-order status: dikirim besok", minutesAgo: 2 });
    await conversationWith(t, { phone: "+6281400000003", text: "ongkir kirim ke medan", minutesAgo: 3 });

    expect(await ids(t, "all", "ongkir ke medan")).toEqual([medan]);
    // Case, punctuation and the spaces between words do not matter.
    expect(await ids(t, "all", "Ongkir,  KE medan")).toEqual([medan]);
    expect(await ids(t, "all", "order status")).toEqual([order]);
    expect(await ids(t, "all", "status dikirim besok")).toEqual([order]);
    // Words out of order, not adjacent, or cut short are another phrase.
    expect(await ids(t, "all", "ongkir ke med")).toEqual([]);
    expect(await ids(t, "all", "medan ke ongkir")).toEqual([]);
    expect(await ids(t, "all", "ongkir medan")).toEqual([]);
    expect(await ids(t, "all", "der status")).toEqual([]);
    // What is an operator to Postgres's tsquery is only text here: no error, no wider match.
    for (const search of ["ongkir & | ! ke", "ongkir:* ke", "(ongkir) 'ke' medan\\"]) {
      expect(await ids(t, "all", search)).toEqual([medan]);
    }
    // Words without a letter or digit fall back to the literal text, and match nothing here.
    expect(await ids(t, "all", "!! ??")).toEqual([]);
  });

  it("serves a phrase from the index of message words, one word from the trigram index", async () => {
    const plan = async (query: string) =>
      prisma.$transaction(async (tx) => {
        // On a few rows a sequential scan is cheapest; forbidding it shows which index the condition can use.
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT m."id" FROM ${Prisma.raw(qualifiedTable("Message"))} m WHERE ${messageTextMatches(query)}`;
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
    expect(await plan("ongkir ke medan")).toContain("Message_previewWords_idx");
    expect(await plan("ongkir")).toContain("Message_previewText_trgm_idx");
  });

  it("pages with a stable keyset cursor, even when conversations move meanwhile", async () => {
    const t = await createTenant();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push(await conversationWith(t, { phone: `+628130000000${i}`, minutesAgo: 100 + i }));
    const expected = [...t.conversations.map((c) => c.id)].sort().reverse();
    // Fixture conversations share nearly the same time; read the true order from the first call.
    const everything = (await listConversations(t.agent.ctx, { filter: "all", limit: 100 })).items.map((i) => i.id);
    expect(everything.slice(-7)).toEqual(made);
    expect(everything.slice(0, 3).sort()).toEqual([...expected].sort());

    const first = await listConversations(t.agent.ctx, { filter: "all", limit: 4 });
    expect(first.items.map((i) => i.id)).toEqual(everything.slice(0, 4));
    // A new conversation arriving on top does not shift the next page.
    await conversationWith(t, { phone: "+6281399999999", minutesAgo: 0 });
    const second = await listConversations(t.agent.ctx, { filter: "all", limit: 4, cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual(everything.slice(4, 8));
    const third = await listConversations(t.agent.ctx, { filter: "all", limit: 4, cursor: second.nextCursor });
    expect(third.items.map((i) => i.id)).toEqual(everything.slice(8));
    expect(third.nextCursor).toBeNull();
  });

  it("refuses a cursor it did not write", async () => {
    const t = await createTenant();
    await expect(listConversations(t.agent.ctx, { filter: "all", cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "invalid", messageKey: "invalidCursor" });
  });
});
