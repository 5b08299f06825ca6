/**
 * The template studio's services against the emulator over real HTTP and a real Postgres: submit →
 * Meta's review → the status webhook through the real route → the row and every open browser
 * (a pusher-js client on the local Pusher-protocol server); edit, delete (one language / all),
 * duplicate, drafts, sync, sample uploads, and every refusal: the lint's, Meta's own (with its
 * code), an agent's.
 */
import type * as NextServer from "next/server";
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const realtime = await vi.hoisted(async () => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
  return (await import("@/local/realtime-server/test-support")).startForTests();
});
const at = vi.hoisted(() => ({ graphUrl: "" }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (await import("@/test/webhooks/after-queue")).enqueueAfter,
}));

const { prisma } = await import("@/lib/db");
const { AppError } = await import("@/lib/errors");
const { startWhatsAppEmulator } = await import("@/local/whatsapp-emulator");
const { connectedTenant, emulatorNumber, startWebhookForwarder } = await import("@/test/media/harness");
const { PLATFORM_SECRET } = await import("@/test/webhooks/helpers");
const { drainAfter } = await import("@/test/webhooks/after-queue");
const { workspaceChannel } = await import("@/lib/realtime/events");
const { client, nextEvent, serverSdk, signedBy } = await import("@/local/realtime-server/test-support");
const { clientForConnection } = await import("@/lib/services/whatsapp/client-for");
const { connectionForWorkspace } = await import("@/lib/services/whatsapp/connection-secrets");
const { TemplateLintError } = await import("./lint-gate");
const { listTemplates } = await import("./list-templates");
const { getTemplate } = await import("./get-template");
const { saveTemplateDraft } = await import("./save-draft");
const { submitTemplate } = await import("./submit-template");
const { editTemplate } = await import("./edit-template");
const { deleteTemplate } = await import("./delete-template");
const { duplicateTemplate } = await import("./duplicate-template");
const { uploadTemplateSample } = await import("./upload-sample");
const { syncAllTemplates, syncTemplates } = await import("./sync-templates");

import type { RunningEmulator } from "@/local/whatsapp-emulator";
import type { TemplateDraftInput } from "@/lib/templates/draft";
import type { Tenant } from "@/test/fixtures/tenants";

const JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");

let emulator: RunningEmulator;
let forwarder: Awaited<ReturnType<typeof startWebhookForwarder>>;
const number = emulatorNumber("Studio");
let tenant: Tenant;

beforeAll(async () => {
  forwarder = await startWebhookForwarder();
  emulator = await startWhatsAppEmulator({
    port: 0,
    appSecret: PLATFORM_SECRET,
    webhookUrl: forwarder.url,
    phoneNumbers: [number],
    // Reviews wait for the test to decide (setTemplateStatus), unless a test sets a policy.
    templateReview: { delayMs: 3_600_000 },
  });
  at.graphUrl = emulator.url;
  tenant = await connectedTenant("Studio", number);
});
afterAll(async () => {
  await emulator.stop();
  await forwarder.close();
  await realtime.server.stop();
});

const clients: PusherClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  emulator.setReviewPolicy({ delayMs: 3_600_000 });
});

/** A browser on the workspace's channel, recording every template.updated it receives. */
async function listen(workspaceId: string) {
  const c = client(realtime.server, signedBy(serverSdk(realtime.server, realtime.secret)));
  clients.push(c);
  const channel = c.subscribe(workspaceChannel(workspaceId));
  const events: Record<string, unknown>[] = [];
  channel.bind("template.updated", (data: Record<string, unknown>) => events.push(data));
  await nextEvent(channel, "pusher:subscription_succeeded");
  return { channel, events };
}

/**
 * Runs the route's after() work for the webhooks the emulator has sent: its setTemplate* calls
 * resolve once their webhook was answered, so the event is queued by then. (emulator.settle()
 * would also wait for the reviews scheduled an hour ahead.)
 */
async function webhooksDone() {
  await drainAfter();
}

/** Waits for a scheduled review's webhook to be processed into the row. */
async function reviewed(id: string, status: string) {
  await vi.waitFor(
    async () => {
      await drainAfter();
      expect((await row(id)).status).toBe(status);
    },
    { timeout: 10_000, interval: 50 },
  );
}

