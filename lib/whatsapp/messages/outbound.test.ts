import { describe, expect, it } from "vitest";
import { WhatsAppRequestError } from "../errors";
import { buildMessagePayload, buildReadReceiptPayload, type OutboundContent, type SendOptions } from "./outbound";

const TO = "6281234567890";

/** The issues' paths of a refused build; fails the test if the build succeeds. */
function refused(content: unknown, options: SendOptions = {}, to = TO): string[] {
  try {
    buildMessagePayload(to, content as OutboundContent, options);
  } catch (error) {
    expect(error).toBeInstanceOf(WhatsAppRequestError);
    return (error as WhatsAppRequestError).issues.map((issue) => issue.path);
  }
  throw new Error(`expected ${JSON.stringify(content)} to be refused`);
}

describe("buildMessagePayload: the envelope", () => {
  it("wraps content with messaging_product, recipient_type and to", () => {
    expect(buildMessagePayload(TO, { type: "text", text: { body: "Halo", preview_url: true } })).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: TO,
      type: "text",
      text: { body: "Halo", preview_url: true },
    });
  });

  it("adds context.message_id and biz_opaque_callback_data to any message type", () => {
    const payload = buildMessagePayload(
      TO,
      { type: "image", image: { id: "1234" } },
      { replyTo: "wamid.ABC", bizOpaqueCallbackData: "campaign:42:recipient:7" },
    );
    expect(payload).toMatchObject({
      context: { message_id: "wamid.ABC" },
      biz_opaque_callback_data: "campaign:42:recipient:7",
      type: "image",
      image: { id: "1234" },
    });
  });

  it("caps biz_opaque_callback_data at 512 UTF-8 bytes", () => {
    expect(() => buildMessagePayload(TO, { type: "text", text: { body: "x" } }, { bizOpaqueCallbackData: "a".repeat(512) })).not.toThrow();
    expect(refused({ type: "text", text: { body: "x" } }, { bizOpaqueCallbackData: "a".repeat(513) })).toEqual([
      "options.bizOpaqueCallbackData",
    ]);
    // 171 three-byte characters = 513 bytes, though only 171 characters.
    expect(refused({ type: "text", text: { body: "x" } }, { bizOpaqueCallbackData: "€".repeat(171) })).toEqual([
      "options.bizOpaqueCallbackData",
    ]);
  });

  it("refuses a malformed recipient", () => {
    for (const to of ["", "abc", "+62 812 3456", "62-812", "1234"])
      expect(refused({ type: "text", text: { body: "x" } }, {}, to)).toEqual(["to"]);
    expect(() => buildMessagePayload("+6281234567890", { type: "text", text: { body: "x" } })).not.toThrow();
  });

  it("refuses unknown types and unknown fields instead of dropping them silently", () => {
    expect(refused({ type: "carousel" })).toEqual(["content.type"]);
    expect(refused({ type: "text", text: { body: "x", previewUrl: true } })).toEqual(["content.text"]);
  });
});

