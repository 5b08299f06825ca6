/**
 * The client against the bundled Graph API emulator over real HTTP: every call, and every error
 * class the emulator can produce. Codes the emulator cannot produce (4, 80007, 368, …) are
 * covered by errors.test.ts.
 */
import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACME_PHONE_NUMBER, startWhatsAppEmulator, type RunningEmulator } from "@/local/whatsapp-emulator";
import { createWhatsAppClient, type WhatsAppClient, type WhatsAppClientOptions } from "./client";
import { classifyMetaError, WhatsAppApiError, WhatsAppMediaTooLargeError, WhatsAppNetworkError, WhatsAppRequestError } from "./errors";

const CUSTOMER = "6281234567890";
const OTHER_CUSTOMER = "6289876543210";
const VERSION = "v23.0";
/** Bytes the emulator stores as they are: it checks type and size, not content. */
const JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");

let emu: RunningEmulator;
let wa: WhatsAppClient;

function clientOptions(overrides: Partial<WhatsAppClientOptions> = {}): WhatsAppClientOptions {
  return {
    baseUrl: emu.url,
    version: VERSION,
    accessToken: ACME_PHONE_NUMBER.accessToken,
    phoneNumberId: ACME_PHONE_NUMBER.phoneNumberId,
    wabaId: ACME_PHONE_NUMBER.wabaId,
    timeoutMs: 5_000,
    ...overrides,
  };
}

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

/** The request body the emulator received for a wamid. */
function received(wamid: string): Record<string, unknown> {
  const record = emu.sentMessages().find((message) => message.wamid === wamid);
  if (!record) throw new Error(`emulator has no message ${wamid}`);
  return record.request;
}

/**
 * Waits for a send's first status: `sent` (→ undefined) or `failed` (→ its error code). Polls the
 * sent log rather than emu.settle(), which would also wait for unrelated template reviews.
 */
