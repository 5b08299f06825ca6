/** sendAsCustomer: Meta-exact inbound webhooks for every type, media the business can download, retries, batching. */
import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CustomerMessageInput, RunningEmulator } from "./index";
import { CUSTOMER, graph, PHONE_ID, type Receiver, send, startEmulator, startReceiver, TOKEN, WABA_ID, WAMID } from "./test-support";

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
  receiver.respond = () => 200;
});
afterAll(async () => {
  await emulator.stop();
  await receiver.close();
});

const METADATA = { display_phone_number: "15550100001", phone_number_id: PHONE_ID };
const TIMESTAMP = expect.stringMatching(/^\d{10}$/);
const INBOUND_WAMID = expect.stringMatching(WAMID);
const BASE64_SHA = expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/);
const MEDIA_ID = expect.stringMatching(/^\d{16}$/);

/** The single message of the last webhook, after checking its envelope. */
async function inbound(
  input: CustomerMessageInput,
): Promise<{ wamid: string; message: Record<string, unknown>; value: Record<string, unknown> }> {
  const result = await emulator.sendAsCustomer(input);
  expect(result.delivered).toBe(true);
  expect(result.wamid).toMatch(WAMID);
  const webhook = receiver.received.find((received) => received.raw.includes(result.wamid))!;
  expect(webhook.signatureValid).toBe(true);
  expect(webhook.payload.object).toBe("whatsapp_business_account");
  expect(webhook.payload.entry).toHaveLength(1);
  expect(webhook.payload.entry[0]!.id).toBe(WABA_ID);
  expect(webhook.payload.entry[0]!.changes).toHaveLength(1);
  const change = webhook.payload.entry[0]!.changes[0]!;
  expect(change.field).toBe("messages");
  expect(change.value.messaging_product).toBe("whatsapp");
  expect(change.value.metadata).toEqual(METADATA);
  expect(change.value.messages).toHaveLength(1);
  expect(change.value.messages![0]!.id).toBe(result.wamid);
  return { wamid: result.wamid, message: change.value.messages![0]!, value: change.value };
}

