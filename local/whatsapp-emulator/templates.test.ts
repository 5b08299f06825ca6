/** Message templates on the WABA: list (paging), create (validation, 2388024), review webhook, delete, status changes. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { type GraphErrorBody, graph, type Receiver, send, startEmulator, startReceiver, WABA_ID } from "./test-support";

let receiver: Receiver;
let emulator: RunningEmulator;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startEmulator(receiver, { templateReview: { delayMs: 150 } });
});
afterEach(async () => {
  await emulator.settle();
  emulator.reset();
  receiver.received.length = 0;
});
afterAll(async () => {
  await emulator.stop();
  await receiver.close();
});

interface TemplateList {
  data: { name: string; language: string; status: string; category: string; id: string; components: unknown[]; parameter_format: string }[];
  paging: { cursors: { before?: string; after?: string }; next?: string; previous?: string };
}

const ORDER_TEMPLATE = {
  name: "order_confirmation",
  language: "en_US",
  category: "UTILITY",
  components: [
    { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["#1"] } },
    { type: "BODY", text: "Hi {{1}}, we got your order {{2}} and will ship it soon.", example: { body_text: [["Ana", "#1"]] } },
    { type: "FOOTER", text: "Acme" },
    {
      type: "BUTTONS",
      buttons: [
        { type: "QUICK_REPLY", text: "Thanks" },
        { type: "URL", text: "Track", url: "https://acme.example/t/{{1}}", example: ["https://acme.example/t/1"] },
      ],
    },
  ],
};

function create(body: Record<string, unknown>) {
  return graph<{ id: string; status: string; category: string } & GraphErrorBody>(
    emulator,
    "POST",
    `/v23.0/${WABA_ID}/message_templates`,
    body,
  );
}

describe("GET message_templates", () => {
  it("lists the seeded templates in Meta's shape", async () => {
    const response = await graph<TemplateList>(emulator, "GET", `/v23.0/${WABA_ID}/message_templates`);
    expect(response.status).toBe(200);
    expect(response.body.data.map((template) => template.name)).toEqual(["hello_world", "order_shipped"]);
    expect(response.body.data[0]).toEqual({
      name: "hello_world",
      parameter_format: "POSITIONAL",
      components: expect.arrayContaining([expect.objectContaining({ type: "BODY" })]),
      language: "en_US",
      status: "APPROVED",
      category: "UTILITY",
      id: expect.stringMatching(/^\d{15}$/),
    });
    expect(response.body.paging).toEqual({ cursors: { before: expect.any(String), after: expect.any(String) } });
  });

  it("filters by name and pages with limit and the after cursor", async () => {
    for (const suffix of ["a", "b", "c"])
      expect((await create({ ...ORDER_TEMPLATE, name: `promo_${suffix}`, category: "MARKETING" })).status).toBe(200);
    const filtered = await graph<TemplateList>(emulator, "GET", `/v23.0/${WABA_ID}/message_templates?name=promo_b`);
    expect(filtered.body.data.map((template) => template.name)).toEqual(["promo_b"]);

    const first = await graph<TemplateList>(emulator, "GET", `/v23.0/${WABA_ID}/message_templates?limit=2&fields=name,status`);
    expect(first.body.data).toEqual([
      { name: "hello_world", status: "APPROVED", id: expect.any(String) },
      { name: "order_shipped", status: "APPROVED", id: expect.any(String) },
    ]);
    expect(first.body.paging.next).toContain("after=");
    const second = await graph<TemplateList>(
      emulator,
      "GET",
      new URL(first.body.paging.next!).pathname + new URL(first.body.paging.next!).search,
    );
    expect(second.body.data.map((template) => template.name)).toEqual(["promo_a", "promo_b"]);
    expect(second.body.paging.previous).toContain("before=");
    const third = await graph<TemplateList>(
      emulator,
      "GET",
      `/v23.0/${WABA_ID}/message_templates?limit=2&after=${second.body.paging.cursors.after}`,
    );
    expect(third.body.data.map((template) => template.name)).toEqual(["promo_c"]);
    expect(third.body.paging.next).toBeUndefined();
  });

  it("filters by status", async () => {
    await create(ORDER_TEMPLATE);
    const pending = await graph<TemplateList>(emulator, "GET", `/v23.0/${WABA_ID}/message_templates?status=PENDING`);
    expect(pending.body.data.map((template) => template.name)).toEqual(["order_confirmation"]);
  });
});

describe("POST message_templates and the review", () => {
  it("creates as PENDING, then approves with a message_template_status_update webhook", async () => {
    const response = await create(ORDER_TEMPLATE);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: expect.stringMatching(/^\d{15}$/), status: "PENDING", category: "UTILITY" });

    const early = await send(emulator, { type: "template", template: { name: "order_confirmation", language: { code: "en_US" } } });
    expect(early.body.error.code).toBe(132001);

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
                event: "APPROVED",
                message_template_id: Number(response.body.id),
                message_template_name: "order_confirmation",
                message_template_language: "en_US",
                reason: "NONE",
                message_template_category: "UTILITY",
              },
            },
          ],
        },
      ],
    });

    const sent = await send(emulator, {
      type: "template",
      template: {
        name: "order_confirmation",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "text", text: "#7" }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Ana" },
              { type: "text", text: "#7" },
            ],
          },
          { type: "button", sub_type: "url", index: "1", parameters: [{ type: "text", text: "7" }] },
        ],
      },
    });
    expect(sent.status).toBe(200);
    const noHeader = await send(emulator, {
      type: "template",
      template: {
        name: "order_confirmation",
        language: { code: "en_US" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "Ana" },
              { type: "text", text: "#7" },
            ],
          },
        ],
      },
    });
    expect(noHeader.body.error).toMatchObject({ code: 132000 });
    expect(noHeader.body.error.error_data!.details).toMatch(/^header: /);
  });

  it("rejects when the review says so (injectable random)", async () => {
    const strict = await startEmulator(receiver, { templateReview: { delayMs: 5, rejectProbability: 1 }, random: () => 0 });
    try {
      const response = await graph<{ id: string }>(strict, "POST", `/v23.0/${WABA_ID}/message_templates`, ORDER_TEMPLATE);
      await strict.settle();
      expect(receiver.templateUpdates()).toEqual([
        expect.objectContaining({ event: "REJECTED", message_template_id: Number(response.body.id), reason: "INVALID_FORMAT" }),
      ]);
      const list = await graph<TemplateList>(strict, "GET", `/v23.0/${WABA_ID}/message_templates?name=order_confirmation`);
      expect(list.body.data[0]).toMatchObject({ status: "REJECTED", rejected_reason: "INVALID_FORMAT" });
      expect(
        (await send(strict, { type: "template", template: { name: "order_confirmation", language: { code: "en_US" } } })).body.error.code,
      ).toBe(132001);
    } finally {
      await strict.stop();
    }
  });

  it("allows the same name in another language, refuses a duplicate with subcode 2388024", async () => {
    expect((await create(ORDER_TEMPLATE)).status).toBe(200);
    expect((await create({ ...ORDER_TEMPLATE, language: "id" })).status).toBe(200);
    const duplicate = await create(ORDER_TEMPLATE);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error).toMatchObject({
      message: "Invalid parameter",
      type: "OAuthException",
      code: 100,
      error_subcode: 2388024,
      error_user_title: "Content in this language already exists",
    });
  });

  it.each([
    ["no name", { ...ORDER_TEMPLATE, name: undefined }, "(#100) The parameter name is required"],
    ["no language", { ...ORDER_TEMPLATE, language: undefined }, "(#100) The parameter language is required"],
    ["no category", { ...ORDER_TEMPLATE, category: undefined }, "(#100) The parameter category is required"],
    ["no components", { ...ORDER_TEMPLATE, components: undefined }, "(#100) The parameter components is required"],
    ["an upper-case name", { ...ORDER_TEMPLATE, name: "Order_Confirmation" }, "Name Format is Incorrect"],
    ["a name with dashes", { ...ORDER_TEMPLATE, name: "order-confirmation" }, "Name Format is Incorrect"],
    ["a name over 512", { ...ORDER_TEMPLATE, name: "a".repeat(513) }, "Character limit exceeded"],
    ["a bad language", { ...ORDER_TEMPLATE, language: "English" }, "Invalid language"],
    ["a bad category", { ...ORDER_TEMPLATE, category: "PROMOTIONAL" }, "Invalid category"],
    ["empty components", { ...ORDER_TEMPLATE, components: [] }, "Invalid components"],
    ["no BODY", { ...ORDER_TEMPLATE, components: [{ type: "FOOTER", text: "x" }] }, "Invalid components"],
    ["a body over 1024", { ...ORDER_TEMPLATE, components: [{ type: "BODY", text: "a".repeat(1025) }] }, "Character limit exceeded"],
    ["a gap in the variables", { ...ORDER_TEMPLATE, components: [{ type: "BODY", text: "Hi {{2}}" }] }, "Message body format is incorrect"],
    [
      "a bad header format",
      {
        ...ORDER_TEMPLATE,
        components: [
          { type: "HEADER", format: "GIF" },
          { type: "BODY", text: "x" },
        ],
      },
      "Invalid components",
    ],
    [
      "eleven buttons",
      {
        ...ORDER_TEMPLATE,
        components: [
          { type: "BODY", text: "x" },
          { type: "BUTTONS", buttons: Array.from({ length: 11 }, () => ({ type: "QUICK_REPLY", text: "b" })) },
        ],
      },
      "Invalid buttons",
    ],
  ])("refuses %s", async (_name, body, expected) => {
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(100);
    if (expected.startsWith("(#")) expect(response.body.error.message).toBe(expected);
    else expect(response.body.error.error_user_title).toBe(expected);
  });
});

describe("DELETE message_templates", () => {
  it("deletes every language of a name", async () => {
    await create(ORDER_TEMPLATE);
    await create({ ...ORDER_TEMPLATE, language: "id" });
    const response = await graph(emulator, "DELETE", `/v23.0/${WABA_ID}/message_templates?name=order_confirmation`);
    expect(response.body).toEqual({ success: true });
    expect(emulator.templates().some((template) => template.name === "order_confirmation")).toBe(false);
  });

  it("deletes one language by hsm_id", async () => {
    const english = await create(ORDER_TEMPLATE);
    await create({ ...ORDER_TEMPLATE, language: "id" });
    await graph(emulator, "DELETE", `/v23.0/${WABA_ID}/message_templates?name=order_confirmation&hsm_id=${english.body.id}`);
    expect(
      emulator
        .templates()
        .filter((template) => template.name === "order_confirmation")
        .map((template) => template.language),
    ).toEqual(["id"]);
  });

  it("wants a name, and an existing one", async () => {
    expect((await graph<GraphErrorBody>(emulator, "DELETE", `/v23.0/${WABA_ID}/message_templates`)).body.error.message).toBe(
      "(#100) The parameter name is required",
    );
    const missing = await graph<GraphErrorBody>(emulator, "DELETE", `/v23.0/${WABA_ID}/message_templates?name=nope`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 100, error_user_title: "Message template not found" });
  });
});

describe("status changes", () => {
  it("pauses and disables with a webhook, and sending answers 132015 / 132016", async () => {
    await emulator.setTemplateStatus({ name: "hello_world", language: "en_US" }, "PAUSED");
    expect(receiver.templateUpdates().at(-1)).toMatchObject({
      event: "PAUSED",
      message_template_name: "hello_world",
      other_info: { title: "FIRST_PAUSE" },
    });
    expect(
      (await send(emulator, { type: "template", template: { name: "hello_world", language: { code: "en_US" } } })).body.error.code,
    ).toBe(132015);

    await emulator.setTemplateStatus({ name: "hello_world", language: "en_US" }, "DISABLED");
    expect(
      (await send(emulator, { type: "template", template: { name: "hello_world", language: { code: "en_US" } } })).body.error.code,
    ).toBe(132016);

    await emulator.setTemplateStatus({ name: "hello_world", language: "en_US" }, "APPROVED");
    expect((await send(emulator, { type: "template", template: { name: "hello_world", language: { code: "en_US" } } })).status).toBe(200);
  });
});
