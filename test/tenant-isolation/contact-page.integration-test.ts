/**
 * Tenant isolation of the contact page: B's members cannot read or delete A's contact (not found,
 * nothing of A changes, nothing of A in B's answers), and the page's actions answer a member of B
 * naming A's workspace or A's contact with not found.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { getContact } from "@/lib/services/contacts/get-contact";
import { deleteContact } from "@/lib/services/contacts/delete-contact";
import { createCustomField } from "@/lib/services/contacts/custom-field-definitions";
import { createTenants, type TenantMember } from "@/test/fixtures/tenants";
import { expectNothingOf, rejection, untouched } from "./helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("@/app/actions/contacts/contact-page");

beforeEach(() => {
  session.user = null;
});

const signIn = (member: TenantMember) => {
  session.user = { id: member.userId, email: member.email, name: member.name, locale: null };
};

async function tenantsWithDetails() {
  const { A, B } = await createTenants();
  await createCustomField(A.admin.ctx, { label: "Tier", type: "text" });
  await prisma.contact.update({ where: { id: A.contacts[0]!.id }, data: { customFields: { tier: "A's secret" } } });
  await prisma.contactGroup.create({ data: { workspaceId: A.workspace.id, name: "A's group" } });
  await prisma.tag.create({ data: { workspaceId: A.workspace.id, name: "a-tag" } });
  return { A, B };
}

describe("getContact", () => {
  it("refuses A's contact to every member of B, and B's own contact shows nothing of A", async () => {
    const { A, B } = await tenantsWithDetails();
    await untouched(A, async () => {
      for (const member of [B.owner, B.admin, B.agent]) {
        expect(await rejection(getContact(member.ctx, A.contacts[0]!.id))).toMatchObject({ code: "not_found", messageKey: "contactNotFound" });
      }
      const own = await getContact(B.agent.ctx, B.contacts[0]!.id);
      expect(own.customFields).toEqual([]);
      expect(own.options).toEqual({ groups: [], tags: [] });
      expect(own.conversations.map((c) => c.id)).toEqual([B.conversations[0]!.id]);
      expectNothingOf(A, own);
      expect(JSON.stringify(own)).not.toMatch(/A's|a-tag/);
    });
  });
});

describe("deleteContact", () => {
  it("refuses A's contact to B's managers and deletes nothing of A; B's own delete leaves A alone", async () => {
    const { A, B } = await tenantsWithDetails();
    await untouched(A, async () => {
      for (const manager of [B.owner, B.admin]) {
        expect(await rejection(deleteContact(manager.ctx, { contactId: A.contacts[0]!.id }))).toMatchObject({ code: "not_found" });
      }
      expect(await rejection(deleteContact(B.agent.ctx, { contactId: A.contacts[0]!.id }))).toMatchObject({ code: "forbidden" });
      // The same phone number as A's contact 0: only B's goes.
      expect(await deleteContact(B.owner.ctx, { contactId: B.contacts[0]!.id })).toEqual({ conversations: 1, messages: 2 });
    });
  });
});

describe("contact page actions", () => {
  it("answer a member of B who names A's workspace or A's contact with not found, and change nothing of A", async () => {
    const { A, B } = await tenantsWithDetails();
    for (const intruder of [B.owner, B.admin, B.agent]) {
      signIn(intruder);
      await untouched(A, async () => {
        const contactId = A.contacts[0]!.id;
        const calls = [
          ["saveContactPageAction", () => actions.saveContactPageAction({ slug: A.workspace.slug, contactId, name: "Taken", optedOut: true, customFields: { tier: "x" } })],
          ["deleteContactPageAction", () => actions.deleteContactPageAction({ slug: A.workspace.slug, contactId })],
          // B's own slug with A's contact.
          ["saveContactPageAction (own slug)", () => actions.saveContactPageAction({ slug: B.workspace.slug, contactId, name: "Taken", tags: ["x"] })],
        ] as const;
        for (const [name, call] of calls) expect({ name, code: (await call())?.serverError?.code }).toEqual({ name, code: "not_found" });
        const own = await actions.deleteContactPageAction({ slug: B.workspace.slug, contactId });
        expect(own?.serverError?.code).toBe(intruder.role === "agent" ? "forbidden" : "not_found");
      });
    }
  });

  it("work for A's members: an agent saves, an admin deletes", async () => {
    const { A } = await tenantsWithDetails();
    const contactId = A.contacts[0]!.id;
    signIn(A.agent);
    const saved = await actions.saveContactPageAction({ slug: A.workspace.slug, contactId, name: "Sari", customFields: { tier: "Gold" } });
    expect(saved?.data).toMatchObject({ id: contactId, name: "Sari", customFields: [{ key: "tier", value: "Gold" }] });
    const bad = await actions.saveContactPageAction({ slug: A.workspace.slug, contactId, email: "nope" });
    // The action's schema is the service's: a bad value is refused before the service, with its key.
    expect(bad?.validationErrors?.fieldErrors).toMatchObject({ email: ["emailInvalid"] });
    const badField = await actions.saveContactPageAction({ slug: A.workspace.slug, contactId, customFields: { tier: "x".repeat(1_001) } });
    expect(badField?.serverError).toMatchObject({ code: "invalid", messageKey: "customFieldTooLong", field: "customFields.tier" });
    expect((await actions.deleteContactPageAction({ slug: A.workspace.slug, contactId }))?.serverError?.code).toBe("forbidden");
    signIn(A.admin);
    expect((await actions.deleteContactPageAction({ slug: A.workspace.slug, contactId }))?.data).toEqual({ conversations: 1, messages: 2 });
    expect(await prisma.contact.count({ where: { id: contactId } })).toBe(0);
  });
});
