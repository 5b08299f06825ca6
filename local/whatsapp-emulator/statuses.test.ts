/** Status webhooks after a send: progression, pricing, the 24-hour window (131047), undeliverable (131026), media (131053). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { CUSTOMER, PHONE_ID, type Receiver, send, startEmulator, startReceiver, WABA_ID } from "./test-support";

let receiver: Receiver;
let emulator: RunningEmulator;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startEmulator(receiver);
});
afterEach(async () => {
  await emulator.settle();
  emulator.reset();
  receiver.received.length = 0;
});
afterAll(async () => {
  await emulator.stop();
  await receiver.close();
});

async function sendAndSettle(message: Record<string, unknown>, options: { version?: string } = {}): Promise<string> {
  const response = await send(emulator, message, options);
  expect(response.status).toBe(200);
  await emulator.settle();
  return response.body.messages[0]!.id;
}

describe("sent → delivered → read", () => {
  it("sends each status as a signed statuses[] webhook in Meta's shape", async () => {
    emulator.openWindow(CUSTOMER);
    const wamid = await sendAndSettle({ type: "text", text: { body: "Hello" }, biz_opaque_callback_data: "campaign-7" });

    expect(receiver.received).toHaveLength(3);
    for (const webhook of receiver.received) {
      expect(webhook.signatureValid).toBe(true);
      expect(webhook.headers["content-type"]).toBe("application/json");
      expect(webhook.headers["x-hub-signature"]).toMatch(/^sha1=[0-9a-f]{40}$/);
      expect(webhook.payload).toMatchObject({
        object: "whatsapp_business_account",
        entry: [
          {
            id: WABA_ID,
            changes: [
              {
                field: "messages",
                value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550100001", phone_number_id: PHONE_ID } },
              },
            ],
          },
        ],
      });
    }
    const [sent, delivered, read] = receiver.statuses();
    const pricing = { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" };
    expect(sent).toEqual({
      id: wamid,
      status: "sent",
      timestamp: expect.stringMatching(/^\d{10}$/),
      recipient_id: CUSTOMER,
      biz_opaque_callback_data: "campaign-7",
      conversation: {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        expiration_timestamp: expect.stringMatching(/^\d{10}$/),
        origin: { type: "service" },
      },
      pricing,
    });
    expect(delivered).toEqual({
      id: wamid,
      status: "delivered",
      timestamp: expect.any(String),
      recipient_id: CUSTOMER,
      biz_opaque_callback_data: "campaign-7",
      conversation: { id: sent!.conversation!.id, origin: { type: "service" } },
      pricing,
    });
    expect(read).toEqual({
      id: wamid,
      status: "read",
      timestamp: expect.any(String),
      recipient_id: CUSTOMER,
      biz_opaque_callback_data: "campaign-7",
    });
    expect(emulator.sentMessages()[0]!.statuses.map((status) => status.status)).toEqual(["sent", "delivered", "read"]);
  });

  it("omits the conversation object from v24.0 on (outside a free entry point)", async () => {
    emulator.openWindow(CUSTOMER);
    await sendAndSettle({ type: "text", text: { body: "Hello" } }, { version: "v24.0" });
    const [sent, delivered] = receiver.statuses();
    expect(sent).not.toHaveProperty("conversation");
    expect(delivered).not.toHaveProperty("conversation");
    expect(sent!.pricing).toEqual({ billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" });
  });

  it("prices templates by category: marketing is billable, utility free in the window", async () => {
    await sendAndSettle({ type: "template", template: { name: "hello_world", language: { code: "en_US" } } });
    expect(receiver.statuses()[0]!.pricing).toEqual({ billable: true, pricing_model: "PMP", type: "regular", category: "utility" });
    expect(receiver.statuses()[0]!.conversation!.origin.type).toBe("utility");

    receiver.received.length = 0;
    emulator.openWindow(CUSTOMER);
    await sendAndSettle({ type: "template", template: { name: "hello_world", language: { code: "en_US" } } });
    expect(receiver.statuses()[0]!.pricing).toMatchObject({ billable: false, type: "free_customer_service", category: "utility" });
  });

  it("prices everything free in a free entry point window (click-to-WhatsApp ad)", async () => {
    await emulator.sendAsCustomer({ from: CUSTOMER, type: "referral_text" });
    receiver.received.length = 0;
    await sendAndSettle({ type: "text", text: { body: "Thanks for clicking" } }, { version: "v24.0" });
    expect(receiver.statuses()[0]).toMatchObject({
      pricing: { billable: false, pricing_model: "PMP", type: "free_entry_point", category: "referral_conversion" },
      conversation: { origin: { type: "referral_conversion" } },
    });
  });

  it("honours the delivered and read probabilities (injectable random)", async () => {
    const statuses = { sentDelayMs: 1, deliveredDelayMs: 2, readDelayMs: 3 };
    const readRarely = await startEmulator(undefined, {
      random: () => 0.5,
      statuses: { ...statuses, deliveredProbability: 1, readProbability: 0.4 },
    });
    const neverDelivered = await startEmulator(undefined, { random: () => 0.5, statuses: { ...statuses, deliveredProbability: 0.3 } });
    try {
      for (const local of [readRarely, neverDelivered]) {
        local.openWindow(CUSTOMER);
        await send(local, { type: "text", text: { body: "x" } });
        await local.settle();
      }
      expect(readRarely.sentMessages()[0]!.statuses.map((status) => status.status)).toEqual(["sent", "delivered"]);
      expect(neverDelivered.sentMessages()[0]!.statuses.map((status) => status.status)).toEqual(["sent"]);
    } finally {
      await readRarely.stop();
      await neverDelivered.stop();
    }
  });

  it("keeps the statuses in order with the configured delays", async () => {
    const slow = await startEmulator(undefined, {
      statuses: { sentDelayMs: 150, deliveredDelayMs: 200, readDelayMs: 250, readProbability: 1 },
    });
    try {
      slow.openWindow(CUSTOMER);
      const started = Date.now();
      await send(slow, { type: "text", text: { body: "x" } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(slow.sentMessages()[0]!.statuses).toHaveLength(0);
      await slow.settle();
      expect(Date.now() - started).toBeGreaterThanOrEqual(245);
      expect(slow.sentMessages()[0]!.statuses.map((status) => status.status)).toEqual(["sent", "delivered", "read"]);
    } finally {
      await slow.stop();
    }
  });
});

describe("the 24-hour customer-service window", () => {
  it("accepts a free-form message outside the window, then fails it with 131047", async () => {
    const response = await send(emulator, { type: "text", text: { body: "Long time no see" }, biz_opaque_callback_data: "x" });
    expect(response.status).toBe(200);
    expect(response.body.messages[0]!.message_status).toBe("accepted");
    await emulator.settle();
    expect(receiver.statuses()).toEqual([
      {
        id: response.body.messages[0]!.id,
        status: "failed",
        timestamp: expect.any(String),
        recipient_id: CUSTOMER,
        biz_opaque_callback_data: "x",
        errors: [
          {
            code: 131047,
            title: "Re-engagement message",
            message: "Re-engagement message",
            error_data: {
              details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
            },
            href: expect.stringContaining("developers.facebook.com"),
          },
        ],
      },
    ]);
  });

  it("fails every free-form type outside the window, not templates", async () => {
    await send(emulator, { type: "image", image: { link: "https://example.com/a.jpg" } });
    await send(emulator, { type: "reaction", reaction: { message_id: "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTAwAA==", emoji: "👍" } });
    await send(emulator, {
      type: "interactive",
      interactive: { type: "button", body: { text: "?" }, action: { buttons: [{ type: "reply", reply: { id: "y", title: "Yes" } }] } },
    });
    await send(emulator, { type: "template", template: { name: "hello_world", language: { code: "en_US" } } });
    await emulator.settle();
    const final = emulator
      .sentMessages()
      .map((message) => [message.type, message.statuses.at(-1)?.status, message.statuses.at(-1)?.errors?.[0]?.code]);
    expect(final).toEqual([
      ["image", "failed", 131047],
      ["reaction", "failed", 131047],
      ["interactive", "failed", 131047],
      ["template", "read", undefined],
    ]);
  });

  it("opens with an inbound message and closes 24 hours later (injectable clock)", async () => {
    let now = Date.parse("2025-06-01T10:00:00Z");
    const timed = await startEmulator(receiver, { now: () => now });
    try {
      await timed.sendAsCustomer({ from: CUSTOMER, type: "text", text: "Hi" });
      await send(timed, { type: "text", text: { body: "inside" } });
      now += 23 * 60 * 60 * 1000 + 59 * 60 * 1000;
      await send(timed, { type: "text", text: { body: "still inside" } });
      now += 2 * 60 * 1000;
      await send(timed, { type: "text", text: { body: "outside" } });
      await timed.settle();
      // Webhook order is not a contract (Meta's is unordered either): judge by what each message reached.
      const outcome = (statuses: { status: string; errors?: { code: number }[] }[]) =>
        statuses.find((s) => s.status === "failed")?.errors?.[0]?.code ?? (statuses.some((s) => s.status === "read") ? "read" : statuses.at(-1)?.status);
      expect(timed.sentMessages().map((message) => outcome(message.statuses))).toEqual([
        "read",
        "read",
        131047,
      ]);
      // A new inbound message opens it again.
      await timed.sendAsCustomer({ from: CUSTOMER, type: "text", text: "Back" });
      await send(timed, { type: "text", text: { body: "welcome back" } });
      await timed.settle();
      expect(outcome(timed.sentMessages().at(-1)!.statuses)).toBe("read");
    } finally {
      await timed.stop();
    }
  });

  it("keeps windows per business number and customer", async () => {
    emulator.openWindow("15550009999");
    await send(emulator, { to: "15550009999", type: "text", text: { body: "open" } });
    await send(emulator, { to: "15550008888", type: "text", text: { body: "closed" } });
    await emulator.settle();
    expect(emulator.sentMessages().map((message) => message.statuses.at(-1)!.status)).toEqual(["read", "failed"]);
  });

  it("is not opened by a system message", async () => {
    await emulator.sendAsCustomer({ from: CUSTOMER, type: "system" });
    await sendAndSettle({ type: "text", text: { body: "x" } });
    expect(receiver.statuses().at(-1)!.errors![0]!.code).toBe(131047);
  });
});

describe("async failures", () => {
  it("fails undeliverable numbers with 131026", async () => {
    emulator.setFaults({ undeliverable: ["+1 650 555 0000"] });
    emulator.openWindow("16505550000");
    const response = await send(emulator, {
      to: "16505550000",
      type: "template",
      template: { name: "hello_world", language: { code: "en_US" } },
    });
    expect(response.status).toBe(200);
    await emulator.settle();
    expect(receiver.statuses()).toEqual([
      {
        id: response.body.messages[0]!.id,
        status: "failed",
        timestamp: expect.any(String),
        recipient_id: "16505550000",
        errors: [
          {
            code: 131026,
            title: "Message undeliverable",
            message: "Message undeliverable",
            error_data: { details: "Message Undeliverable." },
            href: expect.any(String),
          },
        ],
      },
    ]);
  });

  it("fails a media link that cannot be downloaded with 131053", async () => {
    emulator.openWindow(CUSTOMER);
    await sendAndSettle({ type: "image", image: { link: "https://media.example.invalid/a.jpg" } });
    expect(receiver.statuses()).toHaveLength(1);
    expect(receiver.statuses()[0]!.errors![0]).toMatchObject({ code: 131053, title: "Media upload error" });
  });

  it("sends statuses chosen by the test (e.g. 131049 marketing cap)", async () => {
    const wamid = await sendAndSettle({ type: "template", template: { name: "hello_world", language: { code: "en_US" } } });
    receiver.received.length = 0;
    await emulator.emitStatus(wamid, "failed", {
      code: 131049,
      title: "This message was not delivered to maintain healthy ecosystem engagement.",
    });
    expect(receiver.statuses()).toEqual([
      expect.objectContaining({ id: wamid, status: "failed", errors: [expect.objectContaining({ code: 131049 })] }),
    ]);
  });
});
