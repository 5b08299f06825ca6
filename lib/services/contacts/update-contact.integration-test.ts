import { describe, expect, it, vi } from "vitest";
import type * as Publish from "@/lib/realtime/publish";
import { prisma } from "@/lib/db";
import { createTenant } from "@/test/fixtures/tenants";

const sent = vi.hoisted(() => ({ names: [] as string[] }));
vi.mock("@/lib/realtime/publish", async (importOriginal) => ({
  ...(await importOriginal<typeof Publish>()),
  publishToWorkspace: async (_workspaceId: string, name: string) => {
    sent.names.push(name);
  },
}));

const { updateContact } = await import("./update-contact");
const { getContactPanel } = await import("./contact-panel");

describe("updateContact", () => {
  it("saves name, email, tags (creating new ones), groups and opt-out, and signals contact.updated", async () => {
    const t = await createTenant();
    const contact = t.contacts[0]!;
    const vip = await prisma.contactGroup.create({ data: { workspaceId: t.workspace.id, name: "VIP" } });
    await prisma.tag.create({ data: { workspaceId: t.workspace.id, name: "existing" } });

    await updateContact(t.agent.ctx, { contactId: contact.id, name: " Sari ", email: "Sari@Example.com", tags: ["existing", "new", "new"], groupIds: [vip.id], optedOut: true, optOutReason: "asked to stop" });
    const panel = await getContactPanel(t.agent.ctx, contact.id);
    expect(panel).toMatchObject({ name: "Sari", email: "sari@example.com", optOutReason: "asked to stop", groups: [{ id: vip.id, name: "VIP" }] });
    expect(panel.tags.map((tag) => tag.name)).toEqual(["existing", "new"]);
    expect(panel.optedOutAt).toBeInstanceOf(Date);
    expect(panel.options.groups.map((g) => g.name)).toEqual(["VIP"]);
    expect(sent.names).toEqual(["contact.updated"]);

    // Opting back in clears the reason; emptied lists remove tags and groups.
    await updateContact(t.agent.ctx, { contactId: contact.id, tags: [], groupIds: [], optedOut: false, email: "" });
    expect(await getContactPanel(t.agent.ctx, contact.id)).toMatchObject({ email: null, optedOutAt: null, optOutReason: null, tags: [], groups: [], name: "Sari" });
  });

  it("refuses bad input with a clear error and changes nothing", async () => {
    const t = await createTenant();
    const other = await createTenant("B");
    const contact = t.contacts[0]!;
    const before = await prisma.contact.findUniqueOrThrow({ where: { id: contact.id } });
    const foreignGroup = await prisma.contactGroup.create({ data: { workspaceId: other.workspace.id, name: "Theirs" } });

    await expect(updateContact(t.agent.ctx, { contactId: contact.id, email: "not-an-email" })).rejects.toMatchObject({ code: "invalid", messageKey: "emailInvalid", field: "email" });
    await expect(updateContact(t.agent.ctx, { contactId: contact.id, name: "x".repeat(101) })).rejects.toMatchObject({ code: "invalid", messageKey: "contactNameTooLong" });
    await expect(updateContact(t.agent.ctx, { contactId: contact.id, tags: ["a".repeat(41)] })).rejects.toMatchObject({ code: "invalid", messageKey: "tagTooLong" });
    await expect(updateContact(t.agent.ctx, { contactId: contact.id, name: "Changed", groupIds: [foreignGroup.id] })).rejects.toMatchObject({ code: "invalid", messageKey: "groupNotFound" });

    expect(await prisma.contact.findUniqueOrThrow({ where: { id: contact.id } })).toEqual(before);
    expect(await prisma.contactGroupMember.count({ where: { contactId: contact.id } })).toBe(0);
  });
});
