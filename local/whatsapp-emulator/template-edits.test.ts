/** GET and POST (edit) /{template-id}: Meta's edit rules, the new review, and sends while PENDING again. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { type GraphErrorBody, graph, PHONE_ID, type Receiver, send, startEmulator, startReceiver, WABA_ID } from "./test-support";

let receiver: Receiver;
let emulator: RunningEmulator;
let clock = Date.UTC(2026, 0, 1);

beforeAll(async () => {
  receiver = await startReceiver();
  // The review waits for a long time: each test moves templates on by hand, or settles a short policy.
  emulator = await startEmulator(receiver, { templateReview: { delayMs: 60_000 }, now: () => clock });
});
afterEach(async () => {
  emulator.reset();
  await emulator.settle();
  receiver.received.length = 0;
});
afterAll(async () => {
  await emulator.stop();
  await receiver.close();
});

const DAY = 24 * 3600 * 1000;

const PROMO = {
  name: "spring_sale",
  language: "en_US",
  category: "MARKETING",
  components: [{ type: "BODY", text: "Hello {{1}}, our spring sale starts today with great prices.", example: { body_text: [["Ana"]] } }],
};

const NEW_BODY = [
  { type: "BODY", text: "Hello {{1}}, our spring sale ends this Sunday, do not miss it.", example: { body_text: [["Ana"]] } },
];

async function created(status: "APPROVED" | "REJECTED" | "PAUSED" | "PENDING" | "DISABLED" = "APPROVED"): Promise<string> {
  const response = await graph<{ id: string }>(emulator, "POST", `/v23.0/${WABA_ID}/message_templates`, PROMO);
  if (status !== "PENDING")
    await emulator.setTemplateStatus({ id: response.body.id }, status, status === "REJECTED" ? "TAG_CONTENT_MISMATCH" : undefined);
  return response.body.id;
}

function edit(id: string, body: unknown) {
  return graph<{ success: boolean } & GraphErrorBody>(emulator, "POST", `/v23.0/${id}`, body);
}

function sendPromo() {
  return send(emulator, {
    type: "template",
    template: {
      name: "spring_sale",
      language: { code: "en_US" },
      components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }],
    },
  });
}

describe("GET /{template-id}", () => {
  it("answers the node, or the fields asked for (quality_score among them)", async () => {
    const id = await created("PENDING");
    const node = await graph(emulator, "GET", `/v23.0/${id}`);
    expect(node.body).toEqual({
      name: "spring_sale",
      parameter_format: "POSITIONAL",
      components: PROMO.components,
      language: "en_US",
      status: "PENDING",
      category: "MARKETING",
      id,
    });
    const some = await graph(emulator, "GET", `/v23.0/${id}?fields=status,quality_score,sub_category`);
    expect(some.body).toEqual({ status: "PENDING", quality_score: { score: "UNKNOWN", date: Math.floor(clock / 1000) }, id });
  });

  it("refuses an unknown field, another WABA's token, and leaves phone and media ids alone", async () => {
    const id = await created("PENDING");
    const bad = await graph<GraphErrorBody>(emulator, "GET", `/v23.0/${id}?fields=nope`);
    expect(bad.body.error.message).toBe("(#100) Tried accessing nonexisting field (nope) on node type (WhatsAppMessageTemplate)");
    const stranger = await startEmulator(undefined, {
      phoneNumbers: [
        ...emulator.phoneNumbers,
        {
          phoneNumberId: "100000000000009",
          wabaId: "200000000000009",
          displayPhoneNumber: "+1 555-010-0009",
          verifiedName: "Other",
          accessToken: "other-token",
        },
      ],
    });
    try {
      const own = await graph<{ id: string }>(stranger, "POST", `/v23.0/${WABA_ID}/message_templates`, PROMO);
      const denied = await graph<GraphErrorBody>(stranger, "GET", `/v23.0/${own.body.id}`, undefined, "other-token");
      expect(denied.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    } finally {
      await stranger.stop();
    }
    expect((await graph(emulator, "GET", `/v23.0/${PHONE_ID}`)).body).toMatchObject({ id: PHONE_ID });
  });
});

describe("POST /{template-id}", () => {
  it("edits an APPROVED template: {success: true}, PENDING again, sends refused with 132001, then approved by review", async () => {
    const id = await created("APPROVED");
    expect((await sendPromo()).status).toBe(200);

    const response = await edit(id, { components: NEW_BODY });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true });
    const node = await graph<{ status: string; components: unknown[] }>(emulator, "GET", `/v23.0/${id}?fields=status,components`);
    expect(node.body).toMatchObject({ status: "PENDING", components: NEW_BODY });
    expect((await sendPromo()).body.error.code).toBe(132001);
  });

  it("re-reviews an edit by the policy in force when it was made", async () => {
    emulator.setReviewPolicy({ delayMs: 5 });
    const id = await created("REJECTED");
    receiver.received.length = 0;
    expect((await edit(id, { components: NEW_BODY })).body).toEqual({ success: true });
    await emulator.settle();
    expect(receiver.templateUpdates()).toEqual([
      expect.objectContaining({ event: "APPROVED", message_template_id: Number(id), reason: "NONE" }),
    ]);
    expect((await sendPromo()).status).toBe(200);
  });

  it("changes the category of a REJECTED or PAUSED template, not of an APPROVED one", async () => {
    const rejected = await created("REJECTED");
    expect((await edit(rejected, { category: "UTILITY" })).body).toEqual({ success: true });
    expect(emulator.templates().find((template) => template.id === rejected)).toMatchObject({ category: "UTILITY", status: "PENDING" });

    await emulator.setTemplateStatus({ id: rejected }, "PAUSED");
    expect((await edit(rejected, { category: "MARKETING" })).status).toBe(200);

    await emulator.setTemplateStatus({ id: rejected }, "APPROVED");
    const refused = await edit(rejected, { category: "UTILITY", components: NEW_BODY });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100, error_user_title: "Category can't be changed" });
    expect((await edit(rejected, { category: "MARKETING", components: NEW_BODY })).status).toBe(200);
  });

  it.each(["PENDING", "DISABLED"] as const)("refuses to edit a %s template with 2388039", async (status) => {
    const id = await created(status);
    const response = await edit(id, { components: NEW_BODY });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      message: "Invalid parameter",
      code: 100,
      error_subcode: 2388039,
      error_user_title: "Message template status can't be changed",
    });
  });

  it("lets an APPROVED template be edited once in 24 hours and 10 times in 30 days; REJECTED ones freely", async () => {
    const id = await created("APPROVED");
    expect((await edit(id, { components: NEW_BODY })).status).toBe(200);
    await emulator.setTemplateStatus({ id }, "APPROVED");
    clock += DAY - 1;
    const tooSoon = await edit(id, { components: PROMO.components });
    expect(tooSoon.body.error).toMatchObject({ error_subcode: 2388039 });
    expect(tooSoon.body.error.error_user_msg).toContain("once in 24 hours");

    // A rejected template is not counted nor limited.
    await emulator.setTemplateStatus({ id }, "REJECTED");
    expect((await edit(id, { components: PROMO.components })).status).toBe(200);

    for (let edits = 1; edits < 10; edits++) {
      clock += DAY;
      await emulator.setTemplateStatus({ id }, "APPROVED");
      expect((await edit(id, { components: edits % 2 ? PROMO.components : NEW_BODY })).status).toBe(200);
    }
    clock += DAY;
    await emulator.setTemplateStatus({ id }, "APPROVED");
    const eleventh = await edit(id, { components: NEW_BODY });
    expect(eleventh.body.error.error_user_msg).toContain("10 times in 30 days");
    clock += 30 * DAY;
    expect((await edit(id, { components: NEW_BODY })).status).toBe(200);
  });

  it("checks the edit like a creation (missing example → 2388043), and keeps the template unchanged when refused", async () => {
    const id = await created("APPROVED");
    const response = await edit(id, { components: [{ type: "BODY", text: "Hello {{1}}, the sale ends this week." }] });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 100, error_subcode: 2388043 });
    expect(emulator.templates().find((template) => template.id === id)).toMatchObject({ status: "APPROVED", components: PROMO.components });
    expect((await edit(id, {})).body.error.message).toBe("(#100) The parameter components is required");
  });
});
