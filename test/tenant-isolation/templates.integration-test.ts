/**
 * Template isolation: sync writes only into the syncing workspace from its own WABA; B's members
 * cannot see, save over, submit, edit, delete or duplicate A's templates (not found, nothing of A
 * changes, in Parley or at Meta); B's samples go up with B's own connection; an agent manages
 * nothing; and every template action answers a member of B naming A's workspace or ids with not found.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { deleteTemplate } from "@/lib/services/templates/delete-template";
import { duplicateTemplate } from "@/lib/services/templates/duplicate-template";
import { editTemplate } from "@/lib/services/templates/edit-template";
import { getTemplate } from "@/lib/services/templates/get-template";
import { keepSampleCopy } from "@/lib/services/templates/keep-sample-copy";
import { listTemplates } from "@/lib/services/templates/list-templates";
import { saveTemplateDraft } from "@/lib/services/templates/save-draft";
import { submitTemplate } from "@/lib/services/templates/submit-template";
import { syncTemplates } from "@/lib/services/templates/sync-templates";
import { uploadTemplateSample } from "@/lib/services/templates/upload-sample";
import type { TemplateDraftInput } from "@/lib/templates/draft";
import type { RunningEmulator } from "@/local/whatsapp-emulator";
import type { Tenant } from "@/test/fixtures/tenants";
import { connectedTenant, emulatorNumber, startEmulator } from "@/test/media/harness";
import { expectNothingOf, rejection, untouched } from "./helpers";

const at = vi.hoisted(() => ({ graphUrl: "" }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = {
  ...(await import("@/app/actions/templates/list")),
  ...(await import("@/app/actions/templates/get")),
  ...(await import("@/app/actions/templates/save-draft")),
  ...(await import("@/app/actions/templates/submit")),
  ...(await import("@/app/actions/templates/edit")),
  ...(await import("@/app/actions/templates/delete")),
  ...(await import("@/app/actions/templates/duplicate")),
  ...(await import("@/app/actions/templates/sync")),
  ...(await import("@/app/actions/templates/upload-sample")),
};

const JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");

// The emulator's sample templates live on the first number's WABA: B's.
const numbers = { B: emulatorNumber("Beta"), A: emulatorNumber("Alpha") };
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator([numbers.B, numbers.A]);
  at.graphUrl = emulator.url;
});
afterAll(() => emulator.stop());
beforeEach(() => {
  session.user = null;
});

const draft = (name: string, overrides: Partial<TemplateDraftInput> = {}): TemplateDraftInput => ({
  name,
  language: "en_US",
  category: "UTILITY",
  body: { text: "Hi {{1}}, your order {{2}} is ready for pickup.", examples: { "1": "Budi", "2": "#12" } },
  ...overrides,
});

/** Fresh tenants on the emulator's two numbers (a number belongs to one connection: the last test's let go). */
async function connectedPair() {
  await prisma.whatsappConnection.deleteMany({ where: { phoneNumberId: { in: [numbers.A.phoneNumberId, numbers.B.phoneNumberId] } } });
  return { A: await connectedTenant("A", numbers.A), B: await connectedTenant("B", numbers.B) };
}

let round = 0;

/**
 * A with a submitted template (approved at Meta and here) and a local draft; B connected to its own
 * WABA. Names carry the round: Meta's side keeps every earlier test's templates.
 */
async function tenantsWithTemplates() {
  const { A, B } = await connectedPair();
  round += 1;
  const submitted = (await submitTemplate(A.admin.ctx, { draft: draft(`a_secret_offer_${round}`) })).template;
  await emulator.setTemplateStatus({ id: submitted.metaId! }, "APPROVED");
  await prisma.template.update({ where: { id: submitted.id }, data: { status: "APPROVED" } });
  const local = await saveTemplateDraft(A.admin.ctx, { draft: draft("a_private_draft") });
  return { A, B, submitted, local };
}

/** A's templates as Meta holds them, to prove nothing of A changed at Meta either. */
const atMetaOf = () => JSON.stringify(emulator.templates().filter((t) => t.wabaId === numbers.A.wabaId));

async function untouchedAnywhere(A: Tenant, act: () => Promise<void>) {
  const before = atMetaOf();
  await untouched(A, act);
  expect(atMetaOf()).toBe(before);
}

describe("syncTemplates", () => {
  it("stores B's WABA templates in B only; A's templates (none on its WABA) stay as they were", async () => {
    const { A, B } = await connectedPair();
    await prisma.template.create({
      data: {
        workspaceId: A.workspace.id,
        name: "hello_world",
        language: "en_US",
        category: "MARKETING",
        status: "REJECTED",
        components: [],
      },
    });
    await untouched(A, async () => {
      expect((await syncTemplates(B.agent.ctx)).synced).toBe(2);
    });
    expect(await prisma.template.count({ where: { workspaceId: B.workspace.id, status: "APPROVED" } })).toBe(2);
    const ofA = await prisma.template.findFirstOrThrow({ where: { workspaceId: A.workspace.id } });
    expect([ofA.status, ofA.category]).toEqual(["REJECTED", "MARKETING"]);
  });
});