describe("buildMessagePayload: text and media", () => {
  it("refuses blank or over-long text (4096)", () => {
    expect(refused({ type: "text", text: { body: "   " } })).toEqual(["content.text.body"]);
    expect(refused({ type: "text", text: { body: "x".repeat(4097) } })).toEqual(["content.text.body"]);
    expect(() => buildMessagePayload(TO, { type: "text", text: { body: "x".repeat(4096) } })).not.toThrow();
  });

  it("takes media by id or by http(s) link, never both or neither", () => {
    expect(buildMessagePayload(TO, { type: "video", video: { link: "https://cdn.example.com/a.mp4", caption: "Lihat" } }).video).toEqual({
      link: "https://cdn.example.com/a.mp4",
      caption: "Lihat",
    });
    expect(refused({ type: "image", image: { id: "1", link: "https://x.example/a.jpg" } })).toEqual(["content.image"]);
    expect(refused({ type: "image", image: {} })).toEqual(["content.image"]);
    expect(refused({ type: "image", image: { link: "ftp://x.example/a.jpg" } })).toEqual(["content.image.link"]);
  });

  it("gives documents a filename and refuses captions on audio and stickers", () => {
    expect(
      buildMessagePayload(TO, { type: "document", document: { id: "99", filename: "invoice.pdf", caption: "Invoice" } }).document,
    ).toEqual({
      id: "99",
      filename: "invoice.pdf",
      caption: "Invoice",
    });
    expect(refused({ type: "audio", audio: { id: "1", caption: "no" } })).toEqual(["content.audio"]);
    expect(refused({ type: "sticker", sticker: { id: "1", caption: "no" } })).toEqual(["content.sticker"]);
    expect(refused({ type: "image", image: { id: "1", caption: "x".repeat(1025) } })).toEqual(["content.image.caption"]);
  });

  it("builds location and contacts", () => {
    expect(buildMessagePayload(TO, { type: "location", location: { latitude: -6.2, longitude: 106.8, name: "Monas" } }).location).toEqual({
      latitude: -6.2,
      longitude: 106.8,
      name: "Monas",
    });
    expect(refused({ type: "location", location: { latitude: 91, longitude: 0 } })).toEqual(["content.location.latitude"]);
    const contacts = [
      {
        name: { formatted_name: "Budi Santoso", first_name: "Budi" },
        phones: [{ phone: "+62 812 3456 7890", type: "CELL", wa_id: "6281234567890" }],
      },
    ];
    expect(buildMessagePayload(TO, { type: "contacts", contacts }).contacts).toEqual(contacts);
    expect(refused({ type: "contacts", contacts: [] })).toEqual(["content.contacts"]);
    expect(refused({ type: "contacts", contacts: [{ name: {} }] })).toEqual(["content.contacts.0.name.formatted_name"]);
  });

  it("builds reactions, including removal with an empty emoji", () => {
    expect(buildMessagePayload(TO, { type: "reaction", reaction: { message_id: "wamid.X", emoji: "👍" } }).reaction).toEqual({
      message_id: "wamid.X",
      emoji: "👍",
    });
    expect(buildMessagePayload(TO, { type: "reaction", reaction: { message_id: "wamid.X", emoji: "" } }).reaction).toEqual({
      message_id: "wamid.X",
      emoji: "",
    });
    expect(refused({ type: "reaction", reaction: { message_id: "", emoji: "👍" } })).toEqual(["content.reaction.message_id"]);
  });
});

describe("buildMessagePayload: interactive", () => {
  const button = (id: string, title = id) => ({ type: "reply" as const, reply: { id, title } });

  it("builds reply buttons with a media header and footer", () => {
    const interactive = {
      type: "button" as const,
      header: { type: "image" as const, image: { link: "https://cdn.example.com/h.jpg" } },
      body: { text: "Pilih ukuran" },
      footer: { text: "Toko Budi" },
      action: { buttons: [button("s", "Small"), button("m", "Medium"), button("l", "Large")] },
    };
    expect(buildMessagePayload(TO, { type: "interactive", interactive }).interactive).toEqual(interactive);
  });

  it("refuses more than 3 buttons, long titles, and duplicates", () => {
    const base = { type: "button", body: { text: "?" } };
    expect(
      refused({ type: "interactive", interactive: { ...base, action: { buttons: [button("a"), button("b"), button("c"), button("d")] } } }),
    ).toEqual(["content.interactive.action.buttons"]);
    expect(refused({ type: "interactive", interactive: { ...base, action: { buttons: [button("a", "x".repeat(21))] } } })).toEqual([
      "content.interactive.action.buttons.0.reply.title",
    ]);
    expect(
      refused({ type: "interactive", interactive: { ...base, action: { buttons: [button("a", "Same"), button("b", "Same")] } } }),
    ).toEqual(["content.interactive.action.buttons.1.reply.title"]);
  });

  it("builds a list and enforces Meta's section and row limits", () => {
    const row = (id: string) => ({ id, title: `Row ${id}` });
    const list = {
      type: "list" as const,
      header: { type: "text" as const, text: "Menu" },
      body: { text: "Pilih layanan" },
      action: {
        button: "Lihat menu",
        sections: [
          { title: "Makanan", rows: [row("1"), { id: "2", title: "Row 2", description: "Pedas" }] },
          { title: "Minuman", rows: [row("3")] },
        ],
      },
    };
    expect(buildMessagePayload(TO, { type: "interactive", interactive: list }).interactive).toEqual(list);

    const elevenRows = Array.from({ length: 11 }, (_, index) => row(String(index)));
    expect(
      refused({
        type: "interactive",
        interactive: {
          ...list,
          action: {
            button: "x",
            sections: [
              { title: "A", rows: elevenRows.slice(0, 6) },
              { title: "B", rows: elevenRows.slice(6) },
            ],
          },
        },
      }),
    ).toEqual(["content.interactive.action.sections"]);
    expect(
      refused({
        type: "interactive",
        interactive: { ...list, action: { button: "x", sections: [{ rows: [row("1")] }, { title: "B", rows: [row("2")] }] } },
      }),
    ).toEqual(["content.interactive.action.sections.0.title"]);
    // Lists take only a text header.
    expect(refused({ type: "interactive", interactive: { ...list, header: { type: "image", image: { id: "1" } } } })).toContain(
      "content.interactive.header.type",
    );
  });
});