let names = 0;
function draft(overrides: Partial<TemplateDraftInput> = {}): TemplateDraftInput {
  names += 1;
  return {
    name: `order_update_${names}`,
    language: "en_US",
    category: "UTILITY",
    body: { text: "Hi {{1}}, your order {{2}} is ready for pickup.", examples: { "1": "Budi", "2": "#12" } },
    footer: "Thank you for shopping with us",
    buttons: [{ type: "QUICK_REPLY", text: "Thanks" }],
    ...overrides,
  };
}

const metaTemplate = (name: string, language = "en_US") => emulator.templates().find((t) => t.name === name && t.language === language);
const row = (id: string) => prisma.template.findUniqueOrThrow({ where: { id } });

async function refusal(promise: Promise<unknown>): Promise<InstanceType<typeof AppError>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as InstanceType<typeof AppError>;
}

describe("submit → review → webhook → status", () => {
  it("sends the draft to Meta, stores PENDING with Meta's id, and turns APPROVED live when Meta's webhook comes", async () => {
    const browser = await listen(tenant.workspace.id);
    const input = draft();
    const { template, warnings } = await submitTemplate(tenant.admin.ctx, { draft: input });
    expect(warnings).toEqual([]);
    expect(template).toMatchObject({
      name: input.name,
      status: "PENDING",
      category: "UTILITY",
      metaId: expect.stringMatching(/^\d+$/),
      lastError: null,
      hasDraft: true,
    });
    expect(template.can).toEqual({ submit: false, edit: false, categoryLocked: false, nextEditAt: null });
    const atMeta = metaTemplate(input.name!)!;
    expect(atMeta).toMatchObject({ id: template.metaId, status: "PENDING", category: "UTILITY" });
    expect(atMeta.components).toEqual(expect.arrayContaining([expect.objectContaining({ type: "BODY", text: input.body!.text })]));

    const approved = nextEvent<Record<string, unknown>>(browser.channel, "template.updated", 10_000);
    await emulator.setTemplateStatus({ id: template.metaId! }, "APPROVED");
    await webhooksDone();
    expect(await row(template.id)).toMatchObject({ status: "APPROVED", rejectedReason: null });
    // The PENDING signal of the submit may be first; the last one says APPROVED.
    await approved;
    await vi.waitFor(() => expect(browser.events.at(-1)).toMatchObject({ templateId: template.id, status: "APPROVED" }));
    expect((await getTemplate(tenant.agent.ctx, template.id)).can).toMatchObject({ edit: true, categoryLocked: true });
  });

  it("keeps Meta's rejection reason, then an edit sends the new content and puts it back in review", async () => {
    emulator.setReviewPolicy({ delayMs: 20, outcome: "reject", reason: "INVALID_FORMAT" });
    const { template } = await submitTemplate(tenant.owner.ctx, { draft: draft() });
    await reviewed(template.id, "REJECTED");
    expect(await row(template.id)).toMatchObject({ status: "REJECTED", rejectedReason: "INVALID_FORMAT" });

    emulator.setReviewPolicy({ delayMs: 20, outcome: "approve" });
    const fixed = {
      ...template.draft,
      category: "MARKETING" as const,
      body: { text: "Hi {{1}}, your order {{2}} ships today with free delivery.", examples: { "1": "Budi", "2": "#12" } },
    };
    const edited = await editTemplate(tenant.admin.ctx, { id: template.id, draft: fixed });
    // A rejected template may change category; its edits are not counted against Meta's limit.
    expect(edited.template).toMatchObject({ status: "PENDING", category: "MARKETING", rejectedReason: null, editCount: 0 });
    expect(metaTemplate(template.name)).toMatchObject({
      category: "MARKETING",
      components: expect.arrayContaining([expect.objectContaining({ text: fixed.body.text })]),
    });
    await reviewed(template.id, "APPROVED");
    expect(await row(template.id)).toMatchObject({
      status: "APPROVED",
      draft: expect.objectContaining({ body: expect.objectContaining({ text: fixed.body.text }) }),
    });
  });
});

