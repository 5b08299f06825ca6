/** The review policy, forced statuses, quality and category changes: control endpoints and Meta's webhooks. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { graph, type Receiver, send, startEmulator, startReceiver, WABA_ID } from "./test-support";

let receiver: Receiver;
let emulator: RunningEmulator;
let nextRandom = 0.9;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startEmulator(receiver, { templateReview: { delayMs: 5 }, random: () => nextRandom });
});
afterEach(async () => {
  // reset() first: it cancels the hour-long reviews some tests schedule, which settle() would wait for.
  emulator.reset();
  await emulator.settle();
  receiver.received.length = 0;
});
afterAll(async () => {
  await emulator.stop();
  await receiver.close();
});

const TEMPLATE = {
  name: "delivery_note",
  language: "en_US",
  category: "UTILITY",
  components: [{ type: "BODY", text: "Hi {{1}}, your parcel will arrive tomorrow morning.", example: { body_text: [["Ana"]] } }],
};

async function control<T = Record<string, unknown>>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function createTemplate(): Promise<string> {
  const response = await graph<{ id: string }>(emulator, "POST", `/v23.0/${WABA_ID}/message_templates`, TEMPLATE);
  return response.body.id;
}

const sendIt = () =>
  send(emulator, {
    type: "template",
    template: {
      name: "delivery_note",
      language: { code: "en_US" },
      components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }],
    },
  });

describe("the review policy", () => {
  it("rejects with the policy's reason: Meta's webhook, rejected_reason on the node, sends refused with 132001", async () => {
    const set = await control("templates/review", { delayMs: 5, outcome: "reject", reason: "TAG_CONTENT_MISMATCH" });
    expect(set).toEqual({ status: 200, body: { delayMs: 5, outcome: "reject", reason: "TAG_CONTENT_MISMATCH" } });
    const id = await createTemplate();
    await emulator.settle();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.signatureValid).toBe(true);
    expect(receiver.received[0]!.payload).toEqual({
      object: "whatsapp_business_account",
      entry: [
        {
          id: WABA_ID,
          time: expect.any(Number),
          changes: [
            {
              field: "message_template_status_update",
              value: {
                event: "REJECTED",
                message_template_id: Number(id),
                message_template_name: "delivery_note",
                message_template_language: "en_US",
                reason: "TAG_CONTENT_MISMATCH",
                message_template_category: "UTILITY",
              },
            },
          ],
        },
      ],
    });
    const node = await graph(emulator, "GET", `/v23.0/${id}?fields=status,rejected_reason`);
    expect(node.body).toEqual({ status: "REJECTED", rejected_reason: "TAG_CONTENT_MISMATCH", id });
    expect((await sendIt()).body.error.code).toBe(132001);
  });

  it("approves by default with reason NONE; random follows the injected random and rejectProbability", async () => {
    await createTemplate();
    await emulator.settle();
    expect(receiver.templateUpdates()).toEqual([expect.objectContaining({ event: "APPROVED", reason: "NONE" })]);
    expect((await sendIt()).status).toBe(200);

    emulator.setReviewPolicy({ delayMs: 5, outcome: "random", rejectProbability: 0.5 });
    expect(emulator.reviewPolicy()).toEqual({ delayMs: 5, outcome: "random", rejectProbability: 0.5 });
    // The coin is tossed when the review happens, so each template is reviewed before the next toss is set.
    nextRandom = 0.4;
    await graph(emulator, "POST", `/v23.0/${WABA_ID}/message_templates`, { ...TEMPLATE, name: "coin_low" });
    await emulator.settle();
    nextRandom = 0.6;
    await graph(emulator, "POST", `/v23.0/${WABA_ID}/message_templates`, { ...TEMPLATE, name: "coin_high" });
    await emulator.settle();
    expect(
      receiver
        .templateUpdates()
        .slice(1)
        .map((update) => [update.message_template_name, update.event, update.reason]),
    ).toEqual([
      ["coin_low", "REJECTED", "INVALID_FORMAT"],
      ["coin_high", "APPROVED", "NONE"],
    ]);
  });

  it("waits for delayMs: a long policy leaves the template PENDING until forced", async () => {
    await control("templates/review", { delayMs: 3_600_000 });
    const id = await createTemplate();
    expect((await graph(emulator, "GET", `/v23.0/${id}?fields=status`)).body).toEqual({ status: "PENDING", id });
    const forced = await control<{ status: string }>("templates/status", { id, status: "APPROVED" });
    expect(forced.body.status).toBe("APPROVED");
    expect(receiver.templateUpdates()).toEqual([expect.objectContaining({ event: "APPROVED", reason: "NONE" })]);
  });

  it("refuses a bad policy, and reset() restores the start option", async () => {
    const bad = await control<{ error: { message: string } }>("templates/review", { outcome: "maybe" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^outcome: /);
    await control("templates/review", { delayMs: 99 });
    emulator.reset();
    expect((await control("templates/review")).body).toEqual({ delayMs: 5 });
  });
});

describe("forced statuses", () => {
  it.each([
    ["REJECTED", "INCORRECT_CATEGORY", 132001],
    ["PAUSED", undefined, 132015],
    ["DISABLED", undefined, 132016],
  ] as const)("%s at once, with its webhook, and sends refused with %s", async (status, reason, code) => {
    await control("templates/review", { delayMs: 3_600_000 });
    const id = await createTemplate();
    await control("templates/status", { id, status: "APPROVED" });
    expect((await sendIt()).status).toBe(200);
    await control("templates/status", { name: "delivery_note", language: "en_US", status, reason });
    expect(receiver.templateUpdates().at(-1)).toMatchObject({
      event: status,
      message_template_id: Number(id),
      reason: reason ?? "NONE",
      message_template_category: "UTILITY",
    });
    expect((await sendIt()).body.error.code).toBe(code);
  });
});

describe("quality", () => {
  it("starts UNKNOWN; the control endpoint sets it and sends message_template_quality_update", async () => {
    await control("templates/review", { delayMs: 3_600_000 });
    const id = await createTemplate();
    const before = await graph<{ quality_score: { score: string; date: number } }>(emulator, "GET", `/v23.0/${id}?fields=quality_score`);
    expect(before.body.quality_score).toEqual({ score: "UNKNOWN", date: expect.any(Number) });

    const set = await control<{ qualityScore: { score: string } }>("templates/quality", {
      name: "delivery_note",
      language: "en_US",
      score: "YELLOW",
    });
    expect(set.status).toBe(200);
    expect(set.body.qualityScore.score).toBe("YELLOW");
    expect(receiver.received.at(-1)!.payload).toEqual({
      object: "whatsapp_business_account",
      entry: [
        {
          id: WABA_ID,
          time: expect.any(Number),
          changes: [
            {
              field: "message_template_quality_update",
              value: {
                previous_quality_score: "UNKNOWN",
                new_quality_score: "YELLOW",
                message_template_id: Number(id),
                message_template_name: "delivery_note",
                message_template_language: "en_US",
              },
            },
          ],
        },
      ],
    });

    await emulator.setTemplateQuality({ id }, "RED");
    expect(receiver.changes("message_template_quality_update").at(-1)).toMatchObject({
      previous_quality_score: "YELLOW",
      new_quality_score: "RED",
    });
    const listed = await graph<{ data: { quality_score: { score: string } }[] }>(
      emulator,
      "GET",
      `/v23.0/${WABA_ID}/message_templates?name=delivery_note&fields=name,quality_score`,
    );
    expect(listed.body.data).toEqual([{ name: "delivery_note", quality_score: { score: "RED", date: expect.any(Number) }, id }]);
  });

  it("refuses an unknown score or template", async () => {
    expect((await control("templates/quality", { name: "hello_world", language: "en_US", score: "BLUE" })).status).toBe(400);
    expect((await control("templates/quality", { id: "1", score: "GREEN" })).status).toBe(404);
    expect((await control("templates/quality", { name: "hello_world", score: "GREEN" })).status).toBe(400);
  });
});

describe("category", () => {
  it("changes it and sends template_category_update in Meta's shape", async () => {
    const set = await control<{ category: string }>("templates/category", {
      name: "hello_world",
      language: "en_US",
      category: "MARKETING",
    });
    expect(set.body.category).toBe("MARKETING");
    const helloId = emulator.templates().find((template) => template.name === "hello_world")!.id;
    expect(receiver.received.at(-1)!.payload.entry[0]!.changes).toEqual([
      {
        field: "template_category_update",
        value: {
          message_template_id: Number(helloId),
          message_template_name: "hello_world",
          message_template_language: "en_US",
          previous_category: "UTILITY",
          new_category: "MARKETING",
        },
      },
    ]);
    expect((await graph(emulator, "GET", `/v23.0/${helloId}?fields=category,previous_category`)).body).toEqual({
      category: "MARKETING",
      previous_category: "UTILITY",
      id: helloId,
    });

    await emulator.changeTemplateCategory({ id: helloId }, "UTILITY");
    expect(receiver.changes("template_category_update").at(-1)).toMatchObject({ previous_category: "MARKETING", new_category: "UTILITY" });
    // A status webhook after the change names the new category.
    await emulator.setTemplateStatus({ id: helloId }, "PAUSED");
    expect(receiver.templateUpdates().at(-1)).toMatchObject({ event: "PAUSED", message_template_category: "UTILITY" });
  });

  it("lists the uploaded samples over HTTP", async () => {
    const handle = emulator.uploadTemplateSample(Buffer.from("%PDF-1.4"), "application/pdf", "menu.pdf");
    const listed = await control<{ data: { handle: string; fileName: string; fileSize: number }[] }>("templates/samples");
    expect(listed.body.data).toEqual([expect.objectContaining({ handle, fileName: "menu.pdf", fileSize: 8, mimeType: "application/pdf" })]);
  });
});

describe("authentication templates", () => {
  it("take the code as the body's one parameter (Meta writes the body) and in the passcode button", async () => {
    await control("templates/review", { delayMs: 3_600_000 });
    const created = await graph<{ id: string }>(emulator, "POST", `/v23.0/${WABA_ID}/message_templates`, {
      name: "login_code",
      language: "en_US",
      category: "AUTHENTICATION",
      components: [
        { type: "BODY", add_security_recommendation: true },
        { type: "FOOTER", code_expiration_minutes: 10 },
        { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy code" }] },
      ],
    });
    expect(created.status).toBe(200);
    await control("templates/status", { id: created.body.id, status: "APPROVED" });
    const sendCode = (components: unknown[]) => send(emulator, { type: "template", template: { name: "login_code", language: { code: "en_US" }, components } });
    const code = [{ type: "text", text: "482913" }];
    expect((await sendCode([{ type: "body", parameters: code }, { type: "button", sub_type: "url", index: "0", parameters: code }])).status).toBe(200);
    expect((await sendCode([])).body.error.code).toBe(132000);
  });
});

describe("a number's quality", () => {
  it("sends phone_number_quality_update in Meta's shape when the rating crosses RED, and shows it on the node", async () => {
    const number = emulator.phoneNumbers[0]!;
    const set = await control<{ quality_rating: string }>("phone-numbers/quality", { quality: "RED" });
    expect(set).toEqual({ status: 200, body: { phone_number_id: number.phoneNumberId, quality_rating: "RED" } });
    expect(receiver.received.at(-1)!.payload).toEqual({
      object: "whatsapp_business_account",
      entry: [
        {
          id: WABA_ID,
          time: expect.any(Number),
          changes: [
            {
              field: "phone_number_quality_update",
              value: { display_phone_number: number.displayPhoneNumber.replace(/\D/g, ""), event: "FLAGGED", current_limit: "TIER_1K", max_daily_conversations_per_business: "TIER_1K" },
            },
          ],
        },
      ],
    });
    const node = await graph<{ quality_rating: string }>(emulator, "GET", `/v23.0/${number.phoneNumberId}?fields=quality_rating`);
    expect(node.body.quality_rating).toBe("RED");

    // YELLOW from RED is a recovery (UNFLAGGED); GREEN from YELLOW sends nothing.
    await control("phone-numbers/quality", { quality: "YELLOW" });
    expect(receiver.received.at(-1)!.payload.entry[0]!.changes[0]!.value).toMatchObject({ event: "UNFLAGGED" });
    const count = receiver.received.length;
    await control("phone-numbers/quality", { quality: "GREEN" });
    await emulator.settle();
    expect(receiver.received).toHaveLength(count);
    expect((await control("phone-numbers/quality", { quality: "BLUE" })).status).toBe(400);
  });
});
