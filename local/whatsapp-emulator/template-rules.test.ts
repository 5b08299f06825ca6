/** Meta's template rules on POST message_templates: each one accepted and refused, with Meta's subcodes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { sampleMedia } from "./media-samples";
import { type GraphErrorBody, graph, startEmulator, uploadSample, WABA_ID } from "./test-support";

let emulator: RunningEmulator;
let image: string;
let video: string;
let pdf: string;

// No reset between tests (it would forget the samples): every template gets a name of its own instead.
beforeAll(async () => {
  emulator = await startEmulator(undefined, { templateReview: { delayMs: 60_000 } });
  image = await uploadSample(emulator, sampleMedia("image").bytes, "image/jpeg", "h.jpg");
  video = emulator.uploadTemplateSample(sampleMedia("video").bytes, "video/mp4");
  pdf = emulator.uploadTemplateSample(sampleMedia("document").bytes, "application/pdf");
});

afterAll(() => emulator.stop());

let counter = 0;
function create(category: string, components: unknown[], extra: Record<string, unknown> = {}) {
  return graph<{ id: string; status: string } & GraphErrorBody>(emulator, "POST", `/v23.0/${WABA_ID}/message_templates`, {
    name: `rule_${++counter}`,
    language: "en_US",
    category,
    components,
    ...extra,
  });
}

const BODY = { type: "BODY", text: "Thanks for your order, we will let you know when it ships." };
const body = (text: string, values?: string[]) => ({ type: "BODY", text, ...(values ? { example: { body_text: [values] } } : {}) });

function expectRefused(response: Awaited<ReturnType<typeof create>>, title: string, subcode?: number) {
  expect(response.status).toBe(400);
  expect(response.body.error).toMatchObject({ message: "Invalid parameter", type: "OAuthException", code: 100, error_user_title: title });
  expect(response.body.error.error_subcode).toBe(subcode);
  expect(response.body.error.error_user_msg).toEqual(expect.any(String));
}

describe("variables and examples", () => {
  it("accepts positional and named variables with their examples", async () => {
    expect((await create("UTILITY", [body("Hi {{1}}, your order {{2}} is on its way to you.", ["Ana", "#7"])])).status).toBe(200);
    const named = await create(
      "UTILITY",
      [
        {
          type: "HEADER",
          format: "TEXT",
          text: "Order {{order}}",
          example: { header_text_named_params: [{ param_name: "order", example: "#7" }] },
        },
        {
          type: "BODY",
          text: "Hi {{first_name}}, your order is on its way to you.",
          example: { body_text_named_params: [{ param_name: "first_name", example: "Ana" }] },
        },
      ],
      { parameter_format: "NAMED" },
    );
    expect(named.status).toBe(200);
    // Order of appearance is free; the numbers just may not have gaps.
    expect((await create("UTILITY", [body("Dear {{2}}, order {{1}} left our warehouse today.", ["#7", "Ana"])])).status).toBe(200);
  });

  it.each([
    [
      "a body variable without example",
      [body("Hi {{1}}, your order is on its way to you.")],
      'Message template "components" param is missing expected field(s)',
      2388043,
    ],
    [
      "a header variable without example",
      [{ type: "HEADER", format: "TEXT", text: "Order {{1}}" }, BODY],
      'Message template "components" param is missing expected field(s)',
      2388043,
    ],
    ["too few examples", [body("Hi {{1}}, order {{2}} is on its way to you.", ["Ana"])], "Invalid example", undefined],
    ["an empty example", [body("Hi {{1}}, your order is on its way to you.", [""])], "Invalid example", undefined],
    [
      "a gap in the numbers",
      [body("Hi {{1}}, your order {{3}} is on its way.", ["Ana", "#7"])],
      "Message body format is incorrect",
      2388072,
    ],
    ["{{0}}", [body("Hi {{0}}, your order is on its way to you.", ["Ana"])], "Message body format is incorrect", 2388072],
    [
      "a named variable in a positional template",
      [body("Hi {{name}}, your order is on its way.", ["Ana"])],
      "Message body format is incorrect",
      2388072,
    ],
    [
      "two adjacent variables",
      [body("Hi {{1}} {{2}}, your order is on its way to you.", ["Ana", "Lee"])],
      "Message body format is incorrect",
      2388072,
    ],
    [
      "a body starting with a variable",
      [body("{{1}}, your order is on its way to you.", ["Ana"])],
      "Leading or trailing parameters not allowed",
      2388299,
    ],
    [
      "a body ending with a variable (punctuation aside)",
      [body("Your order is on its way to {{1}}.", ["Ana"])],
      "Leading or trailing parameters not allowed",
      2388299,
    ],
    [
      "too many variables for the words",
      [body("Hi {{1}}, {{2}} at {{3}} now.", ["a", "b", "c"])],
      "Parameters words ratio exceeds limit",
      2388293,
    ],
    [
      "two header variables",
      [{ type: "HEADER", format: "TEXT", text: "{{1}} and {{2}}", example: { header_text: ["a", "b"] } }, BODY],
      "Message header format is incorrect",
      2388047,
    ],
    ["a footer variable", [BODY, { type: "FOOTER", text: "Ref {{1}}" }], "Message footer format is incorrect", 2388073],
  ])("refuses %s", async (_name, components, title, subcode) => {
    expectRefused(await create("UTILITY", components), title, subcode);
  });

  it("refuses a named template's variable without its named example", async () => {
    const response = await create(
      "UTILITY",
      [
        {
          type: "BODY",
          text: "Hi {{first_name}}, your order is here.",
          example: { body_text_named_params: [{ param_name: "other", example: "x" }] },
        },
      ],
      { parameter_format: "NAMED" },
    );
    expectRefused(response, "Invalid example");
  });
});

describe("lengths (2388040)", () => {
  it.each([
    ["a header over 60", [{ type: "HEADER", format: "TEXT", text: "h".repeat(61) }, BODY]],
    ["a body over 1024", [body("b ".repeat(513))]],
    ["a footer over 60", [BODY, { type: "FOOTER", text: "f".repeat(61) }]],
    ["a button text over 25", [BODY, { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "q".repeat(26) }] }]],
    ["a copy code over 15", [BODY, { type: "BUTTONS", buttons: [{ type: "COPY_CODE", example: "C".repeat(16) }] }]],
  ])("refuses %s", async (_name, components) => {
    expectRefused(await create("MARKETING", components), "Character limit exceeded", 2388040);
  });

  it("accepts the limits exactly", async () => {
    const response = await create("MARKETING", [
      { type: "HEADER", format: "TEXT", text: "h".repeat(60) },
      { type: "BODY", text: "b".repeat(1024) },
      { type: "FOOTER", text: "f".repeat(60) },
      {
        type: "BUTTONS",
        buttons: [
          { type: "QUICK_REPLY", text: "q".repeat(25) },
          { type: "COPY_CODE", example: "C".repeat(15) },
        ],
      },
    ]);
    expect(response.status).toBe(200);
  });
});

describe("media and location headers", () => {
  it("accepts IMAGE, VIDEO and DOCUMENT headers with a handle of the right type, and LOCATION", async () => {
    for (const [format, handle] of [
      ["IMAGE", image],
      ["VIDEO", video],
      ["DOCUMENT", pdf],
    ] as const)
      expect((await create("MARKETING", [{ type: "HEADER", format, example: { header_handle: [handle] } }, BODY])).status).toBe(200);
    expect((await create("UTILITY", [{ type: "header", format: "location" }, BODY])).status).toBe(200);
    const listed = emulator.templates().at(-1)!;
    expect(listed.components[0]).toEqual({ type: "HEADER", format: "LOCATION" });
  });

  it("refuses a media header without a handle (2388043), with a handle it never issued, or of another type", async () => {
    expectRefused(
      await create("MARKETING", [{ type: "HEADER", format: "IMAGE" }, BODY]),
      'Message template "components" param is missing expected field(s)',
      2388043,
    );
    expectRefused(
      await create("MARKETING", [{ type: "HEADER", format: "IMAGE", example: { header_handle: ["https://cdn.example.com/h.jpg"] } }, BODY]),
      "Invalid media sample",
    );
    const mismatch = await create("MARKETING", [{ type: "HEADER", format: "IMAGE", example: { header_handle: [pdf] } }, BODY]);
    expectRefused(mismatch, "Invalid media sample");
    expect(mismatch.body.error.error_user_msg).toBe(
      "The IMAGE header's sample is application/pdf; a IMAGE sample must be image/jpeg or image/png.",
    );
    expectRefused(
      await create("MARKETING", [{ type: "HEADER", format: "VIDEO", example: { header_handle: [image] } }, BODY]),
      "Invalid media sample",
    );
  });
});

describe("buttons", () => {
  const buttons = (...list: Record<string, unknown>[]) => [BODY, { type: "BUTTONS", buttons: list }];
  const qr = (text = "Yes") => ({ type: "QUICK_REPLY", text });
  const url = (extra: Record<string, unknown> = {}) => ({ type: "URL", text: "Track", url: "https://shop.example/track", ...extra });
  const phone = (number = "+15550100001") => ({ type: "PHONE_NUMBER", text: "Call us", phone_number: number });

  it("accepts every kind within Meta's counts, quick replies grouped", async () => {
    const response = await create(
      "MARKETING",
      buttons(
        qr("A"),
        qr("B"),
        qr("C"),
        url({ url: "https://shop.example/t/{{1}}", example: ["https://shop.example/t/42"] }),
        url(),
        phone(),
        { type: "COPY_CODE", example: "SAVE10" },
      ),
    );
    expect(response.status).toBe(200);
    expect((await create("MARKETING", buttons(url(), qr("A"), qr("B")))).status).toBe(200);
    expect((await create("MARKETING", buttons(...Array.from({ length: 10 }, (_, i) => qr(`Q${i}`))))).status).toBe(200);
  });

  it.each([
    ["11 buttons", Array.from({ length: 11 }, (_, i) => qr(`Q${i}`)), "Invalid buttons"],
    ["three URL buttons", [url(), url(), url()], "Invalid buttons"],
    ["two phone buttons", [phone(), phone()], "Invalid buttons"],
    [
      "two copy code buttons",
      [
        { type: "COPY_CODE", example: "A" },
        { type: "COPY_CODE", example: "B" },
      ],
      "Invalid buttons",
    ],
    ["quick replies around a URL", [qr("A"), url(), qr("B")], "Invalid buttons"],
    ["a URL that is not one", [url({ url: "shop.example/track" })], "Invalid buttons"],
    [
      "a URL variable in the middle",
      [url({ url: "https://shop.example/{{1}}/track", example: ["https://shop.example/1/track"] })],
      "Invalid buttons",
    ],
    ["two URL variables", [url({ url: "https://shop.example/{{1}}{{2}}", example: ["https://shop.example/12"] })], "Invalid buttons"],
    [
      "a URL variable without example",
      [url({ url: "https://shop.example/t/{{1}}" })],
      'Message template "components" param is missing expected field(s)',
    ],
    ["a URL example that is no URL", [url({ url: "https://shop.example/t/{{1}}", example: ["42"] })], "Invalid example"],
    ["a phone number without +", [phone("15550100001")], "Invalid buttons"],
    ["a copy code without example", [{ type: "COPY_CODE" }], 'Message template "components" param is missing expected field(s)'],
    ["a quick reply without text", [{ type: "QUICK_REPLY" }], "Invalid buttons"],
    ["an OTP button outside authentication", [{ type: "OTP", otp_type: "COPY_CODE" }], "Invalid buttons"],
  ])("refuses %s", async (_name, list, title) => {
    const response = await create("MARKETING", buttons(...list));
    expectRefused(response, title, title.startsWith("Message template") ? 2388043 : undefined);
  });
});

describe("authentication templates", () => {
  const copyCode = { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy code" }] };
  const oneTap = {
    type: "OTP",
    otp_type: "ONE_TAP",
    text: "Copy code",
    autofill_text: "Autofill",
    package_name: "com.example.parley",
    signature_hash: "K8a/AINcGX7",
  };

  it("accepts Meta's preset body, an expiry footer and one COPY_CODE or ONE_TAP button", async () => {
    const response = await create(
      "AUTHENTICATION",
      [{ type: "BODY", add_security_recommendation: true }, { type: "FOOTER", code_expiration_minutes: 10 }, copyCode],
      { message_send_ttl_seconds: 300 },
    );
    expect(response.status).toBe(200);
    expect((await create("AUTHENTICATION", [{ type: "BODY" }, { type: "BUTTONS", buttons: [oneTap] }])).status).toBe(200);
    const apps = {
      ...oneTap,
      package_name: undefined,
      signature_hash: undefined,
      supported_apps: [{ package_name: "com.example.a", signature_hash: "K8a/AINcGX7" }],
    };
    expect((await create("AUTHENTICATION", [{ type: "BODY" }, { type: "BUTTONS", buttons: [apps] }])).status).toBe(200);
  });

  it.each([
    ["custom body text", [{ type: "BODY", text: "Your code is {{1}} for sure.", example: { body_text: [["1"]] } }, copyCode]],
    ["a header", [{ type: "HEADER", format: "TEXT", text: "Code" }, { type: "BODY" }, copyCode]],
    ["a media header", [{ type: "HEADER", format: "IMAGE", example: { header_handle: ["x"] } }, { type: "BODY" }, copyCode]],
    ["an expiry of 0", [{ type: "BODY" }, { type: "FOOTER", code_expiration_minutes: 0 }, copyCode]],
    ["an expiry of 91", [{ type: "BODY" }, { type: "FOOTER", code_expiration_minutes: 91 }, copyCode]],
    ["footer text", [{ type: "BODY" }, { type: "FOOTER", text: "Hi" }, copyCode]],
    ["no buttons", [{ type: "BODY" }]],
    ["a URL button", [{ type: "BODY" }, { type: "BUTTONS", buttons: [{ type: "URL", text: "Go", url: "https://a.example" }] }]],
    [
      "a quick reply beside the OTP",
      [{ type: "BODY" }, { type: "BUTTONS", buttons: [copyCode.buttons[0], { type: "QUICK_REPLY", text: "No" }] }],
    ],
    ["ONE_TAP without its app", [{ type: "BODY" }, { type: "BUTTONS", buttons: [{ ...oneTap, package_name: undefined }] }]],
    ["ONE_TAP with a bad signature hash", [{ type: "BODY" }, { type: "BUTTONS", buttons: [{ ...oneTap, signature_hash: "short" }] }]],
    ["an unknown otp_type", [{ type: "BODY" }, { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "SMS" }] }]],
  ])("refuses %s", async (_name, components) => {
    expectRefused(await create("AUTHENTICATION", components), "Invalid authentication template");
  });
});

describe("carousel templates", () => {
  const card = (format = "IMAGE", handle?: string, cardButtons?: Record<string, unknown>[]) => ({
    components: [
      { type: "header", format: format.toLowerCase(), example: { header_handle: [handle ?? (format === "IMAGE" ? image : video)] } },
      { type: "body", text: "Fresh lemons, use code {{1}} today.", example: { body_text: [["15OFF"]] } },
      {
        type: "buttons",
        buttons: cardButtons ?? [
          { type: "quick_reply", text: "More like this" },
          { type: "url", text: "Buy", url: "https://shop.example/p?c={{1}}", example: ["https://shop.example/p?c=lemon"] },
        ],
      },
    ],
  });
  const carousel = (cards: unknown[]) => [
    { type: "body", text: "Summer is here! Use code {{1}} to get a discount on your order.", example: { body_text: [["15OFF"]] } },
    { type: "carousel", cards },
  ];

  it("accepts 2 to 10 alike cards and lists them upper-cased", async () => {
    expect((await create("MARKETING", carousel([card(), card()]))).status).toBe(200);
    const stored = emulator.templates().at(-1)!.components[1] as {
      type: string;
      cards: { components: { type: string; format?: string }[] }[];
    };
    expect(stored.type).toBe("CAROUSEL");
    expect(stored.cards[0]!.components.map((part) => [part.type, part.format])).toEqual([
      ["HEADER", "IMAGE"],
      ["BODY", undefined],
      ["BUTTONS", undefined],
    ]);
    expect((await create("MARKETING", carousel(Array.from({ length: 10 }, () => card("VIDEO"))))).status).toBe(200);
  });

  it.each([
    ["one card", () => carousel([card()])],
    ["eleven cards", () => carousel(Array.from({ length: 11 }, () => card()))],
    ["mixed header formats", () => carousel([card("IMAGE"), card("VIDEO")])],
    ["different buttons", () => carousel([card(), card("IMAGE", undefined, [{ type: "quick_reply", text: "More" }])])],
    [
      "three buttons on a card",
      () =>
        carousel([
          card(
            "IMAGE",
            undefined,
            [1, 2, 3].map((n) => ({ type: "quick_reply", text: `B${n}` })),
          ),
        ]),
    ],
    ["a card without buttons", () => carousel([{ components: card().components.slice(0, 2) }, card()])],
    ["a DOCUMENT card header", () => carousel([card("DOCUMENT", pdf), card("DOCUMENT", pdf)])],
    ["a top-level header", () => [{ type: "HEADER", format: "TEXT", text: "Hi" }, ...carousel([card(), card()])]],
  ])("refuses %s", async (_name, components) => {
    expectRefused(await create("MARKETING", components()), "Invalid carousel");
  });

  it("refuses a card body over 160 (2388040), a card sample it never issued, and a UTILITY carousel", async () => {
    const long = card();
    long.components[1] = { type: "body", text: `${"x".repeat(150)} code {{1}} now`, example: { body_text: [["A"]] } };
    expectRefused(await create("MARKETING", carousel([long, card()])), "Character limit exceeded", 2388040);
    expectRefused(await create("MARKETING", carousel([card("IMAGE", "4::bogus"), card()])), "Invalid media sample");
    expectRefused(await create("UTILITY", carousel([card(), card()])), "Invalid carousel");
  });
});