describe("every inbound type, as Meta sends it", () => {
  it("text, with the contacts block", async () => {
    const { value, message } = await inbound({
      from: "+1 650-555-1234",
      name: "Sheena Nelson",
      type: "text",
      text: "Does it come in another color?",
    });
    expect(value.contacts).toEqual([{ profile: { name: "Sheena Nelson" }, wa_id: CUSTOMER }]);
    expect(message).toEqual({
      from: CUSTOMER,
      id: INBOUND_WAMID,
      timestamp: TIMESTAMP,
      type: "text",
      text: { body: "Does it come in another color?" },
    });
  });

  it("text as a reply (context) and forwarded", async () => {
    const sent = await send(emulator, { type: "template", template: { name: "hello_world", language: { code: "en_US" } } });
    const { message } = await inbound({ from: CUSTOMER, type: "text", text: "Yes", contextMessageId: sent.body.messages[0]!.id });
    expect(message.context).toEqual({ from: "15550100001", id: sent.body.messages[0]!.id });
    const forwarded = await inbound({ from: CUSTOMER, type: "text", text: "fwd", frequentlyForwarded: true });
    expect(forwarded.message.context).toEqual({ frequently_forwarded: true });
  });

  it("text from a click-to-WhatsApp ad (referral)", async () => {
    const { message } = await inbound({
      from: CUSTOMER,
      type: "referral_text",
      text: "Hello! Can I get more info on this?",
      referral: { headline: "Summer sale" },
    });
    expect(message).toEqual({
      referral: {
        source_url: expect.stringMatching(/^https:\/\//),
        source_id: expect.any(String),
        source_type: "ad",
        body: expect.any(String),
        headline: "Summer sale",
        media_type: "image",
        image_url: expect.stringMatching(/^https:\/\//),
        ctwa_clid: expect.any(String),
        welcome_message: { text: expect.any(String) },
      },
      from: CUSTOMER,
      id: INBOUND_WAMID,
      timestamp: TIMESTAMP,
      type: "text",
      text: { body: "Hello! Can I get more info on this?" },
    });
  });

  it.each([
    ["image", { caption: "Taj Mahal" }, { caption: "Taj Mahal", mime_type: "image/jpeg" }],
    ["video", {}, { mime_type: "video/mp4" }],
    ["audio", {}, { mime_type: "audio/ogg", voice: false }],
    ["sticker", {}, { mime_type: "image/webp", animated: false }],
    [
      "document",
      { caption: "Invoice", filename: "invoice.pdf" },
      { caption: "Invoice", filename: "invoice.pdf", mime_type: "application/pdf" },
    ],
  ] as const)("%s, with media the business can download", async (type, extra, expected) => {
    const { message } = await inbound({ from: CUSTOMER, type, ...extra });
    expect(message).toEqual({
      from: CUSTOMER,
      id: INBOUND_WAMID,
      timestamp: TIMESTAMP,
      type,
      [type]: { ...expected, sha256: BASE64_SHA, id: MEDIA_ID },
    });
    const media = message[type] as { id: string; sha256: string; mime_type: string };

    const node = await graph<{ url: string; sha256: string; mime_type: string; file_size: number }>(emulator, "GET", `/v23.0/${media.id}`);
    expect(node.body.mime_type).toBe(media.mime_type);
    const download = await fetch(node.body.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(node.body.file_size);
    expect(createHash("sha256").update(bytes).digest("base64")).toBe(media.sha256);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(node.body.sha256);
  });

  it("sample files are real files of their type", async () => {
    const magic = async (type: "image" | "voice" | "document" | "sticker" | "video") => {
      const { mediaId } = await emulator.sendAsCustomer({ from: CUSTOMER, type });
      return emulator.mediaBytes(mediaId!)!;
    };
    expect((await magic("image")).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const ogg = await magic("voice");
    expect(ogg.subarray(0, 4).toString()).toBe("OggS");
    expect(ogg.includes(Buffer.from("OpusHead"))).toBe(true);
    expect((await magic("document")).subarray(0, 5).toString()).toBe("%PDF-");
    const webp = await magic("sticker");
    expect([webp.subarray(0, 4).toString(), webp.subarray(8, 12).toString()]).toEqual(["RIFF", "WEBP"]);
    expect((await magic("video")).subarray(4, 8).toString()).toBe("ftyp");
  });

  it("voice notes are audio with voice: true", async () => {
    const { message } = await inbound({ from: CUSTOMER, type: "voice" });
    expect(message.type).toBe("audio");
    expect(message.audio).toEqual({ mime_type: "audio/ogg; codecs=opus", sha256: BASE64_SHA, id: MEDIA_ID, voice: true });
  });

  it("media with the caller's bytes", async () => {
    const bytes = Buffer.from("%PDF-1.4 custom");
    const { message } = await inbound({
      from: CUSTOMER,
      type: "document",
      mediaBase64: bytes.toString("base64"),
      mimeType: "application/pdf",
      filename: "custom.pdf",
    });
    const document = message.document as { id: string; sha256: string; filename: string };
    expect(document.filename).toBe("custom.pdf");
    expect(document.sha256).toBe(createHash("sha256").update(bytes).digest("base64"));
    expect(emulator.mediaBytes(document.id)!.equals(bytes)).toBe(true);
  });

  it("location", async () => {
    const { message } = await inbound({
      from: CUSTOMER,
      type: "location",
      latitude: 37.44221496582,
      longitude: -122.16165924072,
      locationName: "Philz Coffee",
      address: "101 Forest Ave, Palo Alto, CA 94301",
      locationUrl: "https://philzcoffee.com/",
    });
    expect(message).toEqual({
      from: CUSTOMER,
      id: INBOUND_WAMID,
      timestamp: TIMESTAMP,
      type: "location",
      location: {
        address: "101 Forest Ave, Palo Alto, CA 94301",
        latitude: 37.44221496582,
        longitude: -122.16165924072,
        name: "Philz Coffee",
        url: "https://philzcoffee.com/",
      },
    });
  });

  it("contacts", async () => {
    const { message } = await inbound({ from: CUSTOMER, type: "contacts" });
    expect(message.type).toBe("contacts");
    expect(message.contacts).toEqual([
      {
        name: { first_name: "Lucía", last_name: "Gómez", formatted_name: "Lucía Gómez" },
        org: { company: "Acme Supplies" },
        phones: [{ phone: "+1 (983) 555-2319", wa_id: "19835552319", type: "MOBILE" }],
      },
    ]);
  });

  it("interactive button reply, replying to the business's last message", async () => {
    emulator.openWindow(CUSTOMER);
    const sent = await send(emulator, {
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Cancel?" },
        action: { buttons: [{ type: "reply", reply: { id: "cancel-button", title: "Cancel" } }] },
      },
    });
    const { message } = await inbound({
      from: CUSTOMER,
      type: "interactive_button_reply",
      buttonId: "cancel-button",
      buttonTitle: "Cancel",
    });
    expect(message).toEqual({
      context: { from: "15550100001", id: sent.body.messages[0]!.id },
      from: CUSTOMER,
      id: INBOUND_WAMID,
      timestamp: TIMESTAMP,
      type: "interactive",
      interactive: { type: "button_reply", button_reply: { id: "cancel-button", title: "Cancel" } },
    });
  });

  it("interactive list reply", async () => {
    const { message } = await inbound({
      from: CUSTOMER,
      type: "interactive_list_reply",
      listRowId: "priority_express",
      listRowTitle: "Priority Mail Express",
      listRowDescription: "Next Day to 2 Days",
    });
    expect(message.context).toEqual({ from: "15550100001", id: expect.stringMatching(WAMID) });
    expect(message.interactive).toEqual({
      type: "list_reply",
      list_reply: { id: "priority_express", title: "Priority Mail Express", description: "Next Day to 2 Days" },
    });
  });

  it("button (template quick reply)", async () => {
    const { message } = await inbound({ from: CUSTOMER, type: "button", payload: "Unsubscribe", text: "Unsubscribe" });
    expect(message).toEqual({
      context: { from: "15550100001", id: expect.stringMatching(WAMID) },
      from: CUSTOMER,
      id: INBOUND_WAMID,
      timestamp: TIMESTAMP,
      type: "button",
      button: { payload: "Unsubscribe", text: "Unsubscribe" },
    });
  });

  it("reaction, and its removal", async () => {
    const target = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA";
    const { message } = await inbound({ from: CUSTOMER, type: "reaction", messageId: target, emoji: "👍" });
    expect(message).toEqual({
      from: CUSTOMER,
      id: INBOUND_WAMID,
      timestamp: TIMESTAMP,
      type: "reaction",
      reaction: { message_id: target, emoji: "👍" },
    });
    const removed = await inbound({ from: CUSTOMER, type: "reaction", messageId: target, emoji: "" });
    expect(removed.message.reaction).toEqual({ message_id: target, emoji: "" });
  });

  it("order", async () => {
    const { message } = await inbound({
      from: CUSTOMER,
      type: "order",
      order: {
        catalogId: "194836987003835",
        text: "",
        productItems: [{ productRetailerId: "di9ozbzfi4", quantity: 2, itemPrice: 30, currency: "USD" }],
      },
    });
    expect(message.order).toEqual({
      catalog_id: "194836987003835",
      text: "",
      product_items: [{ product_retailer_id: "di9ozbzfi4", quantity: 2, item_price: 30, currency: "USD" }],
    });
  });

  it("system (user changed number), without a contacts block", async () => {
    const { message, value } = await inbound({ from: "16505551234", name: "Sheena Nelson", type: "system", newWaId: "12195555358" });
    expect(value).not.toHaveProperty("contacts");
    expect(message).toEqual({
      from: CUSTOMER,
      id: INBOUND_WAMID,
      timestamp: TIMESTAMP,
      system: { body: "User Sheena Nelson changed from 16505551234 to 12195555358", wa_id: "12195555358", type: "user_changed_number" },
      type: "system",
    });
  });

  it("unsupported, with errors[]", async () => {
    const { message } = await inbound({ from: CUSTOMER, type: "unsupported" });
    expect(message).toEqual({
      from: CUSTOMER,
      id: INBOUND_WAMID,
      timestamp: TIMESTAMP,
      errors: [
        {
          code: 131051,
          title: "Message type unknown",
          message: "Message type unknown",
          error_data: { details: "Message type is currently not supported." },
        },
      ],
      type: "unsupported",
    });
  });

  it("to another business number", async () => {
    const two = await startEmulator(receiver, {
      phoneNumbers: [
        { phoneNumberId: PHONE_ID, wabaId: WABA_ID, displayPhoneNumber: "+1 555-010-0001", verifiedName: "Acme", accessToken: TOKEN },
        {
          phoneNumberId: "100000000000002",
          wabaId: "200000000000002",
          displayPhoneNumber: "+62 811-0000-0002",
          verifiedName: "Dua",
          accessToken: "t2",
        },
      ],
    });
    try {
      await two.sendAsCustomer({ phoneNumberId: "100000000000002", from: CUSTOMER, type: "text", text: "hai" });
      const entry = receiver.received.at(-1)!.payload.entry[0]!;
      expect(entry.id).toBe("200000000000002");
      expect(entry.changes[0]!.value.metadata).toEqual({ display_phone_number: "6281100000002", phone_number_id: "100000000000002" });
    } finally {
      await two.stop();
    }
  });

  it("refuses bad input", async () => {
    await expect(emulator.sendAsCustomer({ from: "abc", type: "text" })).rejects.toThrow(/from/);
    await expect(emulator.sendAsCustomer({ from: CUSTOMER, type: "fax" as "text" })).rejects.toThrow(/type/);
    await expect(emulator.sendAsCustomer({ from: CUSTOMER, type: "text", phoneNumberId: "1" })).rejects.toThrow(/Unknown phone number/);
  });
});

describe("delivery like Meta", () => {
  it("retries non-2xx answers with backoff, then succeeds", async () => {
    const first = receiver.requests;
    receiver.respond = (index) => (index - first < 2 ? 500 : 200);
    const result = await emulator.sendAsCustomer({ from: CUSTOMER, type: "text", text: "retry me" });
    expect(result.delivered).toBe(true);
    const delivery = emulator.webhookDeliveries().at(-1)!;
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.raw).toBe(delivery.body);
  });

  it("gives up after the configured attempts", async () => {
    receiver.respond = () => 503;
    const result = await emulator.sendAsCustomer({ from: CUSTOMER, type: "text", text: "lost" });
    expect(result.delivered).toBe(false);
    expect(emulator.webhookDeliveries().at(-1)!.attempts).toHaveLength(3);
  });

  it("records a connection error as a failed attempt", async () => {
    const nowhere = await startEmulator(undefined, {
      webhookUrl: "http://127.0.0.1:9/nowhere",
      webhookRetry: { attempts: 2, baseDelayMs: 1 },
    });
    try {
      const result = await nowhere.sendAsCustomer({ from: CUSTOMER, type: "text" });
      expect(result.delivered).toBe(false);
      expect(nowhere.webhookDeliveries()[0]!.attempts).toEqual([
        expect.objectContaining({ error: expect.any(String) }),
        expect.objectContaining({ error: expect.any(String) }),
      ]);
    } finally {
      await nowhere.stop();
    }
  });

  it("sends nothing without a webhook URL, and still records the message", async () => {
    const silent = await startEmulator(undefined);
    try {
      const result = await silent.sendAsCustomer({ from: CUSTOMER, type: "text", text: "hi" });
      expect(result.delivered).toBeUndefined();
      expect(silent.customerMessages()).toHaveLength(1);
      silent.setWebhookUrl(receiver.url);
      expect((await silent.sendAsCustomer({ from: CUSTOMER, type: "text" })).delivered).toBe(true);
    } finally {
      await silent.stop();
    }
  });

  it("batches several messages in one POST (sendAsCustomerBatch)", async () => {
    const result = await emulator.sendAsCustomerBatch([
      { from: CUSTOMER, name: "Sheena", type: "text", text: "one" },
      { from: CUSTOMER, name: "Sheena", type: "text", text: "two" },
      { from: "16505550002", name: "Raj", type: "location" },
    ]);
    expect(result.delivered).toBe(true);
    expect(receiver.received).toHaveLength(1);
    const value = receiver.received[0]!.payload.entry[0]!.changes[0]!.value;
    expect(value.contacts).toEqual([
      { profile: { name: "Sheena" }, wa_id: CUSTOMER },
      { profile: { name: "Raj" }, wa_id: "16505550002" },
    ]);
    expect(value.messages!.map((message) => message.id)).toEqual(result.wamids);
  });

  it("batches messages and statuses of a time window when configured", async () => {
    const batching = await startEmulator(receiver, {
      webhookBatching: { windowMs: 40, maxEvents: 50 },
      statuses: { sentDelayMs: 1, deliveredDelayMs: 2, readDelayMs: 3, readProbability: 1 },
    });
    try {
      batching.openWindow(CUSTOMER);
      await send(batching, { type: "text", text: { body: "a" } });
      await send(batching, { type: "text", text: { body: "b" } });
      await batching.settle();
      expect(receiver.received).toHaveLength(1);
      const statuses = receiver.statuses();
      expect(statuses).toHaveLength(6);
      expect(new Set(statuses.map((status) => status.status))).toEqual(new Set(["sent", "delivered", "read"]));
    } finally {
      await batching.stop();
    }
  });

  it("opens the customer's window", async () => {
    await emulator.sendAsCustomer({ from: CUSTOMER, type: "text" });
    await send(emulator, { type: "text", text: { body: "inside" } });
    await emulator.settle();
    expect(emulator.sentMessages()[0]!.statuses.at(-1)!.status).toBe("read");
  });
});

describe("POST /_emulator/customer-messages", () => {
  it("sends one message", async () => {
    const response = await fetch(`${emulator.url}/_emulator/customer-messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: CUSTOMER, type: "text", text: "over http" }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { wamid: string; delivered: boolean; message: { text: { body: string } } };
    expect(body).toMatchObject({ wamid: expect.stringMatching(WAMID), delivered: true, message: { text: { body: "over http" } } });
    expect(receiver.messages().at(-1)!.id).toBe(body.wamid);
  });

  it("sends a batch", async () => {
    const response = await fetch(`${emulator.url}/_emulator/customer-messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        messages: [
          { from: CUSTOMER, type: "text" },
          { from: CUSTOMER, type: "sticker" },
        ],
      }),
    });
    const body = (await response.json()) as { wamids: string[] };
    expect(body.wamids).toHaveLength(2);
    expect(receiver.received).toHaveLength(1);
  });

  it("refuses bad input with 400", async () => {
    const response = await fetch(`${emulator.url}/_emulator/customer-messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: CUSTOMER, type: "hologram" }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/type/);
  });
});

describe("webhook concurrency", () => {
  it("keeps at most webhookConcurrency POSTs in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    const { createServer } = await import("node:http");
    const server = createServer((req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      req.resume();
      setTimeout(() => {
        inFlight--;
        res.end();
      }, 20);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const limited = await startEmulator(undefined, { webhookUrl: `http://127.0.0.1:${port}/`, webhookConcurrency: 2 });
    try {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => limited.sendAsCustomer({ from: `1650555100${i}`, type: "text" })),
      );
      expect(results.every((result) => result.delivered)).toBe(true);
      expect(peak).toBe(2);
    } finally {
      await limited.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
