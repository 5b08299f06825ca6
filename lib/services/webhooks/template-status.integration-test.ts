/** `message_template_status_update`: the template of the workspace owning the WABA, by id or name + language. */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createNumber, deliver, fixtureFor, type Payload, type TestNumber } from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

const META_ID = "1689556908129832";

let number: TestNumber;
beforeEach(async () => {
  number = await createNumber("templates");
});

function template(
  workspaceId: string,
  data: { metaId?: string | null; status?: "PENDING" | "APPROVED" | "REJECTED"; language?: string } = {},
) {
  return prisma.template.create({
    data: {
      workspaceId,
      name: "order_confirmation",
      language: data.language ?? "en_US",
      category: "UTILITY",
      status: data.status ?? "PENDING",
      components: [],
      metaId: data.metaId === undefined ? META_ID : data.metaId,
    },
  });
}

const update = (fixture: string, target: TestNumber = number) => deliver(fixtureFor(fixture, target, uniqueSuffix()));
const row = (id: string) => prisma.template.findUniqueOrThrow({ where: { id } });

describe("message_template_status_update", () => {
  it("approves the template with Meta's id", async () => {
    const t = await template(number.workspaceId);
    const outcome = await update("template-approved");
    expect(outcome).toMatchObject({ result: "processed", templatesUpdated: 1, notes: [] });
    expect(await row(t.id)).toMatchObject({ status: "APPROVED", rejectedReason: null });
  });

  it("rejects with Meta's reason; a later approval clears it", async () => {
    const t = await template(number.workspaceId);
    await update("template-rejected");
    expect(await row(t.id)).toMatchObject({ status: "REJECTED", rejectedReason: "INCORRECT_CATEGORY" });
    await update("template-approved");
    expect(await row(t.id)).toMatchObject({ status: "APPROVED", rejectedReason: null });
  });

  it("pauses, keeping Meta's explanation (other_info, the reason being null) until an approval clears it", async () => {
    const t = await template(number.workspaceId, { status: "APPROVED" });
    await update("template-paused");
    expect(await row(t.id)).toMatchObject({ status: "PAUSED", rejectedReason: expect.stringMatching(/^Your WhatsApp message template has been paused/) });
    await update("template-approved");
    expect(await row(t.id)).toMatchObject({ status: "APPROVED", rejectedReason: null });
  });

  it("disables with Meta's reason", async () => {
    const t = await template(number.workspaceId, { status: "APPROVED" });
    const disabled = fixtureFor("template-paused", number, uniqueSuffix());
    Object.assign((((disabled.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload), { event: "DISABLED", reason: "LOW_QUALITY", other_info: null });
    const outcome = await deliver(disabled);
    expect(outcome.templates).toEqual([{ workspaceId: number.workspaceId, templateId: t.id, status: "DISABLED", qualityScore: null, category: "UTILITY" }]);
    expect(await row(t.id)).toMatchObject({ status: "DISABLED", rejectedReason: "LOW_QUALITY" });
  });

  it("matches by name and language when the id is not known yet, and records the id", async () => {
    const t = await template(number.workspaceId, { metaId: null });
    const other = await template(number.workspaceId, { metaId: null, language: "id" });
    await update("template-approved");
    expect(await row(t.id)).toMatchObject({ status: "APPROVED", metaId: META_ID });
    expect(await row(other.id)).toMatchObject({ status: "PENDING", metaId: null });
  });

  it("accepts Meta's template id sent as a string", async () => {
    const t = await template(number.workspaceId);
    const payload = fixtureFor("template-approved", number, uniqueSuffix());
    (((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload).message_template_id = META_ID;
    await deliver(payload);
    expect(await row(t.id)).toMatchObject({ status: "APPROVED" });
  });

  it("updates every workspace connected to the WABA, and no other", async () => {
    const sharing = await createNumber("templates-sharing", { wabaId: number.wabaId });
    const elsewhere = await createNumber("templates-elsewhere");
    const mine = await template(number.workspaceId);
    const theirs = await template(sharing.workspaceId);
    const unrelated = await template(elsewhere.workspaceId);
    expect((await update("template-approved")).templatesUpdated).toBe(2);
    expect(await row(mine.id)).toMatchObject({ status: "APPROVED" });
    expect(await row(theirs.id)).toMatchObject({ status: "APPROVED" });
    expect(await row(unrelated.id)).toMatchObject({ status: "PENDING" });
  });

  it("notes an unknown WABA, an unknown template and an event without a status of ours", async () => {
    const t = await template(number.workspaceId);
    expect((await update("template-approved", { ...number, wabaId: "777000777" })).notes).toEqual([
      expect.stringMatching(/unknown WABA 777000777/),
    ]);
    const stranger = await createNumber("templates-none");
    expect((await update("template-approved", stranger)).notes).toEqual([expect.stringMatching(/no such template/)]);

    const flagged = fixtureFor("template-approved", number, uniqueSuffix());
    (((flagged.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload).event = "FLAGGED";
    expect((await deliver(flagged)).notes).toEqual([expect.stringMatching(/event FLAGGED has no template status/)]);
    expect(await row(t.id)).toMatchObject({ status: "PENDING" });
  });
});

const valueOf = (payload: Payload) => ((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload;

describe("message_template_quality_update", () => {
  it("stores Meta's new score and when it came, and signals it with the row's status", async () => {
    const t = await template(number.workspaceId, { status: "APPROVED" });
    const outcome = await update("template-quality");
    expect(outcome).toMatchObject({ result: "processed", templatesUpdated: 1, notes: [] });
    expect(outcome.templates).toEqual([{ workspaceId: number.workspaceId, templateId: t.id, status: "APPROVED", qualityScore: "YELLOW", category: "UTILITY" }]);
    const stored = await row(t.id);
    expect(stored).toMatchObject({ status: "APPROVED", qualityScore: "YELLOW" });
    expect(stored.qualityUpdatedAt).toBeInstanceOf(Date);

    const red = fixtureFor("template-quality", number, uniqueSuffix());
    Object.assign(valueOf(red), { previous_quality_score: "YELLOW", new_quality_score: "red" });
    await deliver(red);
    expect(await row(t.id)).toMatchObject({ qualityScore: "RED" });
  });

  it("matches by name and language without a known id; a score Parley does not know reads UNKNOWN", async () => {
    const t = await template(number.workspaceId, { metaId: null, status: "APPROVED" });
    const odd = fixtureFor("template-quality", number, uniqueSuffix());
    valueOf(odd).new_quality_score = "PURPLE";
    await deliver(odd);
    expect(await row(t.id)).toMatchObject({ qualityScore: "UNKNOWN", metaId: META_ID });
  });

  it("notes a quality update that names no template, and one for a WABA no workspace holds", async () => {
    const broken = fixtureFor("template-quality", number, uniqueSuffix());
    const value = valueOf(broken);
    delete value.message_template_id;
    delete value.message_template_name;
    expect((await deliver(broken)).notes).toEqual([expect.stringMatching(/names no template/)]);
    expect((await update("template-quality", { ...number, wabaId: "777000778" })).notes).toEqual([expect.stringMatching(/unknown WABA 777000778/)]);
  });

  it("never touches a workspace without a connection on the WABA", async () => {
    const elsewhere = await createNumber("quality-elsewhere");
    const mine = await template(number.workspaceId, { status: "APPROVED" });
    const unrelated = await template(elsewhere.workspaceId, { status: "APPROVED" });
    await update("template-quality");
    expect(await row(mine.id)).toMatchObject({ qualityScore: "YELLOW" });
    expect(await row(unrelated.id)).toMatchObject({ qualityScore: null });
  });
});

describe("template_category_update", () => {
  it("moves the template to Meta's new category and keeps the one before", async () => {
    const t = await template(number.workspaceId, { status: "APPROVED" });
    const outcome = await update("template-category");
    expect(outcome).toMatchObject({ result: "processed", templatesUpdated: 1, notes: [] });
    expect(outcome.templates).toEqual([{ workspaceId: number.workspaceId, templateId: t.id, status: "APPROVED", qualityScore: null, category: "MARKETING" }]);
    expect(await row(t.id)).toMatchObject({ category: "MARKETING", previousCategory: "UTILITY" });
  });

  it("changes nothing for Meta's notice of an impending re-categorisation, and says so", async () => {
    const t = await template(number.workspaceId, { status: "APPROVED" });
    const outcome = await update("template-category-impending");
    expect(outcome).toMatchObject({ templatesUpdated: 0, notes: [expect.stringMatching(/will re-categorise it as MARKETING on 2025-06-16/)] });
    expect(await row(t.id)).toMatchObject({ category: "UTILITY", previousCategory: null });
  });

  it("ignores a category Parley does not model", async () => {
    const t = await template(number.workspaceId, { status: "APPROVED" });
    const odd = fixtureFor("template-category", number, uniqueSuffix());
    valueOf(odd).new_category = "SERVICE";
    expect((await deliver(odd)).notes).toEqual([expect.stringMatching(/category SERVICE is not one Parley models/)]);
    expect(await row(t.id)).toMatchObject({ category: "UTILITY" });
  });
});
