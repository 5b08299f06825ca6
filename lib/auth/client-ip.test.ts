import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const direct = { onVercel: false, trustedProxyHops: 0 };
const oneProxy = { onVercel: false, trustedProxyHops: 1 };
const twoProxies = { onVercel: false, trustedProxyHops: 2 };
const vercel = { onVercel: true, trustedProxyHops: 0 };
const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp", () => {
  it("behind one proxy takes the address the proxy appended, not what the client wrote before it", () => {
    // The client forged "1.2.3.4"; the proxy appended the address it saw.
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" }), oneProxy)).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7" }), oneProxy)).toBe("203.0.113.7");
  });

  it("behind two proxies takes the second entry from the right", () => {
    expect(clientIp(headers({ "x-forwarded-for": "6.6.6.6, 5.5.5.5, 203.0.113.7, 10.0.0.2" }), twoProxies)).toBe("203.0.113.7");
  });

  it("never takes the leftmost entry a client controls", () => {
    for (const settings of [direct, oneProxy]) {
      expect(clientIp(headers({ "x-forwarded-for": "9.9.9.9, 198.51.100.1" }), settings)).toBe("198.51.100.1");
    }
  });

  it("on Vercel takes Vercel's own header, whatever X-Forwarded-For a client adds", () => {
    expect(clientIp(headers({ "x-vercel-forwarded-for": "198.51.100.2", "x-forwarded-for": "6.6.6.6" }), vercel)).toBe("198.51.100.2");
    expect(clientIp(headers({ "x-forwarded-for": "198.51.100.3" }), vercel)).toBe("198.51.100.3");
  });

  it("ignores X-Real-IP (a client can send it) and anything that is not an IP address", () => {
    expect(clientIp(headers({ "x-real-ip": "6.6.6.6" }), direct)).toBeNull();
    expect(clientIp(headers({ "x-forwarded-for": "evil.example" }), direct)).toBeNull();
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7, not-an-ip" }), oneProxy)).toBeNull();
    expect(clientIp(headers({}), oneProxy)).toBeNull();
  });

  it("reads IPv6 addresses", () => {
    expect(clientIp(headers({ "x-forwarded-for": "::ffff:1.2.3.4, 2001:db8::1" }), oneProxy)).toBe("2001:db8::1");
  });
});
