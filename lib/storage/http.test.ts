import { describe, expect, it } from "vitest";
import { contentDisposition, dispositionFor } from "./disposition";
import { parseRangeHeader } from "./http";

describe("parseRangeHeader", () => {
  it.each([
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100 }],
    ["bytes=-500", { suffix: 500 }],
    [" bytes=5-5 ", { start: 5, end: 5 }],
  ])("%s", (header, range) => {
    expect(parseRangeHeader(header)).toEqual(range);
  });

  it.each([null, "", "bytes=", "bytes=-", "bytes=-0", "bytes=9-3", "bytes=0-1,5-6", "items=0-1", "bytes=a-b", "bytes=1234567890123456-"])(
    "ignores %j (the whole object is sent)",
    (header) => {
      expect(parseRangeHeader(header)).toBeUndefined();
    },
  );
});

describe("dispositionFor", () => {
  it.each([
    ["image/jpeg", "inline"],
    ["image/webp", "inline"],
    ["audio/ogg; codecs=opus", "inline"],
    ["video/mp4", "inline"],
    ["application/pdf", "attachment"],
    ["text/plain", "attachment"],
    ["image/svg+xml", "attachment"],
    ["text/html", "attachment"],
    [null, "attachment"],
  ])("%s → %s", (mimeType, disposition) => {
    expect(dispositionFor(mimeType)).toBe(disposition);
  });
});

describe("contentDisposition (RFC 6266 / 5987)", () => {
  it("quotes a plain ASCII name", () => {
    expect(contentDisposition("attachment", "report.pdf")).toBe('attachment; filename="report.pdf"');
  });

  it("adds filename* for anything else, with an ASCII fallback", () => {
    expect(contentDisposition("attachment", "Laporan Mei — ñ.pdf")).toBe(
      `attachment; filename="Laporan Mei _ _.pdf"; filename*=UTF-8''Laporan%20Mei%20%E2%80%94%20%C3%B1.pdf`,
    );
    expect(contentDisposition("attachment", "報告.pdf")).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E5%A0%B1%E5%91%8A.pdf`);
  });

  it("never lets a name break out of the header or name a path", () => {
    expect(contentDisposition("attachment", 'a"b.pdf')).toBe(`attachment; filename="a_b.pdf"; filename*=UTF-8''a%22b.pdf`);
    expect(contentDisposition("attachment", "x\r\nSet-Cookie: a=b.pdf")).toBe('attachment; filename="x__Set-Cookie: a=b.pdf"');
    expect(contentDisposition("attachment", "../../etc/passwd")).toBe('attachment; filename=".._.._etc_passwd"');
    expect(contentDisposition("attachment", "100%.pdf")).toBe(`attachment; filename="100_.pdf"; filename*=UTF-8''100%25.pdf`);
    expect(contentDisposition("attachment", "it's (1).pdf")).toBe(`attachment; filename="it's (1).pdf"`);
  });

  it("is the bare type without a name", () => {
    expect(contentDisposition("inline")).toBe("inline");
    expect(contentDisposition("inline", "  ")).toBe("inline");
  });
});
