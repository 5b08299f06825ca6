/** POST /{phone-number-id}/messages: every message type accepted, every validation error as Meta answers it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { sampleMedia } from "./media-samples";
import { CUSTOMER, send, startEmulator, upload, WAMID } from "./test-support";

let emulator: RunningEmulator;
let imageId: string;
let webpId: string;
let pdfId: string;
let audioId: string;

beforeAll(async () => {
  emulator = await startEmulator(undefined, {
    templates: [
      { name: "hello_world", language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Hello!" }] },
      {
        name: "order_update",
        language: "en_US",
        category: "UTILITY",
        components: [{ type: "BODY", text: "Hi {{1}}, order {{2}} shipped." }],
      },
      {
        name: "order_update",
        language: "id",
        category: "UTILITY",
        components: [{ type: "BODY", text: "Hai {{1}}, pesanan {{2}} dikirim." }],
      },
      {
        name: "promo_header",
        language: "en_US",
        category: "MARKETING",
        components: [
          { type: "HEADER", format: "IMAGE" },
          { type: "BODY", text: "Sale!" },
          { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Stop" }] },
        ],
      },
      {
        name: "named_params",
        language: "en_US",
        category: "UTILITY",
        parameterFormat: "NAMED",
        components: [{ type: "BODY", text: "Hi {{first_name}}" }],
      },
      { name: "pending_one", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "Soon" }], status: "PENDING" },
      { name: "rejected_one", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "No" }], status: "REJECTED" },
      { name: "paused_one", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "Paused" }], status: "PAUSED" },
      { name: "disabled_one", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "Off" }], status: "DISABLED" },
    ],
  });
  imageId = await upload(emulator, sampleMedia("image").bytes, "image/jpeg", "photo.jpg");
  webpId = await upload(emulator, sampleMedia("sticker").bytes, "image/webp", "sticker.webp");
  pdfId = await upload(emulator, sampleMedia("document").bytes, "application/pdf", "invoice.pdf");
  audioId = await upload(emulator, sampleMedia("voice").bytes, "audio/ogg", "note.ogg");
});
afterAll(() => emulator.stop());

describe("accepted sends", () => {
  it("answers Meta's success shape with a realistic wamid", async () => {
    const response = await send(emulator, { to: "+1 (650) 555-1234", type: "text", text: { body: "Hello" } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      messaging_product: "whatsapp",
      contacts: [{ input: "+1 (650) 555-1234", wa_id: CUSTOMER }],
      messages: [{ id: expect.stringMatching(WAMID), message_status: "accepted" }],
    });
    const wamid = response.body.messages[0]!.id;
    const decoded = Buffer.from(wamid.slice("wamid.".length), "base64");
    expect(decoded.subarray(3, 3 + CUSTOMER.length).toString()).toBe(CUSTOMER);
    expect(emulator.sentMessages().at(-1)).toMatchObject({
      wamid,
      to: "+1 (650) 555-1234",
      waId: CUSTOMER,
      type: "text",
      graphVersion: "v23.0",
    });
  });

  it("gives every message its own wamid", async () => {
    const [a, b] = await Promise.all([
      send(emulator, { type: "text", text: { body: "1" } }),
      send(emulator, { type: "text", text: { body: "2" } }),
    ]);
    expect(a.body.messages[0]!.id).not.toBe(b.body.messages[0]!.id);
  });

  const accepted: [string, () => Record<string, unknown>][] = [
    ["text with preview_url", () => ({ type: "text", text: { body: "https://example.com", preview_url: true } })],
    ["text without type (defaults to text)", () => ({ text: { body: "hi" } })],
    ["recipient_type individual", () => ({ recipient_type: "individual", type: "text", text: { body: "hi" } })],
    ["image by id with caption", () => ({ type: "image", image: { id: imageId, caption: "Look" } })],
    ["image by link", () => ({ type: "image", image: { link: "https://example.com/a.jpg" } })],
    ["video by link", () => ({ type: "video", video: { link: "https://example.com/a.mp4", caption: "Clip" } })],
    ["audio by id", () => ({ type: "audio", audio: { id: audioId } })],
    ["document by id with filename", () => ({ type: "document", document: { id: pdfId, filename: "invoice.pdf", caption: "Invoice" } })],
    ["document by link", () => ({ type: "document", document: { link: "https://example.com/a.pdf", filename: "a.pdf" } })],
    ["sticker by id", () => ({ type: "sticker", sticker: { id: webpId } })],
    ["location", () => ({ type: "location", location: { latitude: 37.4, longitude: -122.1, name: "Philz", address: "101 Forest Ave" } })],
    ["location with string coordinates", () => ({ type: "location", location: { latitude: "-6.2", longitude: "106.8" } })],
    [
      "contacts",
      () => ({
        type: "contacts",
        contacts: [
          { name: { formatted_name: "Lucía Gómez", first_name: "Lucía" }, phones: [{ phone: "+1 983 555 2319", type: "MOBILE" }] },
        ],
      }),
    ],
    [
      "interactive reply buttons",
      () => ({
        type: "interactive",
        interactive: {
          type: "button",
          header: { type: "image", image: { id: imageId } },
          body: { text: "Pick one" },
          footer: { text: "Acme" },
          action: { buttons: [1, 2, 3].map((n) => ({ type: "reply", reply: { id: `b${n}`, title: `Option ${n}` } })) },
        },
      }),
    ],
    [
      "interactive list",
      () => ({
        type: "interactive",
        interactive: {
          type: "list",
          header: { type: "text", text: "Shipping" },
          body: { text: "Choose a speed" },
          action: {
            button: "Options",
            sections: [
              { title: "Fast", rows: [{ id: "express", title: "Express", description: "Next day" }] },
              { title: "Slow", rows: Array.from({ length: 9 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` })) },
            ],
          },
        },
      }),
    ],
    [
      "interactive cta_url",
      () => ({
        type: "interactive",
        interactive: {
          type: "cta_url",
          body: { text: "See" },
          action: { name: "cta_url", parameters: { display_text: "Open", url: "https://example.com" } },
        },
      }),
    ],
    [
      "interactive location request",
      () => ({
        type: "interactive",
        interactive: { type: "location_request_message", body: { text: "Where are you?" }, action: { name: "send_location" } },
      }),
    ],
    ["template without parameters", () => ({ type: "template", template: { name: "hello_world", language: { code: "en_US" } } })],
    [
      "template with body parameters",
      () => ({
        type: "template",
        template: {
          name: "order_update",
          language: { code: "id", policy: "deterministic" },
          components: [
            {
              type: "body",
              parameters: [
                { type: "text", text: "Sheena" },
                { type: "text", text: "#1042" },
              ],
            },
          ],
        },
      }),
    ],
    [
      "template with image header and quick reply button",
      () => ({
        type: "template",
        template: {
          name: "promo_header",
          language: { code: "en_US" },
          components: [
            { type: "header", parameters: [{ type: "image", image: { link: "https://example.com/sale.jpg" } }] },
            { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: "STOP" }] },
          ],
        },
      }),
    ],
    [
      "template with named parameters",
      () => ({
        type: "template",
        template: {
          name: "named_params",
          language: { code: "en_US" },
          components: [{ type: "body", parameters: [{ type: "text", parameter_name: "first_name", text: "Ana" }] }],
        },
      }),
    ],
    [
      "reaction",
      () => ({ type: "reaction", reaction: { message_id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", emoji: "👍" } }),
    ],
    [
      "reaction removal (empty emoji)",
      () => ({ type: "reaction", reaction: { message_id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", emoji: "" } }),
    ],
    [
      "reply with context",
      () => ({
        type: "text",
        context: { message_id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=" },
        text: { body: "Re" },
      }),
    ],
    [
      "biz_opaque_callback_data of 512 characters",
      () => ({ type: "text", text: { body: "x" }, biz_opaque_callback_data: "c".repeat(512) }),
    ],
    ["text of 4096 characters", () => ({ type: "text", text: { body: "a".repeat(4096) } })],
  ];

  it.each(accepted)("accepts %s", async (_name, message) => {
    const response = await send(emulator, message());
    expect(response.body).toMatchObject({ messages: [{ message_status: "accepted" }] });
    expect(response.status).toBe(200);
  });

  it("records the request and biz_opaque_callback_data", async () => {
    const response = await send(emulator, { type: "text", text: { body: "tracked" }, biz_opaque_callback_data: "campaign:42:recipient:7" });
    const record = emulator.sentMessages().find((message) => message.wamid === response.body.messages[0]!.id);
    expect(record).toMatchObject({ bizOpaqueCallbackData: "campaign:42:recipient:7", request: { text: { body: "tracked" } } });
  });
});

describe("read receipts and typing indicators", () => {
  const inbound = "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAwMDAwMDAwMDAwMDAwMDAwMAA=";

  it("answers {success:true} and records the receipt", async () => {
    const response = await send(emulator, { to: undefined, status: "read", message_id: inbound });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true });
    expect(emulator.readReceipts().at(-1)).toMatchObject({ messageId: inbound, typingIndicator: false });
  });

  it("accepts a typing indicator", async () => {
    const response = await send(emulator, { to: undefined, status: "read", message_id: inbound, typing_indicator: { type: "text" } });
    expect(response.body).toEqual({ success: true });
    expect(emulator.readReceipts().at(-1)).toMatchObject({ typingIndicator: true });
  });

  it.each([
    ["no message_id", { status: "read" }, "(#100) The parameter message_id is required"],
    ["a message_id that is no wamid", { status: "read", message_id: "abc" }, "(#100) Invalid parameter"],
    ["another status", { status: "delivered", message_id: inbound }, "(#100) Invalid parameter"],
    ["a bad typing indicator", { status: "read", message_id: inbound, typing_indicator: { type: "audio" } }, "(#100) Invalid parameter"],
  ])("refuses %s", async (_name, body, message) => {
    const response = await send(emulator, { to: undefined, ...body });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 100, message });
  });
});

describe("validation errors", () => {
  const cases: [string, () => Record<string, unknown>, number, string | RegExp][] = [
    [
      "messaging_product missing",
      () => ({ messaging_product: undefined, type: "text", text: { body: "x" } }),
      100,
      "(#100) The parameter messaging_product is required",
    ],
    [
      "messaging_product not whatsapp",
      () => ({ messaging_product: "sms", type: "text", text: { body: "x" } }),
      100,
      "Param messaging_product must be 'whatsapp'.",
    ],
    ["to missing", () => ({ to: undefined, type: "text", text: { body: "x" } }), 100, "(#100) The parameter to is required"],
    [
      "to not a phone number",
      () => ({ to: "hello", type: "text", text: { body: "x" } }),
      100,
      "Param to (hello) is not a valid WhatsApp user phone number.",
    ],
    ["to too short", () => ({ to: "123", type: "text", text: { body: "x" } }), 100, /not a valid WhatsApp user phone number/],
    [
      "recipient_type group",
      () => ({ recipient_type: "group", type: "text", text: { body: "x" } }),
      100,
      "Param recipient_type must be 'individual'.",
    ],
    [
      "unknown type",
      () => ({ type: "carrier_pigeon", carrier_pigeon: {} }),
      100,
      /^Param type must be one of \{text, image, video, audio, document, sticker, location, contacts, interactive, template, reaction\}/,
    ],
    ["type object missing", () => ({ type: "image" }), 100, "(#100) The parameter image is required"],
    ["text body missing", () => ({ type: "text", text: {} }), 100, "The parameter text['body'] is required."],
    ["text body empty", () => ({ type: "text", text: { body: "" } }), 100, "Param text['body'] is required and must not be empty."],
    [
      "text body over 4096",
      () => ({ type: "text", text: { body: "a".repeat(4097) } }),
      100,
      "Param text['body'] must be at most 4096 characters long.",
    ],
    [
      "preview_url not boolean",
      () => ({ type: "text", text: { body: "a", preview_url: "yes" } }),
      100,
      "Param text['preview_url'] must be a boolean.",
    ],
    ["media without id or link", () => ({ type: "image", image: { caption: "x" } }), 100, "Either {id} or {link} is required in image."],
    [
      "media with id and link",
      () => ({ type: "image", image: { id: imageId, link: "https://example.com/a.jpg" } }),
      100,
      "Only one of {id} or {link} is allowed in image.",
    ],
    [
      "media id not uploaded",
      () => ({ type: "image", image: { id: "1234567890" } }),
      100,
      "Param image['id'] is not a valid whatsapp business account media attachment ID",
    ],
    ["media link not a URL", () => ({ type: "video", video: { link: "not a url" } }), 100, "Param video['link'] is not a valid URL."],
    [
      "media link not http",
      () => ({ type: "video", video: { link: "ftp://example.com/a.mp4" } }),
      100,
      "Param video['link'] must be an http(s) URL.",
    ],
    [
      "caption on audio",
      () => ({ type: "audio", audio: { id: audioId, caption: "x" } }),
      100,
      /audio\['caption'\] is not a valid parameter/,
    ],
    [
      "filename on image",
      () => ({ type: "image", image: { id: imageId, filename: "a.jpg" } }),
      100,
      /image\['filename'\] is only valid for document/,
    ],
    [
      "caption over 1024",
      () => ({ type: "image", image: { id: imageId, caption: "c".repeat(1025) } }),
      100,
      "Param image['caption'] must be at most 1024 characters long.",
    ],
    ["webp image", () => ({ type: "image", image: { id: webpId } }), 131053, /image\/webp/],
    [
      "pdf as a sticker",
      () => ({ type: "sticker", sticker: { id: pdfId } }),
      131053,
      "Media of type application/pdf cannot be sent as sticker.",
    ],
    [
      "location without latitude",
      () => ({ type: "location", location: { longitude: 1 } }),
      100,
      "The parameter location['latitude'] is required.",
    ],
    [
      "location latitude out of range",
      () => ({ type: "location", location: { latitude: 91, longitude: 1 } }),
      100,
      "Param location['latitude'] must be at most 90.",
    ],
    ["contacts empty", () => ({ type: "contacts", contacts: [] }), 100, "Param contacts must have at least 1 items."],
    [
      "contact without formatted_name",
      () => ({ type: "contacts", contacts: [{ name: { first_name: "A" } }] }),
      100,
      "The parameter contacts[0]['name']['formatted_name'] is required.",
    ],
    [
      "interactive without type",
      () => ({ type: "interactive", interactive: { body: { text: "x" } } }),
      100,
      "(#100) The parameter interactive['type'] is required",
    ],
    [
      "interactive of unknown type",
      () => ({ type: "interactive", interactive: { type: "carousel_of_doom" } }),
      100,
      /^Param interactive\['type'\] must be one of/,
    ],
    [
      "interactive button without body",
      () => ({
        type: "interactive",
        interactive: { type: "button", action: { buttons: [{ type: "reply", reply: { id: "a", title: "A" } }] } },
      }),
      100,
      "The parameter interactive['body'] is required.",
    ],
    [
      "no buttons",
      () => ({ type: "interactive", interactive: { type: "button", body: { text: "x" }, action: { buttons: [] } } }),
      100,
      "Param interactive['action']['buttons'] must have at least 1 items.",
    ],
    [
      "four buttons",
      () => ({
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "x" },
          action: { buttons: [1, 2, 3, 4].map((n) => ({ type: "reply", reply: { id: `${n}`, title: `${n}` } })) },
        },
      }),
      100,
      "Param interactive['action']['buttons'] must have at most 3 items.",
    ],
    [
      "button title over 20",
      () => ({
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "x" },
          action: { buttons: [{ type: "reply", reply: { id: "a", title: "t".repeat(21) } }] },
        },
      }),
      100,
      "Param interactive['action']['buttons'][0]['reply']['title'] must be at most 20 characters long.",
    ],
    [
      "duplicate button ids",
      () => ({
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "x" },
          action: {
            buttons: [
              { type: "reply", reply: { id: "a", title: "A" } },
              { type: "reply", reply: { id: "a", title: "B" } },
            ],
          },
        },
      }),
      100,
      "Button IDs must be unique (interactive['action']['buttons']).",
    ],
    [
      "button type not reply",
      () => ({
        type: "interactive",
        interactive: { type: "button", body: { text: "x" }, action: { buttons: [{ type: "url", reply: { id: "a", title: "A" } }] } },
      }),
      100,
      "Param interactive['action']['buttons'][0]['type'] must be one of {reply}.",
    ],
    [
      "list with 11 rows in total",
      () => ({
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: "x" },
          action: {
            button: "Open",
            sections: [
              { title: "A", rows: Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, title: `A${i}` })) },
              { title: "B", rows: Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, title: `B${i}` })) },
            ],
          },
        },
      }),
      100,
      "Total row count exceed max allowed count: 10 (interactive['action']['sections']).",
    ],
    [
      "list with 11 rows in one section",
      () => ({
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: "x" },
          action: { button: "Open", sections: [{ rows: Array.from({ length: 11 }, (_, i) => ({ id: `a${i}`, title: `A${i}` })) }] },
        },
      }),
      100,
      "Param interactive['action']['sections'][0]['rows'] must have at most 10 items.",
    ],
    [
      "list sections without titles",
      () => ({
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: "x" },
          action: { button: "Open", sections: [{ rows: [{ id: "a", title: "A" }] }, { rows: [{ id: "b", title: "B" }] }] },
        },
      }),
      100,
      "Section title is required when there is more than one section (interactive['action']['sections'][0]['title']).",
    ],
    [
      "list row title over 24",
      () => ({
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: "x" },
          action: { button: "Open", sections: [{ rows: [{ id: "a", title: "t".repeat(25) }] }] },
        },
      }),
      100,
      "Param interactive['action']['sections'][0]['rows'][0]['title'] must be at most 24 characters long.",
    ],
    [
      "list button label over 20",
      () => ({
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: "x" },
          action: { button: "b".repeat(21), sections: [{ rows: [{ id: "a", title: "A" }] }] },
        },
      }),
      100,
      "Param interactive['action']['button'] must be at most 20 characters long.",
    ],
    [
      "template without name",
      () => ({ type: "template", template: { language: { code: "en_US" } } }),
      100,
      "The parameter template['name'] is required.",
    ],
    [
      "template without language code",
      () => ({ type: "template", template: { name: "hello_world", language: {} } }),
      100,
      "The parameter template['language']['code'] is required.",
    ],
    [
      "template that does not exist",
      () => ({ type: "template", template: { name: "nope", language: { code: "en_US" } } }),
      132001,
      "template name (nope) does not exist in en_US",
    ],
    [
      "template in a missing language",
      () => ({ type: "template", template: { name: "hello_world", language: { code: "pt_BR" } } }),
      132001,
      "template name (hello_world) does not exist in pt_BR",
    ],
    [
      "pending template",
      () => ({ type: "template", template: { name: "pending_one", language: { code: "en_US" } } }),
      132001,
      /does not exist/,
    ],
    [
      "rejected template",
      () => ({ type: "template", template: { name: "rejected_one", language: { code: "en_US" } } }),
      132001,
      /does not exist/,
    ],
    ["paused template", () => ({ type: "template", template: { name: "paused_one", language: { code: "en_US" } } }), 132015, /paused/],
    [
      "disabled template",
      () => ({ type: "template", template: { name: "disabled_one", language: { code: "en_US" } } }),
      132016,
      /disabled/,
    ],
    [
      "too few body parameters",
      () => ({
        type: "template",
        template: {
          name: "order_update",
          language: { code: "en_US" },
          components: [{ type: "body", parameters: [{ type: "text", text: "A" }] }],
        },
      }),
      132000,
      "body: number of localizable_params (1) does not match the expected number of params (2)",
    ],
    [
      "no body parameters when some are expected",
      () => ({ type: "template", template: { name: "order_update", language: { code: "en_US" } } }),
      132000,
      /\(0\) does not match the expected number of params \(2\)/,
    ],
    [
      "parameters for a template without variables",
      () => ({
        type: "template",
        template: {
          name: "hello_world",
          language: { code: "en_US" },
          components: [{ type: "body", parameters: [{ type: "text", text: "A" }] }],
        },
      }),
      132000,
      /\(1\) does not match the expected number of params \(0\)/,
    ],
    [
      "header parameter of the wrong format",
      () => ({
        type: "template",
        template: {
          name: "promo_header",
          language: { code: "en_US" },
          components: [{ type: "header", parameters: [{ type: "video", video: { link: "https://example.com/a.mp4" } }] }],
        },
      }),
      132012,
      "header: Format mismatch, expected IMAGE, received VIDEO",
    ],
    [
      "named parameter missing",
      () => ({
        type: "template",
        template: {
          name: "named_params",
          language: { code: "en_US" },
          components: [{ type: "body", parameters: [{ type: "text", parameter_name: "last_name", text: "A" }] }],
        },
      }),
      132012,
      "body: parameter_name 'first_name' is missing",
    ],
    [
      "button component without sub_type",
      () => ({
        type: "template",
        template: { name: "promo_header", language: { code: "en_US" }, components: [{ type: "button", index: "0", parameters: [] }] },
      }),
      100,
      /Button components need sub_type and index/,
    ],
    [
      "reaction without message_id",
      () => ({ type: "reaction", reaction: { emoji: "👍" } }),
      100,
      "The parameter reaction['message_id'] is required.",
    ],
    [
      "context without message_id",
      () => ({ type: "text", text: { body: "x" }, context: {} }),
      100,
      "(#100) The parameter context['message_id'] is required",
    ],
    [
      "biz_opaque_callback_data over 512",
      () => ({ type: "text", text: { body: "x" }, biz_opaque_callback_data: "c".repeat(513) }),
      100,
      "Param biz_opaque_callback_data must be at most 512 characters long.",
    ],
    [
      "recipient is the business number",
      () => ({ to: "+1 555-010-0001", type: "text", text: { body: "x" } }),
      131021,
      "Sender and recipient phone number is the same.",
    ],
  ];

  it.each(cases)("%s", async (_name, message, code, detailsOrMessage) => {
    const body = message();
    const response = await send(emulator, body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.type).toBe("OAuthException");
    expect(response.body.error.fbtrace_id).toBeTruthy();
    const text = response.body.error.error_data?.details ?? response.body.error.message;
    if (typeof detailsOrMessage === "string" && !detailsOrMessage.startsWith("(#"))
      expect(response.body.error.error_data?.details).toBe(detailsOrMessage);
    else if (typeof detailsOrMessage === "string") expect(response.body.error.message).toBe(detailsOrMessage);
    else expect(text).toMatch(detailsOrMessage);
    if (response.body.error.error_data) {
      expect(response.body.error.error_data.messaging_product).toBe("whatsapp");
      expect(response.body.error.message).toMatch(new RegExp(`^\\(#${code}\\) `));
    }
  });

  it("refuses a body that is not JSON", async () => {
    const response = await fetch(`${emulator.url}/v23.0/100000000000001/messages`, {
      method: "POST",
      headers: { authorization: "Bearer emulator-access-token", "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(100);
  });

  it("sends nothing for a refused request", async () => {
    const before = emulator.sentMessages().length;
    await send(emulator, { type: "text", text: {} });
    expect(emulator.sentMessages()).toHaveLength(before);
  });
});
