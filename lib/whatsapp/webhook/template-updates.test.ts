import { describe, expect, it } from "vitest";
import { parseTemplateCategory, parseTemplateQuality } from "./template-updates";

describe("parseTemplateQuality", () => {
  it("reads Meta's scores upper-cased and the template by id, name and language", () => {
    expect(
      parseTemplateQuality({
        previous_quality_score: "GREEN",
        new_quality_score: "yellow",
        message_template_id: 12,
        message_template_name: "a",
        message_template_language: "en",
      }),
    ).toEqual({ ok: true, update: { metaId: "12", name: "a", language: "en", score: "YELLOW", previousScore: "GREEN" } });
  });

  it("refuses an update without a new score or without a template", () => {
    expect(parseTemplateQuality({ message_template_id: 12 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/new_quality_score/),
    });
    expect(parseTemplateQuality({ new_quality_score: "RED", message_template_name: "a" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/names no template/),
    });
    expect(parseTemplateQuality({ new_quality_score: "RED", message_template_id: -4 })).toMatchObject({ ok: false });
  });
});

describe("parseTemplateCategory", () => {
  it("reads a completed change", () => {
    expect(parseTemplateCategory({ message_template_id: "99", previous_category: "UTILITY", new_category: "marketing" })).toEqual({
      ok: true,
      update: { metaId: "99", name: null, language: null, category: "MARKETING", previousCategory: "UTILITY", upcoming: null },
    });
  });

  it("reads an impending change as upcoming, with its time in ms", () => {
    expect(
      parseTemplateCategory({
        message_template_id: 99,
        correct_category: "MARKETING",
        new_category: "UTILITY",
        category_update_timestamp: 1750032000,
      }),
    ).toMatchObject({
      ok: true,
      update: { category: "UTILITY", previousCategory: null, upcoming: { category: "MARKETING", at: 1750032000000 } },
    });
  });

  it("refuses a change without its new category", () => {
    expect(parseTemplateCategory({ message_template_id: 99, previous_category: "UTILITY" })).toMatchObject({ ok: false });
  });
});