describe("edit", () => {
  it("edits an approved template once a day, never its category, name or language", async () => {
    const { template } = await submitTemplate(tenant.admin.ctx, { draft: draft() });
    await emulator.setTemplateStatus({ id: template.metaId! }, "APPROVED");
    await webhooksDone();

    const current = (await getTemplate(tenant.admin.ctx, template.id)).draft;
    expect(
      (await refusal(editTemplate(tenant.admin.ctx, { id: template.id, draft: { ...current, category: "MARKETING" } }))).messageKey,
    ).toBe("templateCategoryLocked");
    expect((await refusal(editTemplate(tenant.admin.ctx, { id: template.id, draft: { ...current, name: "renamed" } }))).messageKey).toBe(
      "templateRenameNotAllowed",
    );
    expect((await refusal(editTemplate(tenant.admin.ctx, { id: template.id, draft: { ...current, language: "id" } }))).field).toBe(
      "language",
    );

    const changed = { ...current, footer: "Questions? Reply to this message" };
    const { template: edited } = await editTemplate(tenant.admin.ctx, { id: template.id, draft: changed });
    expect(edited).toMatchObject({ status: "PENDING", editCount: 1, lastEditedAt: expect.any(Date) });
    expect(metaTemplate(template.name)!.components).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "FOOTER", text: changed.footer })]),
    );

    await emulator.setTemplateStatus({ id: template.metaId! }, "APPROVED");
    await webhooksDone();
    // Within the same second this approval's webhook is byte for byte the first one (Meta's entry
    // time has seconds), which the ingest stores once as a replay: set the row as the webhook would.
    await prisma.template.update({ where: { id: template.id }, data: { status: "APPROVED" } });
    const again = await refusal(editTemplate(tenant.admin.ctx, { id: template.id, draft: changed }));
    expect(again).toMatchObject({ code: "conflict", messageKey: "templateEditTooSoon", params: { hours: 24 } });
  });

  it("refuses a pending template and a local draft (Meta allows edits of approved, rejected and paused ones only)", async () => {
    const { template } = await submitTemplate(tenant.admin.ctx, { draft: draft() });
    expect(await refusal(editTemplate(tenant.admin.ctx, { id: template.id, draft: template.draft }))).toMatchObject({
      messageKey: "templateNotEditable",
      params: { status: "PENDING" },
    });
    const local = await saveTemplateDraft(tenant.admin.ctx, { draft: draft() });
    expect((await refusal(editTemplate(tenant.admin.ctx, { id: local.id, draft: local.draft }))).messageKey).toBe("templateNotEditable");
  });
});

describe("refusals", () => {
  it("the server's lint: nothing goes to Meta, nothing is stored, every problem names its field", async () => {
    const before = emulator.templates().length;
    const bad = draft({ name: "Order Update", body: { text: "{{1}} is ready {{3}}", examples: {} } });
    const error = await refusal(submitTemplate(tenant.admin.ctx, { draft: bad }));
    expect(error).toBeInstanceOf(TemplateLintError);
    expect(error).toMatchObject({ code: "invalid", messageKey: "templateInvalid", field: "name" });
    const problems = (error as InstanceType<typeof TemplateLintError>).problems;
    expect(problems.filter((p) => p.severity === "error").map((p) => p.path)).toEqual(
      expect.arrayContaining(["name", "body.text", "body.examples.1"]),
    );
    expect(emulator.templates()).toHaveLength(before);
    expect(await prisma.template.count({ where: { workspaceId: tenant.workspace.id, name: "Order Update" } })).toBe(0);
  });

  it("Meta's refusal, with its code and its own text; the draft stays, with lastError, and a retry can submit it", async () => {
    // The WABA already has hello_world in en_US; this workspace has not synced, so only Meta knows.
    const clash = draft({ name: "hello_world" });
    const error = await refusal(submitTemplate(tenant.admin.ctx, { draft: clash }));
    expect(error).toMatchObject({
      code: "invalid",
      messageKey: "templateMetaRefused",
      params: { code: "100 / 2388024", message: expect.stringMatching(/already en_US content for this template/) },
    });
    const stored = await prisma.template.findFirstOrThrow({ where: { workspaceId: tenant.workspace.id, name: "hello_world" } });
    expect(stored).toMatchObject({
      status: "DRAFT",
      metaId: null,
      lastError: { code: 100, subcode: 2388024, title: "Content in this language already exists" },
    });
    expect((await getTemplate(tenant.agent.ctx, stored.id)).can.submit).toBe(true);
    // Submitted from a new builder, the refusal names the draft it kept, for the builder to go on from.
    expect(error.params.templateId).toBe(stored.id);
    await deleteTemplate(tenant.admin.ctx, { id: stored.id, scope: "language" });
  });

  it("an agent reads templates but cannot save, submit, edit, duplicate, delete or upload", async () => {
    const local = await saveTemplateDraft(tenant.admin.ctx, { draft: draft() });
    const agent = tenant.agent.ctx;
    for (const attempt of [
      saveTemplateDraft(agent, { draft: draft() }),
      submitTemplate(agent, { draft: draft() }),
      editTemplate(agent, { id: local.id, draft: local.draft }),
      duplicateTemplate(agent, { id: local.id, language: "id" }),
      deleteTemplate(agent, { id: local.id, scope: "all" }),
      uploadTemplateSample(agent, { fileName: "a.jpg", mimeType: "image/jpeg", bytes: JPEG }),
    ]) {
      expect((await refusal(attempt)).code).toBe("forbidden");
    }
    expect((await listTemplates(agent)).map((t) => t.id)).toContain(local.id);
    expect((await getTemplate(agent, local.id)).draft.name).toBe(local.name);
    expect(await row(local.id)).toMatchObject({ status: "DRAFT" });
  });

  it("without a connection there is nothing to submit to", async () => {
    const { createTenant } = await import("@/test/fixtures/tenants");
    const lonely = await createTenant("Lonely");
    await prisma.whatsappConnection.deleteMany({ where: { workspaceId: lonely.workspace.id } });
    expect((await refusal(submitTemplate(lonely.admin.ctx, { draft: draft() }))).messageKey).toBe("notConnected");
    expect(await syncTemplates(lonely.agent.ctx)).toEqual({ synced: 0, skipped: 0 });
  });
});

