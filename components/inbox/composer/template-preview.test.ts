import { describe, expect, it } from "vitest";
import { templatePreview } from "./template-preview";

const components = [
  { type: "HEADER", format: "TEXT", text: "Order {{1}}" },
  { type: "BODY", text: "Hi {{1}}, your order {{2}} ships {{ 3 }}." },
  { type: "FOOTER", text: "Reply STOP to opt out" },
  { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Thanks" }, { type: "URL", text: "Track", url: "https://x.example/{{1}}" }] },
];

describe("templatePreview", () => {
  it("fills the values typed so far and leaves the rest as placeholders", () => {
    expect(templatePreview(components, { "header.1": "#42", "body.1": "Ana", "body.2": " " })).toEqual({
      header: "Order #42",
      headerMedia: null,
      body: "Hi Ana, your order {{2}} ships {{ 3 }}.",
      footer: "Reply STOP to opt out",
      buttons: ["Thanks", "Track"],
    });
  });

  it("fills named parameters and shows a media header as its kind", () => {
    const named = [
      { type: "header", format: "IMAGE" },
      { type: "body", text: "Hello {{first_name}}" },
    ];
    expect(templatePreview(named, { "body.first_name": "Budi" })).toMatchObject({ headerMedia: "image", body: "Hello Budi" });
  });

  it("skips components that are not Meta's shape", () => {
    expect(templatePreview([null, 3, { type: "BODY", text: 5 }], {})).toEqual({ header: null, headerMedia: null, body: null, footer: null, buttons: [] });
  });
});
