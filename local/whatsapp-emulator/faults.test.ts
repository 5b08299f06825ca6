/** Fault injection: throughput cap (130429), pair rate limit (131056), random 5xx, slow answers; at start, at runtime and over HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { CUSTOMER, graph, send, startEmulator } from "./test-support";

let now = Date.parse("2025-06-01T10:00:00Z");
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator(undefined, { now: () => now });
});
beforeEach(() => {
  emulator.reset();
  emulator.openWindow(CUSTOMER);
});
afterAll(() => emulator.stop());

const text = (body: string, to = CUSTOMER) => ({ to, type: "text", text: { body } });

describe("throughput cap (130429)", () => {
  it("enforces Meta's 80 messages/s of a STANDARD number by default", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 81; i++) statuses.push((await send(emulator, text(`m${i}`, `1650555${String(1000 + i)}`))).status);
    expect(statuses.slice(0, 80).every((status) => status === 200)).toBe(true);
    expect(statuses[80]).toBe(400);
  });

  it("answers Meta's rate-limit error, and refills over time", async () => {
    emulator.setFaults({ throughputPerSecond: 2 });
    expect((await send(emulator, text("1"))).status).toBe(200);
    expect((await send(emulator, text("2"))).status).toBe(200);
    const limited = await send(emulator, text("3"));
    expect(limited.status).toBe(400);
    expect(limited.body.error).toEqual({
      message: "(#130429) Rate limit hit",
      type: "OAuthException",
      code: 130429,
      error_data: { messaging_product: "whatsapp", details: "Cloud API message throughput has been reached." },
      fbtrace_id: expect.any(String),
    });
    now += 500;
    expect((await send(emulator, text("4"))).status).toBe(200);
    expect((await send(emulator, text("5"))).status).toBe(400);
    now += 1000;
    expect((await send(emulator, text("6"))).status).toBe(200);
  });

  it("can answer 429 instead of 400", async () => {
    emulator.setFaults({ throughputPerSecond: 1, rateLimitHttpStatus: 429 });
    await send(emulator, text("1"));
    const limited = await send(emulator, text("2"));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe(130429);
  });

  it("does not count refused requests or read receipts", async () => {
    emulator.setFaults({ throughputPerSecond: 1 });
    await send(emulator, { to: undefined, status: "read", message_id: "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAwAA==" });
    await send(emulator, { type: "text", text: {} });
    expect((await send(emulator, text("counted"))).status).toBe(200);
  });

  it("is off with 0", async () => {
    emulator.setFaults({ throughputPerSecond: 0 });
    const statuses = await Promise.all(
      Array.from({ length: 120 }, (_, i) => send(emulator, text(`m${i}`, `1650556${String(1000 + i)}`)).then((r) => r.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it("is kept per phone number, at 1,000/s on the HIGH level", async () => {
    const high = await startEmulator(undefined, {
      now: () => now,
      phoneNumbers: [
        {
          phoneNumberId: "100000000000009",
          wabaId: "200000000000009",
          displayPhoneNumber: "+1 555-010-0009",
          verifiedName: "Big",
          accessToken: "t",
          throughputLevel: "HIGH",
        },
      ],
    });
    try {
      high.openWindow(CUSTOMER);
      const results = await Promise.all(
        Array.from({ length: 1001 }, (_, i) => send(high, text(`m${i}`), { phoneId: "100000000000009", token: "t" }).then((r) => r.status)),
      );
      expect(results.filter((status) => status === 200)).toHaveLength(1000);
      expect(results.filter((status) => status === 400)).toHaveLength(1);
    } finally {
      await high.stop();
    }
  });
});

describe("pair rate limit (131056)", () => {
  it("is off by default", async () => {
    for (let i = 0; i < 10; i++) expect((await send(emulator, text(`m${i}`))).status).toBe(200);
  });

  it("refuses more than N messages to one recipient within 6 s, others at once", async () => {
    emulator.setFaults({ pairRateLimit: { messages: 2 } });
    expect((await send(emulator, text("1"))).status).toBe(200);
    expect((await send(emulator, text("2"))).status).toBe(200);
    const limited = await send(emulator, text("3"));
    expect(limited.status).toBe(400);
    expect(limited.body.error).toMatchObject({
      code: 131056,
      message: "(#131056) (Business Account, Consumer Account) pair rate limit hit",
    });
    expect(limited.body.error.error_data!.details).toMatch(/same phone number/);
    expect((await send(emulator, text("other", "16505550001"))).status).toBe(200);
    now += 6000;
    expect((await send(emulator, text("later"))).status).toBe(200);
  });
});

describe("random 5xx", () => {
  it("answers 500 with 131000 for the configured share (injectable random)", async () => {
    const flaky = await startEmulator(undefined, { random: () => 0.1, faults: { random5xxRate: 0.2 } });
    try {
      const response = await send(flaky, text("x"));
      expect(response.status).toBe(500);
      expect(response.body.error).toMatchObject({
        code: 131000,
        message: "(#131000) Something went wrong",
        error_data: { details: expect.any(String) },
      });
      expect(flaky.sentMessages()).toHaveLength(0);
      flaky.setFaults({ random5xxRate: 0.2, random5xxCode: 2 });
      const code2 = await graph(flaky, "GET", "/v23.0/100000000000001");
      expect(code2.status).toBe(500);
      expect(code2.body).toMatchObject({ error: { code: 2, message: "Service temporarily unavailable", is_transient: true } });
      flaky.setFaults({ random5xxRate: 0.05 });
      expect((await send(flaky, { type: "template", template: { name: "hello_world", language: { code: "en_US" } } })).status).toBe(200);
    } finally {
      await flaky.stop();
    }
  });
});

describe("slow answers", () => {
  it("delays every Graph answer by slowMs", async () => {
    emulator.setFaults({ slowMs: 120 });
    const started = Date.now();
    expect((await send(emulator, text("slow"))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });
});

describe("runtime control", () => {
  it("replaces the faults with setFaults and reports them", () => {
    emulator.setFaults({ throughputPerSecond: 5, undeliverable: ["15550001111"] });
    expect(emulator.faults()).toEqual({ throughputPerSecond: 5, undeliverable: ["15550001111"] });
    emulator.setFaults({});
    expect(emulator.faults()).toEqual({});
  });

  it("sets faults over HTTP: POST /_emulator/faults", async () => {
    const response = await fetch(`${emulator.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ throughputPerSecond: 1 }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ throughputPerSecond: 1 });
    expect((await fetch(`${emulator.url}/_emulator/faults`).then((r) => r.json())) as unknown).toMatchObject({ throughputPerSecond: 1 });
    await send(emulator, text("1"));
    expect((await send(emulator, text("2"))).body.error.code).toBe(130429);
    const bad = await fetch(`${emulator.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ random5xxRate: 3 }),
    });
    expect(bad.status).toBe(400);
  });

  it("goes back to the start options on reset", async () => {
    const configured = await startEmulator(undefined, { faults: { throughputPerSecond: 3 } });
    try {
      configured.setFaults({});
      configured.reset();
      expect(configured.faults()).toMatchObject({ throughputPerSecond: 3 });
    } finally {
      await configured.stop();
    }
  });
});
