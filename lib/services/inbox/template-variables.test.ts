/** Template variables read from Meta's stored components, and the template send built from them. */
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { buildTemplateSend } from "./template-send";
import { templateVariables } from "./template-variables";

const components = [
  { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["#1042"] } },
  { type: "BODY", text: "Hi {{2}} and {{1}}, see {{2}}.", example: { body_text: [["Ann", "Budi"]] } },
  { type: "FOOTER", text: "Parley" },
  {
    type: "BUTTONS",
    buttons: [
      { type: "QUICK_REPLY", text: "Stop" },
      { type: "URL", text: "Track", url: "https://parley.example/t/{{1}}" },
      { type: "COPY_CODE", example: "SAVE10" },
    ],
  },
];

describe("templateVariables", () => {
  it("lists header, body (in number order, once each) and button variables with examples", () => {
    expect(templateVariables(components)).toEqual([
      { key: "header.1", component: "header", name: "1", kind: "text", example: "#1042" },
      { key: "body.1", component: "body", name: "1", kind: "text", example: "Ann" },
      { key: "body.2", component: "body", name: "2", kind: "text", example: "Budi" },
      { key: "button.1", component: "button", name: "1", kind: "text" },
      { key: "button.2", component: "button", name: "2", kind: "coupon_code" },
    ]);
  });

  it("reads named parameters and media headers, and ignores what is not Meta's shape", () => {
    const named = [
      { type: "header", format: "IMAGE" },
      { type: "BODY", text: "Hi {{first_name}}, order {{order_id}}", example: { body_text_named_params: [{ param_name: "first_name", example: "Sheena" }] } },
      "garbage",
      { nope: true },
    ];
    expect(templateVariables(named)).toEqual([
      { key: "header.media", component: "header", name: "media", kind: "media", mediaFormat: "image" },
      { key: "body.first_name", component: "body", name: "first_name", kind: "text", example: "Sheena" },
      { key: "body.order_id", component: "body", name: "order_id", kind: "text", example: undefined },
    ]);
    expect(templateVariables(null)).toEqual([]);
  });
});

describe("buildTemplateSend", () => {
  const noMedia = async () => null;

  it("builds Meta's components in order and fills the preview", async () => {
    const { send, preview, rendered } = await buildTemplateSend(
      { name: "order_update", language: "id", components },
      { "header.1": "#7", "body.1": "Ann", "body.2": "Budi", "button.1": "abc", "button.2": "SAVE10" },
      noMedia,
    );
    expect(send).toEqual({
      name: "order_update",
      language: { code: "id" },
      components: [
        { type: "header", parameters: [{ type: "text", text: "#7" }] },
        { type: "body", parameters: [{ type: "text", text: "Ann" }, { type: "text", text: "Budi" }] },
        { type: "button", sub_type: "url", index: "1", parameters: [{ type: "text", text: "abc" }] },
        { type: "button", sub_type: "copy_code", index: "2", parameters: [{ type: "coupon_code", coupon_code: "SAVE10" }] },
      ],
    });
    expect(preview).toBe("Hi Budi and Ann, see Budi.");
    expect(rendered).toMatchObject({ header: { kind: "text", text: "Order #7" }, body: "Hi Budi and Ann, see Budi.", footer: "Parley" });
    expect(rendered.buttons).toEqual([
      { type: "quick_reply", text: "Stop" },
      { type: "url", text: "Track", value: "https://parley.example/t/abc" },
      { type: "copy_code", text: "Copy offer code", value: "SAVE10" },
    ]);
  });

  it("names named parameters, resolves a media header, and refuses a missing variable or an unknown attachment", async () => {
    const named = [{ type: "HEADER", format: "DOCUMENT" }, { type: "BODY", text: "Hi {{first_name}}" }];
    const { send, rendered } = await buildTemplateSend({ name: "n", language: "en", components: named }, { "header.media": "media-1", "body.first_name": "Sheena" }, async (id) =>
      id === "media-1" ? { metaMediaId: "123456", fileName: "invoice.pdf" } : null,
    );
    expect(send.components).toEqual([
      { type: "header", parameters: [{ type: "document", document: { id: "123456" } }] },
      { type: "body", parameters: [{ type: "text", text: "Sheena", parameter_name: "first_name" }] },
    ]);
    // The template as sent: the attachment's own picture (served by /api/media/[id]) and file name.
    expect(rendered).toEqual({ header: { kind: "document", url: "/api/media/media-1", fileName: "invoice.pdf" }, body: "Hi Sheena", footer: null, buttons: [], cards: [] });
    await expect(buildTemplateSend({ name: "n", language: "en", components: named }, { "header.media": "other", "body.first_name": "x" }, noMedia)).rejects.toMatchObject({
      messageKey: "attachmentNotFound",
    });
    const missing = await buildTemplateSend({ name: "n", language: "en", components: named }, { "header.media": "https://x.example/a.pdf" }, noMedia).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AppError);
    expect(missing).toMatchObject({ messageKey: "templateVariableMissing", params: { name: "body.first_name" } });
  });
});
