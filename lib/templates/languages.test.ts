import { describe, expect, it } from "vitest";
import { isTemplateLanguage, languageLabel, languageTag, TEMPLATE_LANGUAGE_CODES, TEMPLATE_LANGUAGES } from "./languages";

describe("template languages", () => {
  it("has Meta's codes, in Meta's spelling", () => {
    for (const code of ["af", "en_US", "en_GB", "id", "pt_BR", "zh_CN", "zh_TW", "fil", "rw_RW", "ky_KG", "es_MX", "zu", "prs_AF"])
      expect(isTemplateLanguage(code)).toBe(true);
    for (const code of ["en-US", "EN_US", "pt", "xx", "", "toString"]) expect(isTemplateLanguage(code)).toBe(false);
    expect(TEMPLATE_LANGUAGE_CODES).toHaveLength(Object.keys(TEMPLATE_LANGUAGES).length);
    expect(TEMPLATE_LANGUAGE_CODES.every((code) => /^[a-z]{2,3}(_[A-Z]{2})?$/.test(code))).toBe(true);
  });

  it("names a language in the user's language through Intl, Meta's English name as the fallback", () => {
    expect(languageTag("pt_BR")).toBe("pt-BR");
    expect(languageLabel("id", "en")).toBe("Indonesian");
    expect(languageLabel("id", "id")).toBe("Indonesia");
    expect(languageLabel("en_US", "id")).toMatch(/Inggris/);
    expect(languageLabel("prs_AF", "en")).toMatch(/Dari/);
    expect(languageLabel("qq_ZZ", "en")).toBe("qq_ZZ");
  });
});
