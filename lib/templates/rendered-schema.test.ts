import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render";
import { readRenderedTemplate } from "./rendered-schema";

describe("readRenderedTemplate", () => {
  it("reads back what renderTemplate made (through JSON, as Message.content stores it)", () => {
    const rendered = renderTemplate(
      [
        { type: "HEADER", format: "IMAGE" },
        { type: "BODY", text: "Hi {{1}}" },
        { type: "BUTTONS", buttons: [{ type: "URL", text: "Go", url: "https://a.example/{{1}}" }] },
        { type: "CAROUSEL", cards: [{ components: [{ type: "HEADER", format: "VIDEO" }, { type: "BODY", text: "Card" }] }] },
      ],
      { "body.1": "Sari", "button.0": "x" },
      { media: { header: { url: "/api/media/m1" } } },
    );
    expect(readRenderedTemplate(JSON.parse(JSON.stringify(rendered)))).toEqual(rendered);
  });

  it("refuses other shapes, and drops a picture address that is neither https nor the app's media route", () => {
    expect(readRenderedTemplate(null)).toBeNull();
    expect(readRenderedTemplate({ body: "x" })).toBeNull();
    expect(readRenderedTemplate({ header: null, body: "x", footer: null, buttons: [{ type: "nope", text: "a" }], cards: [] })).toBeNull();
    const sneaky = readRenderedTemplate({ header: { kind: "image", url: "javascript:alert(1)" }, body: "x", footer: null, buttons: [], cards: [{ header: { kind: "image", url: "http://plain.example/a.jpg" }, body: "", buttons: [] }] });
    expect(sneaky).toMatchObject({ header: { kind: "image", url: null }, cards: [{ header: { kind: "image", url: null } }] });
  });
});