describe("buildMessagePayload: templates", () => {
  it("builds header, body (text, currency, date_time) and button parameters with string indexes", () => {
    const template = {
      name: "order_update",
      language: { code: "id" },
      components: [
        { type: "header" as const, parameters: [{ type: "image" as const, image: { id: "5555" } }] },
        {
          type: "body" as const,
          parameters: [
            { type: "text" as const, text: "Budi" },
            { type: "currency" as const, currency: { fallback_value: "Rp150.000", code: "IDR", amount_1000: 150_000_000 } },
            { type: "date_time" as const, date_time: { fallback_value: "1 Januari 2026" } },
          ],
        },
        {
          type: "button" as const,
          sub_type: "quick_reply" as const,
          index: "0",
          parameters: [{ type: "payload" as const, payload: "STOP" }],
        },
        { type: "button" as const, sub_type: "url" as const, index: "1", parameters: [{ type: "text" as const, text: "order/123" }] },
      ],
    };
    const payload = buildMessagePayload(TO, { type: "template", template }, { bizOpaqueCallbackData: "c1" });
    expect(payload).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: TO,
      biz_opaque_callback_data: "c1",
      type: "template",
      template,
    });
  });

  it("refuses numeric button indexes, bad currency codes and fractional amounts", () => {
    const withButton = (index: unknown) => ({
      type: "template",
      template: {
        name: "t",
        language: { code: "en_US" },
        components: [{ type: "button", sub_type: "quick_reply", index, parameters: [{ type: "payload", payload: "p" }] }],
      },
    });
    expect(refused(withButton(0))).toEqual(["content.template.components.0.index"]);
    expect(refused(withButton("10"))).toEqual(["content.template.components.0.index"]);
    const withCurrency = (currency: unknown) => ({
      type: "template",
      template: { name: "t", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "currency", currency }] }] },
    });
    expect(refused(withCurrency({ fallback_value: "$1", code: "usd", amount_1000: 1000 }))).toEqual([
      "content.template.components.0.parameters.0.currency.code",
    ]);
    expect(refused(withCurrency({ fallback_value: "$1", code: "USD", amount_1000: 1.5 }))).toEqual([
      "content.template.components.0.parameters.0.currency.amount_1000",
    ]);
  });

  it("refuses a payload parameter on a url button, duplicate indexes and a bad language code", () => {
    const template = (components: unknown[], code = "en_US") => ({
      type: "template",
      template: { name: "t", language: { code }, components },
    });
    expect(refused(template([{ type: "button", sub_type: "url", index: "0", parameters: [{ type: "payload", payload: "p" }] }]))).toContain(
      "content.template.components.0.parameters.0.type",
    );
    const quickReply = { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: "p" }] };
    expect(refused(template([quickReply, quickReply]))).toEqual(["content.template.components"]);
    expect(refused(template([], "English"))).toEqual(["content.template.language.code"]);
  });
});

describe("buildReadReceiptPayload", () => {
  it("marks as read, with the typing indicator only when asked", () => {
    expect(buildReadReceiptPayload("wamid.IN")).toEqual({ messaging_product: "whatsapp", status: "read", message_id: "wamid.IN" });
    expect(buildReadReceiptPayload("wamid.IN", { typingIndicator: true })).toEqual({
      messaging_product: "whatsapp",
      status: "read",
      message_id: "wamid.IN",
      typing_indicator: { type: "text" },
    });
    expect(() => buildReadReceiptPayload("")).toThrow(WhatsAppRequestError);
  });
});
