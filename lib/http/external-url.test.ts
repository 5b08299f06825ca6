import { describe, expect, it } from "vitest";
import { EXTERNAL_URL_MAX_CHARS, externalHttpUrl } from "./external-url";

describe("externalHttpUrl", () => {
  it("keeps absolute http and https URLs as given (trimmed)", () => {
    expect(externalHttpUrl("https://fb.me/3cr4Wqqkv")).toBe("https://fb.me/3cr4Wqqkv");
    expect(externalHttpUrl("  http://example.com/ad?id=1#x ")).toBe("http://example.com/ad?id=1#x");
    expect(externalHttpUrl("HTTPS://Example.com/")).toBe("HTTPS://Example.com/");
  });

  it("refuses every other scheme, however spelled", () => {
    for (const value of [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0000javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://example.com/x",
      "blob:https://example.com/uuid",
    ]) {
      expect(externalHttpUrl(value), JSON.stringify(value)).toBeNull();
    }
  });

  it("refuses relative, protocol-relative, malformed and credentialed URLs", () => {
    for (const value of [
      "/w/acme",
      "//evil.example",
      "fb.me/x",
      "https://",
      "https:///x",
      "https://\\evil.example",
      "http:/evil.example",
      "https://user:pw@evil.example/",
      "https://exa mple.com",
    ]) {
      expect(externalHttpUrl(value), JSON.stringify(value)).toBeNull();
    }
  });

  it("refuses control characters and line separators inside, and anything that is not a string", () => {
    expect(externalHttpUrl("https://example.com/a\tb")).toBeNull();
    expect(externalHttpUrl("https://example.com/a\u2028b")).toBeNull();
    for (const value of [null, undefined, 42, {}, ["https://example.com"], ""]) expect(externalHttpUrl(value)).toBeNull();
  });

  it("refuses URLs over the length limit", () => {
    const base = "https://example.com/";
    expect(externalHttpUrl(base + "a".repeat(EXTERNAL_URL_MAX_CHARS - base.length))).not.toBeNull();
    expect(externalHttpUrl(base + "a".repeat(EXTERNAL_URL_MAX_CHARS - base.length + 1))).toBeNull();
    expect(externalHttpUrl("https://example.com/abc", 10)).toBeNull();
  });
});