describe("listTemplates", () => {
  it("lists B's templates only, whatever the filter", async () => {
    const { A, B, submitted, local } = await tenantsWithTemplates();
    await saveTemplateDraft(B.admin.ctx, { draft: draft("b_own") });
    await untouched(A, async () => {
      for (const filters of [
        {},
        { search: "a_" },
        { search: "secret" },
        { status: "APPROVED" as const },
        { category: "UTILITY" as const },
        { language: "en_US" },
      ]) {
        const rows = await listTemplates(B.agent.ctx, filters);
        expect(rows.map((r) => r.id)).not.toEqual(expect.arrayContaining([submitted.id]));
        expect(rows.some((r) => r.id === local.id || r.name.startsWith("a_"))).toBe(false);
        expectNothingOf(A, rows);
      }
    });
  });
});

describe("getTemplate", () => {
  it("does not find A's template", async () => {
    const { A, B, submitted, local } = await tenantsWithTemplates();
    await untouched(A, async () => {
      for (const id of [submitted.id, local.id]) expect((await rejection(getTemplate(B.owner.ctx, id))).code).toBe("not_found");
    });
  });
});

describe("saveTemplateDraft", () => {
  it("cannot save over A's draft; A's names are free in B", async () => {
    const { A, B, local } = await tenantsWithTemplates();
    await untouchedAnywhere(A, async () => {
      expect((await rejection(saveTemplateDraft(B.admin.ctx, { id: local.id, draft: draft("taken_over") }))).code).toBe("not_found");
      expect(await saveTemplateDraft(B.admin.ctx, { draft: draft("a_private_draft") })).toMatchObject({
        name: "a_private_draft",
        status: "DRAFT",
      });
    });
  });
});

describe("submitTemplate", () => {
  it("cannot submit A's draft, and sends nothing to A's WABA", async () => {
    const { A, B, local } = await tenantsWithTemplates();
    await untouchedAnywhere(A, async () => {
      expect((await rejection(submitTemplate(B.admin.ctx, { id: local.id, draft: draft("a_private_draft") }))).code).toBe("not_found");
      // B's own submit goes to B's WABA, under a name A also uses.
      const own = await submitTemplate(B.admin.ctx, { draft: draft(`a_secret_offer_${round}`) });
      expect(emulator.templates().find((t) => t.id === own.template.metaId)?.wabaId).toBe(numbers.B.wabaId);
    });
  });

  it("refuses B's agent", async () => {
    const { B } = await tenantsWithTemplates();
    expect((await rejection(submitTemplate(B.agent.ctx, { draft: draft("agent_try") }))).code).toBe("forbidden");
  });
});

describe("editTemplate", () => {
  it("cannot edit A's template, here or at Meta", async () => {
    const { A, B, submitted } = await tenantsWithTemplates();
    await untouchedAnywhere(A, async () => {
      const changed = { ...submitted.draft, footer: "Taken over" };
      for (const manager of [B.owner, B.admin])
        expect((await rejection(editTemplate(manager.ctx, { id: submitted.id, draft: changed }))).code).toBe("not_found");
    });
  });
});

describe("deleteTemplate", () => {
  it("cannot delete A's templates; deleting B's template by a name A also uses leaves A's alone", async () => {
    const { A, B, submitted, local } = await tenantsWithTemplates();
    const own = (await submitTemplate(B.admin.ctx, { draft: draft(`a_secret_offer_${round}`) })).template;
    await untouchedAnywhere(A, async () => {
      for (const scope of ["language", "all"] as const) {
        for (const id of [submitted.id, local.id])
          expect((await rejection(deleteTemplate(B.owner.ctx, { id, scope }))).code).toBe("not_found");
      }
      expect(await deleteTemplate(B.owner.ctx, { id: own.id, scope: "all" })).toEqual({ deleted: [own.id] });
    });
    expect(emulator.templates().some((t) => t.id === submitted.metaId)).toBe(true);
  });

  it("refuses B's agent", async () => {
    const { B } = await tenantsWithTemplates();
    const own = await saveTemplateDraft(B.admin.ctx, { draft: draft("b_draft") });
    expect((await rejection(deleteTemplate(B.agent.ctx, { id: own.id, scope: "all" }))).code).toBe("forbidden");
  });
});

describe("duplicateTemplate", () => {
  it("cannot copy A's template into B", async () => {
    const { A, B, submitted, local } = await tenantsWithTemplates();
    await untouched(A, async () => {
      for (const id of [submitted.id, local.id])
        expect((await rejection(duplicateTemplate(B.admin.ctx, { id, language: "id" }))).code).toBe("not_found");
    });
    expect(await prisma.template.count({ where: { workspaceId: B.workspace.id, language: "id" } })).toBe(0);
  });
});