async function asyncFailureCode(wamid: string): Promise<number | undefined> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const statuses = emu.sentMessages().find((message) => message.wamid === wamid)?.statuses ?? [];
    const failed = statuses.find((status) => status.status === "failed");
    if (failed) return failed.errors?.[0]?.code;
    if (statuses.some((status) => status.status === "sent")) return undefined;
    if (Date.now() > deadline) throw new Error(`no status for ${wamid}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  emu = await startWhatsAppEmulator({ port: 0, appSecret: "test-secret", templateReview: { delayMs: 60_000 } });
  wa = createWhatsAppClient(clientOptions());
});

afterAll(async () => {
  await emu?.stop();
});

beforeEach(() => {
  emu.reset();
  // Inside the 24-hour window unless a test says otherwise.
  emu.openWindow(CUSTOMER);
  emu.openWindow(OTHER_CUSTOMER);
});

describe("sending", () => {
  it("sends text with preview_url, a reply-to and callback data, and types the result", async () => {
    const inbound = await emu.sendAsCustomer({ from: CUSTOMER, type: "text", text: "Ada ukuran L?" });
    const result = await wa.sendText(CUSTOMER, "Ada, kak: https://toko.example/l", {
      previewUrl: true,
      replyTo: inbound.wamid,
      bizOpaqueCallbackData: "campaign:1:recipient:9",
    });

    expect(result).toEqual({ wamid: expect.stringMatching(/^wamid\./), waId: CUSTOMER, messageStatus: "accepted" });
    expect(received(result.wamid)).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: CUSTOMER,
      context: { message_id: inbound.wamid },
      biz_opaque_callback_data: "campaign:1:recipient:9",
      type: "text",
      text: { body: "Ada, kak: https://toko.example/l", preview_url: true },
    });
    expect(emu.sentMessages()[0]?.bizOpaqueCallbackData).toBe("campaign:1:recipient:9");
  });

  it("sends every media kind by uploaded id or by link", async () => {
    const image = await wa.uploadMedia({ file: JPEG, mimeType: "image/jpeg", filename: "photo.jpg" });
    const audio = await wa.uploadMedia({
      file: new Blob([Buffer.from("OggS-voice")]),
      mimeType: "audio/ogg; codecs=opus",
      filename: "voice.ogg",
    });
    const pdf = await wa.uploadMedia({ file: Buffer.from("%PDF-1.4 invoice"), mimeType: "application/pdf", filename: "invoice.pdf" });
    const sticker = await wa.uploadMedia({ file: Buffer.from("RIFF....WEBP"), mimeType: "image/webp", filename: "s.webp" });

    const sent = await Promise.all([
      wa.sendImage(CUSTOMER, { id: image.id, caption: "Foto produk" }),
      wa.sendVideo(CUSTOMER, { link: "https://cdn.example.com/demo.mp4", caption: "Demo" }),
      wa.sendAudio(CUSTOMER, { id: audio.id }),
      wa.sendDocument(CUSTOMER, { id: pdf.id, filename: "Invoice-42.pdf", caption: "Invoice" }),
      wa.sendSticker(CUSTOMER, { id: sticker.id }),
    ]);
    const types = sent.map((result) => received(result.wamid).type);
    expect(types).toEqual(["image", "video", "audio", "document", "sticker"]);
    expect(received(sent[3]!.wamid).document).toEqual({ id: pdf.id, filename: "Invoice-42.pdf", caption: "Invoice" });
  });

  it("sends location, contacts, reply buttons, a list, and reactions (and their removal)", async () => {
    const inbound = await emu.sendAsCustomer({ from: CUSTOMER, type: "text", text: "Halo" });
    const results = [
      await wa.sendLocation(CUSTOMER, { latitude: -6.1754, longitude: 106.8272, name: "Monas", address: "Jakarta" }),
      await wa.sendContacts(CUSTOMER, [{ name: { formatted_name: "CS Toko Budi" }, phones: [{ phone: "+62 21 555 0100", type: "WORK" }] }]),
      await wa.sendInteractive(CUSTOMER, {
        type: "button",
        header: { type: "text", text: "Ukuran" },
        body: { text: "Pilih ukuran" },
        footer: { text: "Toko Budi" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "size_s", title: "S" } },
            { type: "reply", reply: { id: "size_m", title: "M" } },
          ],
        },
      }),
      await wa.sendInteractive(CUSTOMER, {
        type: "list",
        body: { text: "Menu kami" },
        action: {
          button: "Lihat",
          sections: [
            { title: "Minuman", rows: [{ id: "kopi", title: "Kopi", description: "Panas" }] },
            { title: "Makanan", rows: [{ id: "roti", title: "Roti" }] },
          ],
        },
      }),
      await wa.sendReaction(CUSTOMER, inbound.wamid, "👍"),
      await wa.removeReaction(CUSTOMER, inbound.wamid),
    ];
    expect(results.map((result) => received(result.wamid).type)).toEqual([
      "location",
      "contacts",
      "interactive",
      "interactive",
      "reaction",
      "reaction",
    ]);
    expect(received(results[5]!.wamid).reaction).toEqual({ message_id: inbound.wamid, emoji: "" });
  });

  it("sends templates with header, body (text, currency, date_time) and button parameters", async () => {
    // A seeded template: two body parameters and a quick-reply button at index 0.
    const shipped = await wa.sendTemplate(OTHER_CUSTOMER, {
      name: "order_shipped",
      language: { code: "en_US" },
      components: [
        {
          type: "body",
          parameters: [
            { type: "text", text: "Budi" },
            { type: "text", text: "#1042" },
          ],
        },
        { type: "button", sub_type: "quick_reply", index: "1", parameters: [{ type: "payload", payload: "STOP_UPDATES" }] },
      ],
    });
    expect(shipped.messageStatus).toBe("accepted");

    // One of our own: image header, currency and date_time in the body, a URL button.
    await wa.createTemplate({
      name: "payment_due",
      language: "id",
      category: "UTILITY",
      components: [
        // Meta wants a sample handle of its resumable upload API; the emulator checks it issued it.
        { type: "HEADER", format: "IMAGE", example: { header_handle: [emu.uploadTemplateSample(JPEG, "image/jpeg")] } },
        {
          type: "BODY",
          text: "Halo {{1}}, tagihan {{2}} Anda jatuh tempo pada {{3}}, mohon segera dibayar.",
          example: { body_text: [["Budi", "Rp150.000", "1 Januari"]] },
        },
        {
          type: "BUTTONS",
          buttons: [{ type: "URL", text: "Bayar", url: "https://pay.example/{{1}}", example: ["https://pay.example/inv42"] }],
        },
      ],
    });
    await emu.setTemplateStatus({ name: "payment_due", language: "id" }, "APPROVED");
    const image = await wa.uploadMedia({ file: JPEG, mimeType: "image/jpeg", filename: "h.jpg" });
    const due = await wa.sendTemplate(CUSTOMER, {
      name: "payment_due",
      language: { code: "id" },
      components: [
        { type: "header", parameters: [{ type: "image", image: { id: image.id } }] },
        {
          type: "body",
          parameters: [
            { type: "text", text: "Budi" },
            { type: "currency", currency: { fallback_value: "Rp150.000", code: "IDR", amount_1000: 150_000_000 } },
            { type: "date_time", date_time: { fallback_value: "1 Januari 2026" } },
          ],
        },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "inv42" }] },
      ],
    });
    expect(received(due.wamid).template).toMatchObject({ name: "payment_due", language: { code: "id" } });
    // Templates go out outside the window too: no async failure.
    expect(await asyncFailureCode(shipped.wamid)).toBeUndefined();
  });

  it("marks a message as read, with and without the typing indicator", async () => {
    const inbound = await emu.sendAsCustomer({ from: CUSTOMER, type: "text", text: "Halo" });
    await wa.markAsRead(inbound.wamid);
    await wa.markAsRead(inbound.wamid, { typingIndicator: true });
    expect(emu.readReceipts().map((receipt) => [receipt.messageId, receipt.typingIndicator])).toEqual([
      [inbound.wamid, false],
      [inbound.wamid, true],
    ]);
  });

  it("refuses bad input locally: nothing reaches the emulator", async () => {
    const error = await failure(wa.sendInteractive(CUSTOMER, { type: "button", body: { text: "?" }, action: { buttons: [] } }));
    expect(error).toBeInstanceOf(WhatsAppRequestError);
    expect(error).toMatchObject({ retryable: false, category: "parameter" });
    await expect(wa.uploadMedia({ file: JPEG, mimeType: "image/gif", filename: "a.gif" })).rejects.toBeInstanceOf(WhatsAppRequestError);
    await expect(
      wa.uploadMedia({ file: new Uint8Array(5 * 1024 * 1024 + 1), mimeType: "image/png", filename: "big.png" }),
    ).rejects.toBeInstanceOf(WhatsAppMediaTooLargeError);
    expect(emu.sentMessages()).toHaveLength(0);
    expect(emu.media()).toHaveLength(0);
  });
});

describe("media", () => {
  it("uploads, reads metadata, downloads (Buffer, stream, by id) and deletes", async () => {
    const { id } = await wa.uploadMedia({ file: JPEG, mimeType: "image/jpeg", filename: "photo.jpg" });
    expect(emu.mediaBytes(id)).toEqual(JPEG);

    const metadata = await wa.getMediaMetadata(id);
    expect(metadata).toMatchObject({ id, mimeType: "image/jpeg", fileSize: JPEG.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const downloaded = await wa.downloadMedia(metadata.url);
    expect(downloaded).toMatchObject({ mimeType: "image/jpeg", size: JPEG.length });
    expect(downloaded.bytes.equals(JPEG)).toBe(true);

    const streamed = await wa.openMediaStream((await wa.getMediaMetadata(id)).url);
    expect(streamed.contentLength).toBe(JPEG.length);
    expect(Buffer.from(await new Response(streamed.stream).arrayBuffer()).equals(JPEG)).toBe(true);

    const byId = await wa.downloadMediaById(id);
    expect(byId.bytes.equals(JPEG)).toBe(true);

    await wa.deleteMedia(id);
    const gone = await failure(wa.getMediaMetadata(id));
    expect(gone).toBeInstanceOf(WhatsAppApiError);
    expect(gone).toMatchObject({ code: 100, subcode: 33, category: "parameter", retryable: false });
  });

  it("downloads media a customer sent (the inbox path)", async () => {
    const inbound = await emu.sendAsCustomer({ from: CUSTOMER, type: "image", caption: "Rusak" });
    const media = await wa.downloadMediaById(inbound.mediaId!);
    expect(media.mimeType).toBe("image/jpeg");
    expect(media.bytes.equals(emu.mediaBytes(inbound.mediaId!)!)).toBe(true);
  });

  it("guards the size of downloads", async () => {
    const { id } = await wa.uploadMedia({ file: JPEG, mimeType: "image/jpeg", filename: "photo.jpg" });
    const { url } = await wa.getMediaMetadata(id);
    const tooLarge = await failure(wa.downloadMedia(url, { maxBytes: 10 }));
    expect(tooLarge).toBeInstanceOf(WhatsAppMediaTooLargeError);
    expect(tooLarge).toMatchObject({ limitBytes: 10, actualBytes: JPEG.length, retryable: false, category: "media" });
    // By id, the metadata's file_size refuses it before any download.
    await expect(wa.downloadMediaById(id, { maxBytes: 10 })).rejects.toBeInstanceOf(WhatsAppMediaTooLargeError);
  });

  it("turns an expired download URL (plain-text 404) into a code-less media error", async () => {
    const { id } = await wa.uploadMedia({ file: JPEG, mimeType: "image/jpeg", filename: "photo.jpg" });
    const { url } = await wa.getMediaMetadata(id);
    emu.expireMediaUrls();
    const error = await failure(wa.downloadMedia(url));
    expect(error).toBeInstanceOf(WhatsAppApiError);
    expect(error).toMatchObject({ code: null, httpStatus: 404, category: "media", retryable: false });
  });

  it("never sends the token to a plain-http URL on another host", async () => {
    await expect(wa.downloadMedia("http://evil.example/steal")).rejects.toBeInstanceOf(WhatsAppRequestError);
  });
});

describe("templates", () => {
  it("lists every template across pages, with filters", async () => {
    await wa.createTemplate({ name: "promo_a", language: "id", category: "MARKETING", components: [{ type: "BODY", text: "Diskon!" }] });
    const all = await wa.listTemplates({ pageSize: 1 });
    expect(all.map((template) => template.name).sort()).toEqual(["hello_world", "order_shipped", "promo_a"]);
    expect(all.find((template) => template.name === "promo_a")).toMatchObject({
      status: "PENDING",
      category: "MARKETING",
      language: "id",
      components: [{ type: "BODY" }],
    });

    const approved = await wa.listTemplates({ status: "APPROVED" });
    expect(approved.map((template) => template.name).sort()).toEqual(["hello_world", "order_shipped"]);
    expect(await wa.listTemplates({ name: "hello_world" })).toHaveLength(1);
  });

  it("creates a template (PENDING) and refuses a duplicate language with Meta's error", async () => {
    const created = await wa.createTemplate({
      name: "welcome_note",
      language: "en_US",
      category: "MARKETING",
      parameter_format: "NAMED",
      components: [
        {
          type: "BODY",
          text: "Hi {{first_name}}, welcome aboard!",
          example: { body_text_named_params: [{ param_name: "first_name", example: "Budi" }] },
        },
      ],
    });
    expect(created).toEqual({ id: expect.stringMatching(/^\d+$/), status: "PENDING", category: "MARKETING" });

    const duplicate = await failure(
      wa.createTemplate({ name: "welcome_note", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "Hi" }] }),
    );
    expect(duplicate).toBeInstanceOf(WhatsAppApiError);
    expect(duplicate).toMatchObject({
      code: 100,
      subcode: 2388024,
      category: "parameter",
      retryable: false,
      title: "Content in this language already exists",
    });
  });

  it("deletes a template by name, or one language of it by hsm_id", async () => {
    const english = await wa.createTemplate({
      name: "bye",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Bye" }],
    });
    await wa.createTemplate({ name: "bye", language: "id", category: "UTILITY", components: [{ type: "BODY", text: "Dadah" }] });

    await wa.deleteTemplate({ name: "bye", hsmId: english.id });
    expect(
      emu
        .templates()
        .filter((template) => template.name === "bye")
        .map((template) => template.language),
    ).toEqual(["id"]);
    await wa.deleteTemplate({ name: "bye" });
    expect(emu.templates().some((template) => template.name === "bye")).toBe(false);

    const missing = await failure(wa.deleteTemplate({ name: "bye" }));
    expect(missing).toBeInstanceOf(WhatsAppApiError);
    expect(missing).toMatchObject({ retryable: false });
  });
});

describe("template studio calls", () => {
  it("reads one template by id, with its quality score", async () => {
    const [hello] = await wa.listTemplates({ name: "hello_world" });
    const one = await wa.getTemplate(hello!.id);
    expect(one).toMatchObject({ id: hello!.id, name: "hello_world", language: "en_US", status: "APPROVED", category: "UTILITY" });
    expect(one.components.map((component) => component.type)).toEqual(["HEADER", "BODY", "FOOTER"]);
    await emu.setTemplateQuality({ id: hello!.id }, "YELLOW");
    expect((await wa.getTemplate(hello!.id)).qualityScore).toBe("YELLOW");

    const missing = await failure(wa.getTemplate("999999999999"));
    expect(missing).toBeInstanceOf(WhatsAppApiError);
    await expect(wa.getTemplate("../phone")).rejects.toBeInstanceOf(WhatsAppRequestError);
  });

  it("edits a template's components (back to PENDING); Meta refuses a category change on an approved one", async () => {
    const created = await wa.createTemplate({
      name: "edit_me",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Old" }],
    });
    await emu.setTemplateStatus({ id: created.id }, "APPROVED");
    await wa.editTemplate(created.id, { components: [{ type: "BODY", text: "New text" }] });
    const edited = await wa.getTemplate(created.id);
    expect(edited).toMatchObject({ status: "PENDING", components: [{ type: "BODY", text: "New text" }] });

    await emu.setTemplateStatus({ id: created.id }, "APPROVED");
    const locked = await failure(wa.editTemplate(created.id, { category: "MARKETING" }));
    expect(locked).toBeInstanceOf(WhatsAppApiError);
    expect(locked).toMatchObject({ code: 100, retryable: false, title: "Category can't be changed" });
    await expect(wa.editTemplate(created.id, {})).rejects.toBeInstanceOf(WhatsAppRequestError);
  });

  it("uploads a sample through a resumable upload session and answers the handle", async () => {
    const { handle } = await wa.uploadSample({ appId: "123456789", fileName: "banner.jpg", mimeType: "image/jpeg", bytes: JPEG });
    expect(handle).toMatch(/\S/);
    expect(emu.templateSampleBytes(handle)).toEqual(JPEG);
    expect(emu.templateSamples().at(-1)).toMatchObject({ fileName: "banner.jpg", mimeType: "image/jpeg" });

    await expect(wa.uploadSample({ appId: "123456789", fileName: "a.gif", mimeType: "image/gif", bytes: JPEG })).rejects.toBeInstanceOf(
      WhatsAppRequestError,
    );
    await expect(wa.uploadSample({ appId: "app", fileName: "a.jpg", mimeType: "image/jpeg", bytes: JPEG })).rejects.toBeInstanceOf(
      WhatsAppRequestError,
    );
    await expect(
      wa.uploadSample({ appId: "123456789", fileName: "a.jpg", mimeType: "image/jpeg", bytes: new Uint8Array(0) }),
    ).rejects.toBeInstanceOf(WhatsAppRequestError);
  });
});

describe("phone number", () => {
  it("reads display number, verified name, quality rating and throughput level", async () => {
    expect(await wa.getPhoneNumber()).toMatchObject({
      id: ACME_PHONE_NUMBER.phoneNumberId,
      displayPhoneNumber: ACME_PHONE_NUMBER.displayPhoneNumber,
      verifiedName: ACME_PHONE_NUMBER.verifiedName,
      qualityRating: "GREEN",
      throughputLevel: "STANDARD",
    });
  });
});

describe("error classes", () => {
  it("auth: a wrong token is 190, permanent", async () => {
    const stranger = createWhatsAppClient(clientOptions({ accessToken: "not-the-token" }));
    const error = await failure(stranger.sendText(CUSTOMER, "x"));
    expect(error).toBeInstanceOf(WhatsAppApiError);
    expect(error).toMatchObject({
      code: 190,
      httpStatus: 401,
      category: "auth",
      retryable: false,
      retryAfterMs: null,
      fbtraceId: expect.any(String),
    });
  });

  it("parameter: recipient = sender (131021) and an unknown media id (100)", async () => {
    const businessDigits = ACME_PHONE_NUMBER.displayPhoneNumber.replace(/\D/g, "");
    await expect(wa.sendText(businessDigits, "me?")).rejects.toMatchObject({ code: 131021, category: "parameter", retryable: false });
    const unknownMedia = await failure(wa.sendImage(CUSTOMER, { id: "999999" }));
    expect(unknownMedia).toMatchObject({ code: 100, category: "parameter", details: expect.stringContaining("media") });
  });

  it("media: a webp sent as an image is 131053", async () => {
    const webp = await wa.uploadMedia({ file: Buffer.from("RIFF....WEBP"), mimeType: "image/webp", filename: "a.webp" });
    await expect(wa.sendImage(CUSTOMER, { id: webp.id })).rejects.toMatchObject({ code: 131053, category: "media", retryable: false });
  });

  it("template: missing (132001), parameter count (132000), format (132012), paused (132015), disabled (132016)", async () => {
    await expect(wa.sendTemplate(CUSTOMER, { name: "no_such_template", language: { code: "en_US" } })).rejects.toMatchObject({
      code: 132001,
      category: "template",
    });
    await expect(wa.sendTemplate(CUSTOMER, { name: "order_shipped", language: { code: "en_US" } })).rejects.toMatchObject({
      code: 132000,
      category: "template",
    });

    await wa.createTemplate({
      name: "with_image",
      language: "en_US",
      category: "UTILITY",
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: [emu.uploadTemplateSample(JPEG, "image/jpeg")] } },
        { type: "BODY", text: "Look" },
      ],
    });
    await emu.setTemplateStatus({ name: "with_image", language: "en_US" }, "APPROVED");
    await expect(
      wa.sendTemplate(CUSTOMER, {
        name: "with_image",
        language: { code: "en_US" },
        components: [{ type: "header", parameters: [{ type: "text", text: "not an image" }] }],
      }),
    ).rejects.toMatchObject({ code: 132012, category: "template" });

    await emu.setTemplateStatus({ name: "hello_world", language: "en_US" }, "PAUSED");
    await expect(wa.sendTemplate(CUSTOMER, { name: "hello_world", language: { code: "en_US" } })).rejects.toMatchObject({
      code: 132015,
      retryable: false,
    });
    await emu.setTemplateStatus({ name: "hello_world", language: "en_US" }, "DISABLED");
    await expect(wa.sendTemplate(CUSTOMER, { name: "hello_world", language: { code: "en_US" } })).rejects.toMatchObject({
      code: 132016,
      retryable: false,
    });
  });

  it("throughput: 130429 is retryable for the whole number, whatever the HTTP status", async () => {
    for (const rateLimitHttpStatus of [400, 429] as const) {
      emu.setFaults({ throughputPerSecond: 1, rateLimitHttpStatus });
      await wa.sendText(CUSTOMER, "first");
      const error = await failure(wa.sendText(OTHER_CUSTOMER, "second"));
      expect(error).toMatchObject({
        code: 130429,
        httpStatus: rateLimitHttpStatus,
        category: "throughput",
        retryable: true,
        retryScope: "phone_number",
      });
    }
  });

  it("pair rate limit: 131056 asks the same recipient to wait ~6 s; others go at once", async () => {
    emu.setFaults({ pairRateLimit: { messages: 1 } });
    await wa.sendText(CUSTOMER, "one");
    const error = await failure(wa.sendText(CUSTOMER, "two"));
    expect(error).toMatchObject({
      code: 131056,
      category: "pair_rate_limit",
      retryable: true,
      retryScope: "recipient",
      retryAfterMs: 6_000,
    });
    await expect(wa.sendText(OTHER_CUSTOMER, "other")).resolves.toMatchObject({ messageStatus: "accepted" });
  });

  it("service: 5xx with 131000 or 2 is retryable", async () => {
    for (const random5xxCode of [131000, 2] as const) {
      emu.setFaults({ random5xxRate: 1, random5xxCode });
      const error = await failure(wa.getPhoneNumber());
      expect(error).toMatchObject({ code: random5xxCode, httpStatus: 500, category: "service", retryable: true, retryScope: "request" });
    }
  });

  it("timeout: a slow answer is a retryable network error; for a send the outcome is unknown", async () => {
    emu.setFaults({ slowMs: 400 });
    const impatient = createWhatsAppClient(clientOptions({ timeoutMs: 100 }));
    const send = await failure(impatient.sendText(CUSTOMER, "slow"));
    expect(send).toBeInstanceOf(WhatsAppNetworkError);
    expect(send).toMatchObject({ kind: "timeout", code: null, retryable: true, category: "service", outcomeUnknown: true });
    const read = await failure(impatient.getPhoneNumber());
    expect(read).toMatchObject({ kind: "timeout", outcomeUnknown: false });
    // A per-call timeout overrides the client's.
    await expect(impatient.getPhoneNumber({ timeoutMs: 3_000 })).resolves.toMatchObject({ verifiedName: "Acme" });
  });

  it("network: a refused connection is retryable and certainly not sent", async () => {
    const port = await closedPort();
    const offline = createWhatsAppClient(clientOptions({ baseUrl: `http://127.0.0.1:${port}` }));
    const error = await failure(offline.sendText(CUSTOMER, "hello?"));
    expect(error).toBeInstanceOf(WhatsAppNetworkError);
    expect(error).toMatchObject({ kind: "network", retryable: true, outcomeUnknown: false });
  });

  it("asynchronous failures: outside the window (131047), undeliverable (131026), marketing opt-out (131050), per-user cap (131049)", async () => {
    const stranger = "6285550000001";
    const outside = await wa.sendText(stranger, "Halo, promo!");
    expect(outside.messageStatus).toBe("accepted"); // accepted now, failed later
    const windowCode = await asyncFailureCode(outside.wamid);
    expect(windowCode).toBe(131047);
    expect(classifyMetaError(windowCode!)).toMatchObject({ category: "window", retryable: false });

    emu.setFaults({ undeliverable: [OTHER_CUSTOMER] });
    const lost = await wa.sendText(OTHER_CUSTOMER, "x");
    const lostCode = await asyncFailureCode(lost.wamid);
    expect(lostCode).toBe(131026);
    expect(classifyMetaError(lostCode!)).toMatchObject({ category: "recipient", retryable: false, suppressContact: false });

    const marketing = await wa.sendTemplate(CUSTOMER, { name: "hello_world", language: { code: "en_US" } });
    await emu.emitStatus(marketing.wamid, "failed", { code: 131050, title: "Unable to deliver the message" });
    const optOut = await asyncFailureCode(marketing.wamid);
    expect(classifyMetaError(optOut!)).toMatchObject({ category: "recipient", retryable: false, suppressContact: true });

    const capped = await wa.sendTemplate(OTHER_CUSTOMER, { name: "hello_world", language: { code: "en_US" } });
    await emu.emitStatus(capped.wamid, "failed", {
      code: 131049,
      title: "This message was not delivered to maintain healthy ecosystem engagement",
    });
    expect(classifyMetaError((await asyncFailureCode(capped.wamid))!)).toMatchObject({
      category: "recipient",
      retryable: false,
      suppressContact: false,
    });
  });

  it("works with any Graph version the configuration names", async () => {
    const next = createWhatsAppClient(clientOptions({ version: "v24.0" }));
    const result = await next.sendText(CUSTOMER, "v24");
    expect(emu.sentMessages().find((message) => message.wamid === result.wamid)?.graphVersion).toBe("v24.0");
  });
});

/** A port nothing listens on: bind, note it, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
