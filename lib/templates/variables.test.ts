import { describe, expect, it } from "vitest";
import { templateDraftSchema } from "./draft";
import {
  draftVariables,
  fillVariables,
  findVariables,
  hasStrayBraces,
  nextVariable,
  orderedVariables,
  splitUrl,
  variableNames,
} from "./variables";

describe("findVariables", () => {
  it("finds positional, named and invalid variables with their positions, in order", () => {
    const text = "Hi {{1}}, code {{discount_code}} for {{first name}}";
    expect(findVariables(text)).toEqual([
      { name: "1", kind: "positional", start: 3, end: 8 },
      { name: "discount_code", kind: "named", start: 15, end: 32 },
      { name: "first name", kind: "invalid", start: 37, end: 51 },
    ]);
    expect(text.slice(15, 32)).toBe("{{discount_code}}");
  });

  it("treats {{0}}, {{01}}, {{First}} and {{_x}} as invalid names", () => {
    expect(findVariables("{{0}} {{01}} {{First}} {{_x}}").map((v) => v.kind)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
  });

  it("finds nothing in plain text", () => {
    expect(findVariables("No variables { here }")).toEqual([]);
  });
});

describe("variableNames / orderedVariables", () => {
  it("lists distinct names by first appearance", () => {
    expect(variableNames("{{2}} then {{1}} then {{2}}")).toEqual(["2", "1"]);
  });

  it("orders positional names by number and keeps named ones in order, each format alone", () => {
    expect(orderedVariables("{{2}} then {{1}} and {{name}}", "POSITIONAL")).toEqual(["1", "2"]);
    expect(orderedVariables("{{b_name}} {{1}} {{a_name}}", "NAMED")).toEqual(["b_name", "a_name"]);
  });
});

describe("hasStrayBraces", () => {
  it("spots half-written variables", () => {
    expect(hasStrayBraces("Hi {{1}")).toBe(true);
    expect(hasStrayBraces("Hi {1}}")).toBe(true);
    expect(hasStrayBraces("Hi {{1}} and {single}")).toBe(false);
  });
});

describe("nextVariable", () => {
  it("numbers after the highest positional variable", () => {
    expect(nextVariable("", "POSITIONAL")).toBe("{{1}}");
    expect(nextVariable("Hi {{1}}, {{3}}", "POSITIONAL")).toBe("{{4}}");
  });

  it("picks the first free named variable", () => {
    expect(nextVariable("", "NAMED")).toBe("{{variable_1}}");
    expect(nextVariable("{{variable_1}} {{variable_2}}", "NAMED")).toBe("{{variable_3}}");
    expect(nextVariable("{{item_2}}", "NAMED", "item")).toBe("{{item_1}}");
  });
});

describe("fillVariables", () => {
  it("fills known values and leaves the rest as written", () => {
    expect(fillVariables("Hi {{1}}, order {{2}}", { "1": "Pablo", "2": "" })).toBe("Hi Pablo, order {{2}}");
  });
});

describe("splitUrl", () => {
  it("cuts at the first variable", () => {
    expect(splitUrl("https://shop.example/track/{{1}}")).toMatchObject({ fixed: "https://shop.example/track/", suffix: "" });
    expect(splitUrl("https://shop.example/{{1}}/x")).toMatchObject({ fixed: "https://shop.example/", suffix: "/x" });
    expect(splitUrl("https://shop.example/")).toMatchObject({ fixed: "https://shop.example/", variables: [] });
  });
});

describe("draftVariables", () => {
  it("lists the variables of every text field by its builder path", () => {
    const draft = templateDraftSchema.parse({
      name: "x",
      language: "en_US",
      category: "MARKETING",
      header: { format: "TEXT", text: "Our {{1}} sale" },
      body: { text: "Hi {{1}}, use {{2}}" },
      buttons: [
        { type: "QUICK_REPLY", text: "Stop" },
        { type: "URL", text: "Track", url: "https://a.example/{{1}}" },
      ],
    });
    expect(draftVariables(draft)).toEqual({ "header.text": ["1"], "body.text": ["1", "2"], "buttons.1.url": ["1"] });
  });

  it("includes carousel card bodies and buttons, and skips authentication bodies", () => {
    const card = {
      header: { format: "IMAGE" },
      body: { text: "Card {{1}} text" },
      buttons: [{ type: "URL", text: "Shop", url: "https://a.example/{{1}}" }],
    };
    const carousel = templateDraftSchema.parse({
      name: "x",
      language: "en_US",
      category: "MARKETING",
      body: { text: "Hello {{1}} there" },
      carousel: { cards: [card, card] },
    });
    expect(draftVariables(carousel)).toEqual({
      "body.text": ["1"],
      "carousel.cards.0.body.text": ["1"],
      "carousel.cards.0.buttons.0.url": ["1"],
      "carousel.cards.1.body.text": ["1"],
      "carousel.cards.1.buttons.0.url": ["1"],
    });
    const auth = templateDraftSchema.parse({
      name: "x",
      language: "en_US",
      category: "AUTHENTICATION",
      body: { text: "*{{1}}* is your code." },
    });
    expect(draftVariables(auth)).toEqual({});
  });
});
