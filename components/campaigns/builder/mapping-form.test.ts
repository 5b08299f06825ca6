import { describe, expect, it } from "vitest";
import type { TemplateVariable } from "@/lib/services/inbox/template-variables";
import { choiceOf, choicesFor, inputOf, mappingFor, previewValues, sourceOf } from "./mapping-form";

const body: TemplateVariable = { key: "body.1", component: "body", name: "1", kind: "text", example: "Ana" };
const media: TemplateVariable = { key: "header.media", component: "header", name: "media", kind: "media", mediaFormat: "image" };
const button: TemplateVariable = { key: "button.0", component: "button", name: "0", kind: "text" };

describe("choice and input", () => {
  it("round-trip every source", () => {
    for (const source of [
      { source: "field", field: "firstName", fallback: "there" },
      { source: "custom", key: "city", fallback: "your city" },
      { source: "text", value: "Hello" },
      { source: "link", url: "https://example.com" },
      { source: "media", ref: "https://example.com/a.png" },
    ] as const) {
      expect(sourceOf(choiceOf(source), inputOf(source))).toEqual(source);
    }
  });
  it("reads an unknown contact field as the name", () => expect(sourceOf("field:nope" as never, "x")).toEqual({ source: "field", field: "name", fallback: "x" }));
});

describe("choicesFor", () => {
  it("gives a media header only a media reference", () => expect(choicesFor(media, ["city"])).toEqual(["media"]));
  it("offers contact fields, custom fields, text and links for the body", () => {
    expect(choicesFor(body, ["city"])).toEqual(["field:name", "field:firstName", "field:profileName", "field:phone", "field:email", "custom:city", "text", "link"]);
  });
  it("puts the tracked link first for a URL button", () => expect(choicesFor(button, [])[0]).toBe("link"));
});

describe("mappingFor", () => {
  it("keeps what was mapped, guesses the rest and drops keys the template lacks", () => {
    const mapping = mappingFor([body, media, button], { "body.1": { source: "field", field: "name", fallback: "friend" }, "body.2": { source: "text", value: "gone" } });
    expect(mapping).toEqual({
      "body.1": { source: "field", field: "name", fallback: "friend" },
      "header.media": { source: "media", ref: "" },
      "button.0": { source: "link", url: "" },
    });
  });
  it("starts a text blank, not from Meta's example", () => expect(mappingFor([body], {})).toEqual({ "body.1": { source: "text", value: "" } }));
});

describe("previewValues", () => {
  it("shows fixed values and fallbacks, skips blanks and media", () => {
    expect(previewValues({ "body.1": { source: "field", field: "name", fallback: "friend" }, "body.2": { source: "text", value: " " }, "header.media": { source: "media", ref: "x" } })).toEqual({ "body.1": "friend" });
  });
});
