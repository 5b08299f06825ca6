/**
 * Tenant isolation of the contact settings: B's managers cannot read, edit or delete A's
 * custom-field definitions (not found, nothing of A changes), B's delete takes values off B's
 * contacts only, a key A uses is free in B, B's consent keywords are B's; and the settings actions
 * answer a member of B naming A's workspace with not found.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { getConsentSettings, updateConsentKeywords } from "@/lib/services/contacts/consent-settings";
import { createCustomField, deleteCustomField, listCustomFields, updateCustomField } from "@/lib/services/contacts/custom-field-definitions";
import { createTenants, type TenantMember } from "@/test/fixtures/tenants";
import { expectNothingOf, rejection, untouched } from "./helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const fieldActions = await import("@/app/actions/contacts/custom-fields");
const consentActions = await import("@/app/actions/contacts/consent");

beforeEach(() => {
  session.user = null;
});

const signIn = (member: TenantMember) => {
  session.user = { id: member.userId, email: member.email, name: member.name, locale: null };
};

async function tenantsWithFields() {
  const { A, B } = await createTenants();
  const ofA = await createCustomField(A.admin.ctx, { label: "Tier", type: "select", options: ["Gold", "Silver"] });
  await prisma.contact.update({ where: { id: A.contacts[0]!.id }, data: { customFields: { tier: "Gold" } } });
  await updateConsentKeywords(A.owner.ctx, { optOut: ["RAHASIA"], optIn: ["KEMBALI"] });
  return { A, B, ofA };
}

describe("listCustomFields", () => {
  it("lists B's definitions only, and counts B's contacts only", async () => {
    const { A, B } = await tenantsWithFields();
    await createCustomField(B.admin.ctx, { label: "Tier", type: "text" });
    await untouched(A, async () => {
      const fields = await listCustomFields(B.agent.ctx);
      expect(fields.map((f) => [f.key, f.type, f.valueCount])).toEqual([["tier", "text", 0]]);
      expectNothingOf(A, fields);
    });
  });
});

describe("createCustomField", () => {
  it("creates in B only; a key A uses is free in B", async () => {
    const { A, B } = await tenantsWithFields();
    await untouched(A, async () => {
      expect(await createCustomField(B.admin.ctx, { label: "Tier", key: "tier", type: "number" })).toMatchObject({ key: "tier", valueCount: 0 });
    });
  });
});

describe("updateCustomField", () => {
  it("refuses A's definition", async () => {
    const { A, B, ofA } = await tenantsWithFields();
    await untouched(A, async () => {
      for (const manager of [B.owner, B.admin]) {
        expect((await rejection(updateCustomField(manager.ctx, { id: ofA.id, label: "Taken", type: "text", options: [] }))).code).toBe("not_found");
      }
    });
  });
});

describe("deleteCustomField", () => {
  it("refuses A's definition, and B's own delete leaves A's contacts' values alone", async () => {
    const { A, B, ofA } = await tenantsWithFields();
    const ofB = await createCustomField(B.admin.ctx, { label: "Tier", type: "text" });
    await prisma.contact.update({ where: { id: B.contacts[0]!.id }, data: { customFields: { tier: "B's" } } });
    await untouched(A, async () => {
      expect((await rejection(deleteCustomField(B.owner.ctx, ofA.id))).code).toBe("not_found");
      expect(await deleteCustomField(B.owner.ctx, ofB.id)).toEqual({ key: "tier", removedValues: 1 });
    });
  });
});

describe("getConsentSettings", () => {
  it("answers B's keywords, never A's", async () => {
    const { A, B } = await tenantsWithFields();
    await untouched(A, async () => {
      const settings = await getConsentSettings(B.agent.ctx);
      expect(settings.optOutKeywords).not.toContain("RAHASIA");
      expect(settings.confirmationText).not.toContain("KEMBALI");
      expectNothingOf(A, settings);
    });
  });
});

describe("updateConsentKeywords", () => {
  it("changes B's lists only", async () => {
    const { A, B } = await tenantsWithFields();
    await untouched(A, async () => {
      expect(await updateConsentKeywords(B.admin.ctx, { optOut: ["KELUAR"], optIn: ["MASUK"] })).toMatchObject({ optOutKeywords: ["KELUAR"], optInKeywords: ["MASUK"] });
    });
  });
});

describe("contact settings actions", () => {
  it("answer a member of B who names A's workspace or A's field with not found, and change nothing of A", async () => {
    const { A, B, ofA } = await tenantsWithFields();
    for (const intruder of [B.owner, B.admin, B.agent]) {
      signIn(intruder);
      await untouched(A, async () => {
        const calls = [
          ["createCustomFieldAction", () => fieldActions.createCustomFieldAction({ slug: A.workspace.slug, label: "X", type: "text" })],
          ["updateCustomFieldAction", () => fieldActions.updateCustomFieldAction({ slug: A.workspace.slug, id: ofA.id, label: "X", type: "text" })],
          ["deleteCustomFieldAction", () => fieldActions.deleteCustomFieldAction({ slug: A.workspace.slug, id: ofA.id })],
          ["updateConsentKeywordsAction", () => consentActions.updateConsentKeywordsAction({ slug: A.workspace.slug, optOut: ["X"], optIn: ["Y"] })],
        ] as const;
        for (const [name, call] of calls) expect({ name, code: (await call())?.serverError?.code }).toEqual({ name, code: "not_found" });
        // B's own slug with A's field: still not found for managers, forbidden for the agent.
        for (const own of [
          await fieldActions.deleteCustomFieldAction({ slug: B.workspace.slug, id: ofA.id }),
          await fieldActions.updateCustomFieldAction({ slug: B.workspace.slug, id: ofA.id, label: "X" }),
        ]) {
          expect(own?.serverError?.code).toBe(intruder.role === "agent" ? "forbidden" : "not_found");
        }
      });
    }
  });

  it("work for A's admin, with refusals on their field", async () => {
    const { A, ofA } = await tenantsWithFields();
    signIn(A.admin);
    const taken = await fieldActions.createCustomFieldAction({ slug: A.workspace.slug, label: "Other", key: "tier", type: "text" });
    expect(taken?.serverError).toMatchObject({ code: "conflict", messageKey: "customFieldKeyTaken", field: "key" });
    const created = await fieldActions.createCustomFieldAction({ slug: A.workspace.slug, label: "Kota Asal", type: "text" });
    expect(created?.data).toMatchObject({ key: "kota_asal" });
    const inUse = await fieldActions.updateCustomFieldAction({ slug: A.workspace.slug, id: ofA.id, label: "Tier", options: ["Silver"] });
    expect(inUse?.serverError).toMatchObject({ code: "conflict", messageKey: "customFieldOptionInUse", field: "options" });
    expect((await fieldActions.deleteCustomFieldAction({ slug: A.workspace.slug, id: ofA.id }))?.data).toEqual({ key: "tier", removedValues: 1 });
    const both = await consentActions.updateConsentKeywordsAction({ slug: A.workspace.slug, optOut: ["STOP"], optIn: ["stop"] });
    expect(both?.serverError).toMatchObject({ code: "invalid", messageKey: "consentKeywordInBothLists", field: "optIn" });
    const saved = await consentActions.updateConsentKeywordsAction({ slug: A.workspace.slug, optOut: ["stop", "keluar"], optIn: ["start"] });
    expect(saved?.data).toMatchObject({ optOutKeywords: ["STOP", "KELUAR"], optInKeywords: ["START"] });
  });
});
