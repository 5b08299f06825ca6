import { describe, expect, it } from "vitest";
import { isLocale, localeFromAcceptLanguage } from "./config";

describe("localeFromAcceptLanguage", () => {
  it("picks the best supported language by quality", () => {
    expect(localeFromAcceptLanguage("id-ID,id;q=0.9,en;q=0.8")).toBe("id");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,id;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,id;q=0.5,en;q=0.7")).toBe("en");
  });

  it("orders by q, not by position", () => {
    expect(localeFromAcceptLanguage("en;q=0.3, id;q=0.8")).toBe("id");
    expect(localeFromAcceptLanguage("en;q=0.5,ID")).toBe("id"); // no q means 1; tags are case-insensitive
  });

  it("returns null when nothing supported is acceptable", () => {
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9")).toBeNull();
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });

  it("treats q=0 as 'not acceptable'", () => {
    expect(localeFromAcceptLanguage("id;q=0,en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("id;q=0")).toBeNull();
    expect(localeFromAcceptLanguage("fr, id;q=0.000")).toBeNull();
  });

  it("treats a malformed q as not acceptable rather than preferred", () => {
    expect(localeFromAcceptLanguage("id;q=abc,en;q=0.2")).toBe("en");
  });
});

describe("isLocale", () => {
  it("accepts only the supported codes", () => {
    expect(isLocale("en")).toBe(true);
    expect(isLocale("id")).toBe(true);
    expect(isLocale("ID")).toBe(false);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
