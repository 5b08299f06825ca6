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

  it("pauses", async () => {
    const t = await template(number.workspaceId, { status: "APPROVED" });
    await update("template-paused");
    expect(await row(t.id)).toMatchObject({ status: "PAUSED" });
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