describe("uploadTemplateSample", () => {
  it("uploads with B's own connection and changes nothing of A; B's agent may not", async () => {
    const { A, B } = await tenantsWithTemplates();
    await untouchedAnywhere(A, async () => {
      const sample = await uploadTemplateSample(B.admin.ctx, { fileName: "b.jpg", mimeType: "image/jpeg", bytes: JPEG });
      expect(emulator.templateSampleBytes(sample.handle)).toEqual(JPEG);
      expectNothingOf(A, sample);
    });
    expect((await rejection(uploadTemplateSample(B.agent.ctx, { fileName: "b.jpg", mimeType: "image/jpeg", bytes: JPEG }))).code).toBe(
      "forbidden",
    );
  });
});

describe("keepSampleCopy", () => {
  it("keeps B's copy in B's workspace and changes nothing of A", async () => {
    const { A, B } = await tenantsWithTemplates();
    await untouchedAnywhere(A, async () => {
      const id = await keepSampleCopy(B.admin.ctx, { bytes: Buffer.from(JPEG), mimeType: "image/jpeg", fileName: "b.jpg" });
      expect((await prisma.media.findUniqueOrThrow({ where: { id } })).workspaceId).toBe(B.workspace.id);
    });
  });
});

describe("template actions", () => {
  it("answer a member of B who names A's workspace or A's templates with not found, and change nothing of A", async () => {
    const { A, B, submitted, local } = await tenantsWithTemplates();
    const file = new File([JPEG], "x.jpg", { type: "image/jpeg" });
    for (const intruder of [B.owner, B.admin, B.agent]) {
      session.user = { id: intruder.userId, email: intruder.email, name: intruder.name, locale: null };
      await untouchedAnywhere(A, async () => {
        const calls = (slug: string) =>
          [
            ["listTemplatesAction", () => actions.listTemplatesAction({ slug })],
            ["getTemplateAction", () => actions.getTemplateAction({ slug, id: submitted.id })],
            ["saveTemplateDraftAction", () => actions.saveTemplateDraftAction({ slug, id: local.id, draft: draft("taken") })],
            ["submitTemplateAction", () => actions.submitTemplateAction({ slug, id: local.id, draft: draft("a_private_draft") })],
            ["editTemplateAction", () => actions.editTemplateAction({ slug, id: submitted.id, draft: submitted.draft })],
            ["deleteTemplateAction", () => actions.deleteTemplateAction({ slug, id: submitted.id, scope: "all" })],
            ["duplicateTemplateAction", () => actions.duplicateTemplateAction({ slug, id: submitted.id, language: "id" })],
            ["syncTemplatesAction", () => actions.syncTemplatesAction({ slug })],
            ["uploadTemplateSampleAction", () => actions.uploadTemplateSampleAction({ slug, file })],
          ] as const;
        for (const [name, call] of calls(A.workspace.slug))
          expect({ name, code: (await call())?.serverError?.code }).toEqual({ name, code: "not_found" });
        // B's own slug with A's ids: not found for managers (the agent is refused before the lookup).
        for (const [name, call] of calls(B.workspace.slug)) {
          if (name === "listTemplatesAction" || name === "syncTemplatesAction" || name === "uploadTemplateSampleAction") continue;
          const readOnly = name === "getTemplateAction";
          const expected = intruder.role === "agent" && !readOnly ? "forbidden" : "not_found";
          expect({ name, code: (await call())?.serverError?.code }).toEqual({ name, code: expected });
        }
        const listed = await actions.listTemplatesAction({ slug: B.workspace.slug });
        expectNothingOf(A, listed?.data);
      });
    }
  });

  it("hand the lint's problems to the UI as data, and submit for A's admin", async () => {
    const { A } = await tenantsWithTemplates();
    session.user = { id: A.admin.userId, email: A.admin.email, name: A.admin.name, locale: null };
    const refused = await actions.submitTemplateAction({
      slug: A.workspace.slug,
      draft: draft("Bad Name", { body: { text: "{{1}}", examples: {} } }),
    });
    expect(refused?.data).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([expect.objectContaining({ path: "name", severity: "error" })]),
    });
    const ok = await actions.submitTemplateAction({ slug: A.workspace.slug, draft: draft(`a_new_one_${round}`) });
    expect(ok?.data).toMatchObject({ ok: true, template: { name: `a_new_one_${round}`, status: "PENDING" } });
    const sample = await actions.uploadTemplateSampleAction({
      slug: A.workspace.slug,
      file: new File([JPEG], "a.jpg", { type: "image/jpeg" }),
    });
    expect(sample?.data).toMatchObject({ fileName: "a.jpg", mimeType: "image/jpeg", size: JPEG.length });
  });
});
