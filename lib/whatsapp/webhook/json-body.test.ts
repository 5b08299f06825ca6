import { describe, expect, it } from "vitest";
import { decodeJsonBody, MAX_JSON_DEPTH, toStorableJson } from "./json-body";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("decodeJsonBody", () => {
  it("parses UTF-8 JSON", () => {
    expect(decodeJsonBody(bytes('{"a":[1,"é",null,true]}'))).toEqual({ ok: true, value: { a: [1, "é", null, true] } });
    expect(decodeJsonBody(bytes("null"))).toEqual({ ok: true, value: null });
  });

  it("refuses invalid UTF-8, invalid JSON and absurd nesting", () => {
    expect(decodeJsonBody(new Uint8Array([0x22, 0xc3, 0x28, 0x22]))).toEqual({ ok: false, reason: "not_utf8" });
    expect(decodeJsonBody(bytes("{"))).toEqual({ ok: false, reason: "not_json" });
    expect(decodeJsonBody(bytes(""))).toEqual({ ok: false, reason: "not_json" });
    expect(decodeJsonBody(bytes("[".repeat(1_000_000) + "]".repeat(1_000_000)))).toEqual({ ok: false, reason: "too_deep" });
  });

  it("allows nesting up to the limit", () => {
    const depth = MAX_JSON_DEPTH;
    expect(decodeJsonBody(bytes("[".repeat(depth) + "]".repeat(depth))).ok).toBe(true);
    expect(decodeJsonBody(bytes("[".repeat(depth + 1) + "]".repeat(depth + 1))).ok).toBe(false);
  });

  it("repairs what jsonb cannot store: NUL characters and lone surrogates, in values and keys", () => {
    const decoded = decodeJsonBody(bytes('{"a\\u0000":"x\\u0000y","b":"\\ud800z","c":["\\udc00"]}'));
    expect(decoded).toEqual({ ok: true, value: { "a\uFFFD": "x\uFFFDy", b: "\uFFFDz", c: ["\uFFFD"] } });
  });

  it("keeps a __proto__ key as a plain key, never as a prototype", () => {
    const value = toStorableJson(JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
