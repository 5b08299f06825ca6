import { describe, expect, it } from "vitest";
import { prisma, type Prisma } from "@/lib/db";
import { createTenant, uniqueSuffix, type Tenant } from "@/test/fixtures/tenants";
import { getConversation } from "./get-conversation";
import { WINDOW_MS } from "./window";
import { getMessage, listMessages } from "./list-messages";

async function message(
  t: Tenant,
  conversationId: string,
  contactId: string,
  options: { direction?: "inbound" | "outbound"; type?: "text" | "reaction" | "image"; content?: Prisma.InputJsonObject; secondsAgo: number; wamid?: string; replyToWamid?: string; replyToId?: string },
) {
  return prisma.message.create({
    data: {
      workspaceId: t.workspace.id,
      conversationId,
      contactId,
      direction: options.direction ?? "inbound",
      type: options.type ?? "text",
      content: options.content ?? { body: "hi" },
      previewText: "hi",
      status: options.direction === "outbound" ? "sent" : "received",
      wamid: options.wamid ?? `wamid.${uniqueSuffix()}`,
      replyToWamid: options.replyToWamid ?? null,
      replyToId: options.replyToId ?? null,
      timestamp: new Date(Date.now() - options.secondsAgo * 1000),
    },
  });
}

describe("listMessages", () => {
  it("tags a campaign's send and a reply within its window with the campaign, never another workspace's", async () => {
    const t = await createTenant();
    const other = await createTenant("B");
    const contact = await prisma.contact.create({ data: { workspaceId: t.workspace.id, phone: "+6285500000009" } });
    const c = await prisma.conversation.create({ data: { workspaceId: t.workspace.id, contactId: contact.id } });
    const campaign = await prisma.campaign.create({ data: { workspaceId: t.workspace.id, name: "Year-end sale", status: "completed" } });
    const foreign = await prisma.campaign.create({ data: { workspaceId: other.workspace.id, name: "B's secret", status: "completed" } });
    const recipient = await prisma.campaignRecipient.create({ data: { workspaceId: t.workspace.id, campaignId: campaign.id, contactId: contact.id, status: "read" } });
    const sent = await message(t, c.id, contact.id, { direction: "outbound", secondsAgo: 30 });
    await prisma.message.update({ where: { id: sent.id }, data: { campaignRecipientId: recipient.id } });
    const reply = await message(t, c.id, contact.id, { secondsAgo: 20 });
    await prisma.message.update({ where: { id: reply.id }, data: { repliedCampaignId: campaign.id } });
    const stray = await message(t, c.id, contact.id, { secondsAgo: 10 });
    await prisma.message.update({ where: { id: stray.id }, data: { repliedCampaignId: foreign.id } });
    const plain = await message(t, c.id, contact.id, { secondsAgo: 5 });

    const page = await listMessages(t.agent.ctx, { conversationId: c.id, limit: 10 });
    const tag = (id: string) => page.items.find((m) => m.id === id)!.campaign;
    expect(tag(sent.id)).toEqual({ id: campaign.id, name: "Year-end sale", role: "sent" });
    expect(tag(reply.id)).toEqual({ id: campaign.id, name: "Year-end sale", role: "reply" });
    expect(tag(stray.id)).toBeNull();
    expect(tag(plain.id)).toBeNull();
    expect((await getMessage(t.agent.ctx, reply.id)).campaign).toEqual({ id: campaign.id, name: "Year-end sale", role: "reply" });
  });

  it("pages newest first with a cursor and folds reactions onto their message", async () => {
    const t = await createTenant();
    const c = await prisma.conversation.create({ data: { workspaceId: t.workspace.id, contactId: (await prisma.contact.create({ data: { workspaceId: t.workspace.id, phone: "+6285500000001" } })).id } });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await message(t, c.id, c.contactId, { secondsAgo: 100 - i }));
    const target = made[1]!;
    // Customer reacts 👍 then changes to ❤️; the business reacts 🙏 then removes it.
    await message(t, c.id, c.contactId, { type: "reaction", content: { message_id: target.wamid!, emoji: "👍" }, replyToWamid: target.wamid!, secondsAgo: 50 });
    await message(t, c.id, c.contactId, { type: "reaction", content: { message_id: target.wamid!, emoji: "❤️" }, replyToWamid: target.wamid!, secondsAgo: 40 });
    await message(t, c.id, c.contactId, { direction: "outbound", type: "reaction", content: { reaction: { message_id: target.wamid!, emoji: "🙏" } }, replyToWamid: target.wamid!, secondsAgo: 30 });
    await message(t, c.id, c.contactId, { direction: "outbound", type: "reaction", content: { reaction: { message_id: target.wamid!, emoji: "" } }, replyToWamid: target.wamid!, secondsAgo: 20 });

    const first = await listMessages(t.agent.ctx, { conversationId: c.id, limit: 3 });
    expect(first.items.map((m) => m.id)).toEqual([made[4]!.id, made[3]!.id, made[2]!.id]);
    const second = await listMessages(t.agent.ctx, { conversationId: c.id, limit: 3, before: first.nextBefore });
    expect(second.items.map((m) => m.id)).toEqual([made[1]!.id, made[0]!.id]);
    expect(second.nextBefore).toBeNull();
    expect(second.items[0]!.reactions).toEqual([{ emoji: "❤️", direction: "inbound", at: expect.any(Date) }]);
    expect(second.items[1]!.reactions).toEqual([]);
  });

  it("carries the quoted message for replies, by id or by Meta's id, and the media rows", async () => {
    const t = await createTenant();
    const [fixture] = t.conversations;
    const quoted = await message(t, fixture!.id, fixture!.contactId, { direction: "outbound", secondsAgo: 30 });
    const byId = await message(t, fixture!.id, fixture!.contactId, { secondsAgo: 20, replyToId: quoted.id, replyToWamid: quoted.wamid! });
    const byWamid = await message(t, fixture!.id, fixture!.contactId, { secondsAgo: 10, replyToWamid: quoted.wamid! });
    const unknown = await message(t, fixture!.id, fixture!.contactId, { type: "image", secondsAgo: 5, replyToWamid: "wamid.never-seen" });
    const media = await prisma.media.create({ data: { workspaceId: t.workspace.id, messageId: unknown.id, mimeType: "image/jpeg", status: "unavailable", error: "gone", fileSize: 12 } });

    const quote = { id: quoted.id, preview: "hi", direction: "outbound" };
    expect((await getMessage(t.agent.ctx, byId.id)).replyTo).toEqual(quote);
    expect((await getMessage(t.agent.ctx, byWamid.id)).replyTo).toEqual(quote);
    const image = await getMessage(t.agent.ctx, unknown.id);
    expect(image.replyTo).toEqual({ id: null, preview: null, direction: null });
    expect(image.media).toEqual([{ id: media.id, status: "unavailable", mimeType: "image/jpeg", filename: null, fileSize: 12, error: "gone" }]);
  });

  it("does not show a reaction as a bubble of its own", async () => {
    const t = await createTenant();
    const [fixture] = t.conversations;
    const reaction = await message(t, fixture!.id, fixture!.contactId, { type: "reaction", content: { message_id: "x", emoji: "👍" }, replyToWamid: "x", secondsAgo: 0 });
    const { items } = await listMessages(t.agent.ctx, { conversationId: fixture!.id });
    expect(items.map((m) => m.id)).not.toContain(reaction.id);
    await expect(getMessage(t.agent.ctx, reaction.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("getConversation", () => {
  it("gives the header with the 24-hour window from the last inbound message", async () => {
    const t = await createTenant();
    const [c] = t.conversations;
    expect((await getConversation(t.agent.ctx, c!.id)).windowExpiresAt).toBeNull();
    const inboundAt = new Date(Date.now() - 60_000);
    await prisma.conversation.update({ where: { id: c!.id }, data: { lastInboundAt: inboundAt } });
    expect(await getConversation(t.agent.ctx, c!.id)).toMatchObject({
      id: c!.id,
      status: "open",
      connectionId: t.connection.id,
      windowExpiresAt: new Date(inboundAt.getTime() + WINDOW_MS),
      assignee: { id: t.agent.userId },
      contact: { id: c!.contactId, displayName: t.contacts[0]!.name, phone: t.contacts[0]!.phone, optedOut: false },
    });
  });

  it("counts the contact's later message too (the rule sendMessage applies)", async () => {
    const t = await createTenant();
    const [c] = t.conversations;
    const older = new Date(Date.now() - 30 * 3_600_000);
    const later = new Date(Date.now() - 3_600_000);
    await prisma.conversation.update({ where: { id: c!.id }, data: { lastInboundAt: older } });
    await prisma.contact.update({ where: { id: c!.contactId }, data: { lastInboundAt: later } });
    expect((await getConversation(t.agent.ctx, c!.id)).windowExpiresAt).toEqual(new Date(later.getTime() + WINDOW_MS));
  });
});
