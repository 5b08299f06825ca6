import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidSignature, parseSignatureHeader, signWebhookBody } from "./signature";

const body = new TextEncoder().encode('{"object":"whatsapp_business_account","entry":[]}');

describe("webhook signatures", () => {
  it("signs as Meta does: sha256= and the hex HMAC-SHA256 of the raw bytes", () => {
    const expected = createHmac("sha256", "app-secret").update(body).digest("hex");
    expect(signWebhookBody(body, "app-secret")).toBe(`sha256=${expected}`);
  });

  it("verifies the exact bytes under the right secret only", () => {
    const digest = parseSignatureHeader(signWebhookBody(body, "app-secret"))!;
    expect(isValidSignature(body, digest, "app-secret")).toBe(true);
    expect(isValidSignature(body, digest, "other-secret")).toBe(false);
    expect(isValidSignature(new TextEncoder().encode('{"object":"whatsapp_business_account","entry":[] }'), digest, "app-secret")).toBe(
      false,
    );
    expect(isValidSignature(body, digest, "")).toBe(false);
  });

  it("accepts an upper-case prefix or digest and surrounding spaces", () => {
    const header = signWebhookBody(body, "s");
    expect(parseSignatureHeader(`  SHA256=${header.slice(7).toUpperCase()} `)).toEqual(parseSignatureHeader(header));
  });

  it("refuses headers that are not sha256=<64 hex digits>", () => {
    for (const header of [
      null,
      undefined,
      "",
      "sha256=",
      "sha256=abc",
      `sha1=${"0".repeat(40)}`,
      `sha256=${"g".repeat(64)}`,
      `sha256=${"0".repeat(65)}`,
      "0".repeat(64),
    ]) {
      expect(parseSignatureHeader(header)).toBeNull();
    }
  });
});