describe("drafts", () => {
  it("saves a half-written draft locally, again under the same id, and refuses a clash, a nameless one and a submitted one", async () => {
    const before = emulator.templates().length;
    const first = await saveTemplateDraft(tenant.admin.ctx, {
      draft: { name: " promo_sale ", language: "en_US", category: "MARKETING", body: { text: "Big {{1" } },
    });
    expect(first).toMatchObject({ name: "promo_sale", status: "DRAFT", metaId: null, hasDraft: true, can: { submit: true, edit: false } });
    const again = await saveTemplateDraft(tenant.admin.ctx, {
      id: first.id,
      draft: { ...first.draft, body: { text: "Big sale {{1}} today", examples: { "1": "50%" } } },
    });
    expect(again.id).toBe(first.id);
    expect(again.draft.body.text).toBe("Big sale {{1}} today");
    expect(emulator.templates()).toHaveLength(before);

    expect(await refusal(saveTemplateDraft(tenant.admin.ctx, { draft: { ...first.draft } }))).toMatchObject({
      code: "conflict",
      messageKey: "templateNameTaken",
      params: { name: "promo_sale", language: "en_US" },
      field: "name",
    });
    expect((await refusal(saveTemplateDraft(tenant.admin.ctx, { draft: { ...first.draft, name: "  " } }))).messageKey).toBe(
      "templateNameRequired",
    );

    const submitted = await submitTemplate(tenant.admin.ctx, { id: first.id, draft: { ...again.draft } });
    expect(submitted.template).toMatchObject({ id: first.id, status: "PENDING" });
    expect((await refusal(saveTemplateDraft(tenant.admin.ctx, { id: first.id, draft: again.draft }))).messageKey).toBe("templateNotDraft");
    expect((await refusal(submitTemplate(tenant.admin.ctx, { id: first.id, draft: again.draft }))).messageKey).toBe("templateNotDraft");
  });
});

describe("delete", () => {
  it("deletes one language by hsm_id, then every language by name; Meta first, then the rows", async () => {
    const english = await submitTemplate(tenant.admin.ctx, { draft: draft({ name: "bye_note" }) });
    const indonesian = await submitTemplate(tenant.admin.ctx, { draft: draft({ name: "bye_note", language: "id" }) });
    const spanish = await saveTemplateDraft(tenant.admin.ctx, { draft: draft({ name: "bye_note", language: "es" }) });

    expect(await deleteTemplate(tenant.admin.ctx, { id: english.template.id, scope: "language" })).toEqual({
      deleted: [english.template.id],
    });
    expect(
      emulator
        .templates()
        .filter((t) => t.name === "bye_note")
        .map((t) => t.language),
    ).toEqual(["id"]);

    const all = await deleteTemplate(tenant.owner.ctx, { id: indonesian.template.id, scope: "all" });
    expect(all.deleted.sort()).toEqual([indonesian.template.id, spanish.id].sort());
    expect(emulator.templates().some((t) => t.name === "bye_note")).toBe(false);
    expect(await prisma.template.count({ where: { workspaceId: tenant.workspace.id, name: "bye_note" } })).toBe(0);
  });

  it("deletes a local draft without asking Meta; a template Meta no longer has is removed too", async () => {
    const local = await saveTemplateDraft(tenant.admin.ctx, { draft: draft() });
    const gone = await submitTemplate(tenant.admin.ctx, { draft: draft() });
    await clientForConnection((await connectionForWorkspace(tenant.workspace.id))!).deleteTemplate({ name: gone.template.name });
    const before = emulator.templates().length;
    expect(await deleteTemplate(tenant.admin.ctx, { id: local.id, scope: "language" })).toEqual({ deleted: [local.id] });
    expect(emulator.templates()).toHaveLength(before);
    expect(await deleteTemplate(tenant.admin.ctx, { id: gone.template.id, scope: "language" })).toEqual({ deleted: [gone.template.id] });
  });
});

