import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./app-url";

/** Where a browser would actually go from a page on https://app.example.com. */
function destination(path: string): URL {
  return new URL(path, "https://app.example.com/login");
}

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and hash", () => {
    for (const path of ["/", "/w/toko/inbox", "/invite/abc?x=1#top", "/w/toko/contacts?q=%2F%2Fevil"]) {
      expect(safeCallbackPath(path)).toBe(path);
    }
  });

  it("falls back for missing, relative and absolute URLs", () => {
    for (const value of [null, undefined, "", "w/toko", "https://evil.example", "javascript:alert(1)", "http:/evil.example"]) {
      expect(safeCallbackPath(value, "/onboarding")).toBe("/onboarding");
    }
  });

  it("refuses protocol-relative URLs, however spelled", () => {
    const attempts = ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\t\\evil.example", "/\u0000/evil.example"];
    for (const value of attempts) {
      expect(safeCallbackPath(value), JSON.stringify(value)).toBe("/");
    }
  });

  it("only ever returns something that stays on the app's origin", () => {
    const tricky = ["/\t/evil.example", "/%09/evil.example", "/./\\evil.example", "/ //evil.example", "/.//evil.example", "/..//evil.example", "/@evil.example"];
    for (const value of tricky) {
      expect(destination(safeCallbackPath(value)).origin, JSON.stringify(value)).toBe("https://app.example.com");
    }
  });
});
