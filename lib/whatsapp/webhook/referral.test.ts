import { describe, expect, it } from "vitest";
import { parseInboundMessage } from "./inbound-message";
import { clipText, parseReferral, REFERRAL_LIMITS, sameReferral } from "./referral";

/** Meta's example referral (test/fixtures/meta/text-referral.json). */
const META = {
  source_url: "https://fb.me/3cr4Wqqkv",
  source_id: "120226305854810726",
  source_type: "ad",
  body: "Summer sale: 50% off all shirts",
  headline: "Chat with us",
  media_type: "image",
  image_url: "https://scontent.xx.fbcdn.net/v/t45.1600-4/example.jpg",
  ctwa_clid: "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a",
  welcome_message: { text: "Hi, how can we help?" },
};

describe("parseReferral", () => {
  it("keeps every field of Meta's referral as sent", () => {
    expect(parseReferral(META)).toEqual(META);
    const video = {
      source_type: "post",
      media_type: "video",
      video_url: "https://video.example/v.mp4",
      thumbnail_url: "https://video.example/t.jpg",
    };
    expect(parseReferral(video)).toEqual(video);
  });

  it("is null without a referral or without any usable known field", () => {
    for (const raw of [undefined, null, "ad", 42, [], [META], {}, { foo: "bar" }, { headline: "   " }, { source_id: 123 }]) {
      expect(parseReferral(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it("drops unknown keys and bad fields one by one, keeping the rest", () => {
    const parsed = parseReferral({
      ...META,
      source_url: "javascript:alert(1)",
      image_url: "data:image/png;base64,AAAA",
      source_id: "1202 OR 1=1",
      ctwa_clid: { nested: "object" },
      media_type: "<img src=x>",
      welcome_message: "not an object",
      extra: "x".repeat(100_000),
      ...(JSON.parse('{"__proto__": {"polluted": true}}') as object),
    });
    expect(parsed).toEqual({ source_type: "ad", headline: META.headline, body: META.body });
    expect(Object.keys(parsed!)).not.toContain("extra");
    expect(Object.keys(parsed!)).not.toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("cuts long text, and drops ids and URLs that are too long rather than cutting them", () => {
    const parsed = parseReferral({
      headline: `  ${"H".repeat(1_000_000)}  `,
      body: "b".repeat(REFERRAL_LIMITS.body + 1),
      welcome_message: { text: "w".repeat(50_000) },
      source_id: "1".repeat(REFERRAL_LIMITS.sourceId + 1),
      ctwa_clid: "A".repeat(REFERRAL_LIMITS.ctwaClid + 1),
      source_url: `https://example.com/${"a".repeat(REFERRAL_LIMITS.url)}`,
      source_type: "a".repeat(REFERRAL_LIMITS.kind + 1),
    })!;
    expect(Array.from(parsed.headline!)).toHaveLength(REFERRAL_LIMITS.headline);
    expect(parsed.headline!.endsWith("…")).toBe(true);
    expect(Array.from(parsed.body!)).toHaveLength(REFERRAL_LIMITS.body);
    expect(Array.from(parsed.welcome_message!.text)).toHaveLength(REFERRAL_LIMITS.welcome);
    expect(parsed).not.toHaveProperty("source_id");
    expect(parsed).not.toHaveProperty("ctwa_clid");
    expect(parsed).not.toHaveProperty("source_url");
    expect(parsed).not.toHaveProperty("source_type");
  });

  it("is a few kilobytes at most, whatever it is given", () => {
    const huge = "€".repeat(1_000_000);
    const raw = Object.fromEntries(Object.keys(META).map((key) => [key, huge]));
    const worst = {
      ...raw,
      welcome_message: { text: huge },
      source_id: "9".repeat(REFERRAL_LIMITS.sourceId),
      ctwa_clid: "A".repeat(REFERRAL_LIMITS.ctwaClid),
      source_url: `https://e.x/${"a".repeat(REFERRAL_LIMITS.url - 12)}`,
      image_url: `https://e.x/${"a".repeat(REFERRAL_LIMITS.url - 12)}`,
      video_url: `https://e.x/${"a".repeat(REFERRAL_LIMITS.url - 12)}`,
      thumbnail_url: `https://e.x/${"a".repeat(REFERRAL_LIMITS.url - 12)}`,
    };
    expect(Buffer.byteLength(JSON.stringify(parseReferral(worst)))).toBeLessThan(20_000);
  });

  it("trims ids, cleans text of control characters and never splits an emoji", () => {
    expect(parseReferral({ source_id: "  120226305854810726\n", headline: "Chat\u0000 with\n\n us\u0007" })).toEqual({
      source_id: "120226305854810726",
      headline: "Chat with us",
    });
    expect(clipText("😀".repeat(10), 5)).toBe("😀😀😀😀…");
    // A bounded prefix is read; it never ends in half a surrogate pair.
    const cut = clipText(`${"x".repeat(7)}😀${"y".repeat(100)}`, 2);
    expect(cut).toBe("x…");
    expect(clipText(`${"x".repeat(3)}😀`, 1)).toBe("…");
    expect(clipText("ab😀", 3)).toBe("ab😀");
  });

  it("reads a stored referral back the same, whatever order its keys come in (jsonb reorders them)", () => {
    const kept = parseReferral(META)!;
    const reordered = Object.fromEntries(Object.entries(kept).reverse());
    expect(JSON.stringify(parseReferral(reordered))).toBe(JSON.stringify(kept));
    expect(sameReferral(parseReferral(reordered), kept)).toBe(true);
  });
});

describe("sameReferral", () => {
  const a = parseReferral(META);
  it("tells two clicks apart, and no referral from one", () => {
    expect(sameReferral(a, parseReferral({ ...META }))).toBe(true);
    expect(sameReferral(a, parseReferral({ ...META, ctwa_clid: "ARAkOtherClick" }))).toBe(false);
    expect(sameReferral(a, null)).toBe(false);
    expect(sameReferral(null, null)).toBe(true);
  });
});

describe("parseInboundMessage and referral", () => {
  const base = { from: "16505551234", id: "wamid.1", timestamp: "1749416383", type: "text", text: { body: "Hi" } };

  it("bounds the referral for attribution and keeps it whole in the content", () => {
    const raw = { ...META, headline: "h".repeat(5000), unknown_field: { deep: true } };
    const parsed = parseInboundMessage({ ...base, referral: raw });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.message.content.referral).toEqual(raw);
    expect(parsed.message.referral).toMatchObject({ source_id: META.source_id, ctwa_clid: META.ctwa_clid });
    expect(Array.from(parsed.message.referral!.headline!)).toHaveLength(REFERRAL_LIMITS.headline);
    expect(parsed.message.referral).not.toHaveProperty("unknown_field");
  });

  it("keeps a message whose referral is odd, with no attribution", () => {
    for (const referral of ["ad", 42, [1, 2], { nothing: "known" }]) {
      const parsed = parseInboundMessage({ ...base, referral });
      expect(parsed, JSON.stringify(referral)).toMatchObject({ ok: true, message: { referral: null, content: { body: "Hi", referral } } });
    }
    expect(parseInboundMessage(base)).toMatchObject({ ok: true, message: { referral: null } });
  });
});