describe("duplicate", () => {
  it("copies a template into another language as a DRAFT, refusing a language it already has", async () => {
    const { template } = await submitTemplate(tenant.admin.ctx, { draft: draft() });
    const copy = await duplicateTemplate(tenant.admin.ctx, { id: template.id, language: "id" });
    expect(copy).toMatchObject({ name: template.name, language: "id", status: "DRAFT", metaId: null, category: "UTILITY" });
    expect(copy.draft.body).toEqual(template.draft.body);
    expect(copy.draft.buttons).toEqual(template.draft.buttons);

    expect((await refusal(duplicateTemplate(tenant.admin.ctx, { id: template.id, language: "id" }))).messageKey).toBe("templateNameTaken");
    expect((await refusal(duplicateTemplate(tenant.admin.ctx, { id: template.id, language: "en_US" }))).messageKey).toBe(
      "templateNameTaken",
    );
    expect((await refusal(duplicateTemplate(tenant.admin.ctx, { id: template.id, language: "xx_YY" }))).messageKey).toBe(
      "templateLanguageUnsupported",
    );
  });

  it("duplicates a template that came from a sync (its draft read back from Meta's components)", async () => {
    await syncTemplates(tenant.agent.ctx);
    const shipped = await prisma.template.findFirstOrThrow({ where: { workspaceId: tenant.workspace.id, name: "order_shipped" } });
    expect(shipped.draft).toBeNull();
    const copy = await duplicateTemplate(tenant.admin.ctx, { id: shipped.id, language: "pt_BR" });
    expect(copy.draft).toMatchObject({
      body: { text: "Hi {{1}}, your order {{2}} is on its way.", examples: { "1": "Sheena", "2": "#1042" } },
    });
    expect(copy.draft.buttons).toEqual([
      { type: "QUICK_REPLY", text: "Track it" },
      { type: "QUICK_REPLY", text: "Stop updates" },
    ]);
  });
});

describe("sync", () => {
  it("stores quality and parameter format, keeps local drafts and a draft Meta still matches, drops one Meta's side changed", async () => {
    const local = await saveTemplateDraft(tenant.admin.ctx, { draft: draft() });
    const kept = await submitTemplate(tenant.admin.ctx, { draft: draft() });
    const changed = await submitTemplate(tenant.admin.ctx, { draft: draft() });
    await emulator.setTemplateStatus({ id: kept.template.metaId! }, "APPROVED");
    await emulator.setTemplateStatus({ id: changed.template.metaId! }, "APPROVED");
    // Edited in Meta's manager, not in Parley: the webhook is drained away, the sync finds it.
    await clientForConnection((await connectionForWorkspace(tenant.workspace.id))!).editTemplate(changed.template.metaId!, {
      components: [{ type: "BODY", text: "Completely new words from Meta's manager" }],
    });
    await webhooksDone();
    await emulator.setTemplateQuality({ id: kept.template.metaId! }, "RED");

    const result = await syncTemplates(tenant.agent.ctx);
    expect(result.skipped).toBe(0);
    expect(await row(local.id)).toMatchObject({ status: "DRAFT", metaId: null });
    const keptRow = await row(kept.template.id);
    expect(keptRow).toMatchObject({
      qualityScore: "RED",
      parameterFormat: "POSITIONAL",
      syncedAt: expect.any(Date),
      draft: expect.objectContaining({ name: kept.template.name }),
    });
    expect(keptRow.qualityUpdatedAt).toBeInstanceOf(Date);
    const changedRow = await row(changed.template.id);
    expect(changedRow).toMatchObject({ status: "PENDING", draft: null });
    expect((await getTemplate(tenant.agent.ctx, changed.template.id)).draft.body.text).toBe("Completely new words from Meta's manager");
  });

  it("syncAllTemplates syncs every workspace with a connection and goes on past one that fails", async () => {
    const broken = await connectedTenant("Broken", emulatorNumber("Broken"));
    const result = await syncAllTemplates();
    expect(result.workspaces).toBeGreaterThanOrEqual(2);
    expect(result.failed).toBeGreaterThanOrEqual(1);
    expect(result.incomplete).toBe(false);
    expect(await prisma.template.count({ where: { workspaceId: broken.workspace.id } })).toBe(0);
    expect(await prisma.template.count({ where: { workspaceId: tenant.workspace.id, name: "hello_world", syncedAt: { not: null } } })).toBe(
      1,
    );
    expect(await syncAllTemplates({ deadline: new Date(Date.now() - 1) })).toMatchObject({ synced: 0, incomplete: true });
  });
});

