import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS, slugify } from "./slug";

describe("slugify", () => {
  it("lower-cases and joins words with single hyphens, dropping punctuation", () => {
    expect(slugify("Toko Budi & Sons")).toBe("toko-budi-sons");
    expect(slugify("  --Hello,   World!!--  ")).toBe("hello-world");
    expect(slugify("PT. Maju_Jaya (Jakarta) 2024")).toBe("pt-maju-jaya-jakarta-2024");
  });

  it("folds accents and drops scripts it cannot transliterate", () => {
    expect(slugify("Café Crème Brûlée")).toBe("cafe-creme-brulee");
    expect(slugify("Ｆｕｌｌｗｉｄｔｈ")).toBe("fullwidth");
    expect(slugify("東京 Sushi")).toBe("sushi");
  });

  it("falls back to `workspace` when nothing usable is left", () => {
    expect(slugify("東京")).toBe("workspace");
    expect(slugify("!!!")).toBe("workspace");
    expect(slugify("😀")).toBe("workspace");
  });

  it("prefixes names too short to stand alone", () => {
    expect(slugify("A")).toBe("workspace-a");
    expect(slugify("é!")).toBe("workspace-e");
    expect(slugify("AB")).toBe("ab");
  });

  it("never returns a reserved word, which would shadow a route", () => {
    for (const reserved of RESERVED_SLUGS) {
      const slug = slugify(reserved.toUpperCase());
      expect(RESERVED_SLUGS.has(slug), reserved).toBe(false);
      expect(slug).toBe(`workspace-${reserved}`);
    }
    expect(slugify("Settings!")).toBe("workspace-settings");
  });

  it("caps the length at 40 without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(39)} bcd`);
    expect(slug).toBe("a".repeat(39));
    expect(slugify("word ".repeat(30)).length).toBeLessThanOrEqual(40);
    expect(slugify("word ".repeat(30))).not.toMatch(/-$/);
  });

  it("always gives a url-safe slug", () => {
    for (const name of ["Toko Budi", "東京", "a", "x".repeat(200), "Ünïcödé — Name", "new", "🙂 Smile 🙂", "a/b\\c?d#e"]) {
      expect(slugify(name), name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});
