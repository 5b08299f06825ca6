import { describe, expect, it } from "vitest";
import { keywordForm, matchConsentKeyword } from "./consent";

const keywords = { optOut: ["STOP", "UNSUBSCRIBE", "BERHENTI", "BATAL"], optIn: ["START", "MULAI"] };

describe("matchConsentKeyword", () => {
  it("takes a whole message equal to a keyword, whatever its case, accents and punctuation", () => {
    for (const text of ["STOP", "stop", " Stop! ", "stop.", "*STOP*", "Berhenti", "bätäl"]) {
      expect(matchConsentKeyword(text, keywords), text).toMatchObject({ kind: "opt_out" });
    }
    expect(matchConsentKeyword("Mulai", keywords)).toEqual({ kind: "opt_in", keyword: "MULAI" });
    expect(matchConsentKeyword("start 🙂", keywords)).toEqual({ kind: "opt_in", keyword: "START" });
  });

  it("ignores a sentence that only contains a keyword, and an empty message", () => {
    for (const text of ["please don't stop", "stop sending me this", "STOPPED", "", "!!!"]) expect(matchConsentKeyword(text, keywords), text).toBeNull();
  });

  it("uses the workspace's own keywords", () => {
    expect(matchConsentKeyword("cancel", { optOut: ["Cancel"], optIn: [] })).toEqual({ kind: "opt_out", keyword: "Cancel" });
    expect(matchConsentKeyword("stop", { optOut: ["Cancel"], optIn: [] })).toBeNull();
  });

  it("compares in one form", () => {
    expect(keywordForm("  ¡Bätäl!  ")).toBe("BATAL");
    expect(keywordForm("opt   out")).toBe("OPT OUT");
  });
});