describe("quality and category webhooks", () => {
  it("reach the row and the open browsers", async () => {
    const browser = await listen(tenant.workspace.id);
    const { template } = await submitTemplate(tenant.admin.ctx, { draft: draft() });
    await emulator.setTemplateStatus({ id: template.metaId! }, "APPROVED");
    await emulator.setTemplateQuality({ id: template.metaId! }, "YELLOW");
    await emulator.changeTemplateCategory({ id: template.metaId! }, "MARKETING");
    await webhooksDone();
    expect(await row(template.id)).toMatchObject({
      status: "APPROVED",
      qualityScore: "YELLOW",
      category: "MARKETING",
      previousCategory: "UTILITY",
    });
    await vi.waitFor(() =>
      expect(browser.events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ templateId: template.id, qualityScore: "YELLOW" }),
          expect.objectContaining({ templateId: template.id, category: "MARKETING" }),
        ]),
      ),
    );
  });
});

describe("samples", () => {
  it("uploads a sample to Meta through the resumable upload, checked against Meta's sample limits first", async () => {
    const sample = await uploadTemplateSample(tenant.admin.ctx, { fileName: "banner.jpg", mimeType: "image/jpeg", bytes: JPEG });
    expect(sample).toEqual({ handle: expect.any(String), fileName: "banner.jpg", mimeType: "image/jpeg", size: JPEG.length, mediaUploadId: expect.any(String) });
    expect(emulator.templateSampleBytes(sample.handle)).toEqual(JPEG);
    // Parley keeps its own copy for the builder's preview: a stored media row of the workspace, no message.
    expect(await prisma.media.findUniqueOrThrow({ where: { id: sample.mediaUploadId } })).toMatchObject({
      workspaceId: tenant.workspace.id,
      direction: "outbound",
      status: "stored",
      messageId: null,
      fileSize: JPEG.length,
      filename: "banner.jpg",
    });

    // The handle goes into the header's example: Meta takes the template.
    const withImage = await submitTemplate(tenant.admin.ctx, {
      draft: draft({
        category: "MARKETING",
        header: { format: "IMAGE", sample },
        body: { text: "Our new collection is here for you, {{1}}, come and see it.", examples: { "1": "Budi" } },
      }),
    });
    expect(metaTemplate(withImage.template.name)!.components).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "HEADER", format: "IMAGE", example: { header_handle: [sample.handle] } })]),
    );

    const before = emulator.templateSamples().length;
    expect(await refusal(uploadTemplateSample(tenant.admin.ctx, { fileName: "a.gif", mimeType: "image/gif", bytes: JPEG }))).toMatchObject({
      messageKey: "templateSampleType",
      field: "file",
    });
    expect(
      (await refusal(uploadTemplateSample(tenant.admin.ctx, { fileName: "a.jpg", mimeType: "image/jpeg", bytes: JPEG, format: "VIDEO" })))
        .messageKey,
    ).toBe("templateSampleType");
    const huge = new Uint8Array(5 * 1024 * 1024 + 1);
    expect(
      await refusal(uploadTemplateSample(tenant.admin.ctx, { fileName: "big.png", mimeType: "image/png", bytes: huge })),
    ).toMatchObject({ messageKey: "templateSampleTooLarge", params: { max: "5 MB" } });
    expect(emulator.templateSamples()).toHaveLength(before);
  });
});
