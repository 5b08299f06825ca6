/**
 * Tenant isolation for the contacts CRM (lib/services/contacts): B creating contacts never reaches
 * A's groups, tags, custom fields or phone numbers, and nothing of A changes.
 */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { createContact } from "@/lib/services/contacts/create-contact";
import { setContactLabels } from "@/lib/services/contacts/contact-labels";
import { sendOptOutConfirmation } from "@/lib/services/contacts/consent-reply";
import { createTenants } from "@/test/fixtures/tenants";
import { rejection, untouched } from "./helpers";

describe("createContact", () => {
  it("refuses A's groups, ignores A's custom fields and tags, and takes a number A also holds", async () => {
    const { A, B } = await createTenants();
    const aGroup = await prisma.contactGroup.create({ data: { workspaceId: A.workspace.id, name: "VIP" } });
    await prisma.customField.create({ data: { workspaceId: A.workspace.id, key: "city", label: "City" } });
    await prisma.tag.create({ data: { workspaceId: A.workspace.id, name: "shared-name" } });
    const onlyA = await prisma.contact.create({ data: { workspaceId: A.workspace.id, phone: "+6281399990001" } });

    await untouched(A, async () => {
      expect(await rejection(createContact(B.owner.ctx, { phone: "+6281300000001", groupIds: [aGroup.id] }))).toMatchObject({ code: "invalid", messageKey: "groupNotFound" });
      expect(await rejection(createContact(B.owner.ctx, { phone: "+6281300000001", customFields: { city: "Medan" } }))).toMatchObject({ messageKey: "customFieldUnknown" });
      // A's number is not B's: B gets a contact of its own.
      const created = await createContact(B.owner.ctx, { phone: onlyA.phone!, tags: ["shared-name"] });
      const row = await prisma.contact.findUniqueOrThrow({ where: { id: created.id }, include: { tags: { include: { tag: true } } } });
      expect(row.workspaceId).toBe(B.workspace.id);
      expect(row.tags.map((t) => t.tag.workspaceId)).toEqual([B.workspace.id]);
    });
  });
});

describe("setContactLabels", () => {
  it("finds no contact of A to label, and writes no join row", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      const refused = await rejection(tenantDb(B.owner.ctx).$transaction((tx) => setContactLabels(tx, B.workspace.id, A.contacts[0]!.id, { tags: ["x"], groupIds: [] })));
      expect(refused).toMatchObject({ code: "not_found", messageKey: "contactNotFound" });
    });
    expect(await prisma.contactTag.count({ where: { contactId: A.contacts[0]!.id } })).toBe(0);
  });
});

describe("sendOptOutConfirmation", () => {
  it("finds no message of A under B's workspace, and writes nothing", async () => {
    const { A, B } = await createTenants();
    const aMessage = await prisma.message.findFirstOrThrow({ where: { workspaceId: A.workspace.id, direction: "inbound" } });
    await prisma.contact.update({ where: { id: aMessage.contactId }, data: { optedOutAt: new Date() } });
    await untouched(A, async () => {
      expect(await sendOptOutConfirmation({ workspaceId: B.workspace.id, messageId: aMessage.id })).toBe("no_message");
    });
  });
});
