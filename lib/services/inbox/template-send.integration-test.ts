/**
 * A sent template keeps what the customer saw: Message.content holds Meta's request and, beside it,
 * `rendered` (header with the attachment's own picture, body, footer, buttons, filled). The request
 * the emulator (as Meta) received is exactly the stored one without `rendered`, on the first send
 * and on a retry; the conversation list's preview stays the filled body; the realtime item fits.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { fitsInSignal, messageToWire } from "@/lib/realtime/wire";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { startWhatsAppEmulator, type RunningEmulator } from "@/local/whatsapp-emulator";
import type { EmulatorTemplateSeed } from "@/local/whatsapp-emulator/types";
import { sampleMedia } from "@/local/whatsapp-emulator/media-samples";
import type { Tenant } from "@/test/fixtures/tenants";
import { connectedTenant, emulatorNumber, startStorage, type TestStorage } from "@/test/media/harness";
import { PLATFORM_SECRET } from "@/test/webhooks/helpers";
import { customerConversation, customerNumber, key } from "@/test/inbox/send-harness";
import { timelineMessagesById } from "./list-messages";
import { retryMessage } from "./retry-message";
import { sendMessage } from "./send-message";
import { uploadAttachment } from "./upload-attachment";

const at = vi.hoisted(() => ({ graphUrl: "", storage: undefined as Storage | undefined }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof StorageModule>()),
  getStorage: () => at.storage,
}));

// Meta's limited-time-offer shape: image header, positional body, footer, URL (with a variable) and quick reply.
const offer: EmulatorTemplateSeed = {
  name: "summer_offer",
  language: "en_US",
  category: "MARKETING",
  components: [
    { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1hZ2UvanBlZw==:ARZ"] } },
    { type: "BODY", text: "Hi {{1}}! Use code *{{2}}* for 25% off.", example: { body_text: [["Pablo", "CARIBE25"]] } },
    { type: "FOOTER", text: "Offer valid until May 31" },
    {
      type: "BUTTONS",
      buttons: [
        { type: "URL", text: "Offer details", url: "https://shop.example/offers/{{1}}", example: ["https://shop.example/offers/caribe"] },
        { type: "QUICK_REPLY", text: "Not interested" },
      ],
    },
  ],
};

const invoice: EmulatorTemplateSeed = {
  name: "invoice_ready",
  language: "id",
  category: "UTILITY",
  parameterFormat: "NAMED",
  components: [
    { type: "HEADER", format: "DOCUMENT", example: { header_handle: ["4::YXBwbGljYXRpb24vcGRm:ARZ"] } },
    { type: "BODY", text: "Halo {{nama}}, tagihan Anda terlampir.", example: { body_text_named_params: [{ param_name: "nama", example: "Sari" }] } },
    { type: "BUTTONS", buttons: [{ type: "PHONE_NUMBER", text: "Telepon", phone_number: "+6221555010" }] },
  ],
};

/** The workspace's copy of a template the emulator holds (as a sync would store it). */
const stored = (seed: EmulatorTemplateSeed) =>
  prisma.template.create({
    data: { workspaceId: tenant.workspace.id, name: seed.name, language: seed.language, category: seed.category, status: "APPROVED", components: seed.components as object[] },
  });

const number = emulatorNumber("TplSend");
let emulator: RunningEmulator;
let store: TestStorage;
let tenant: Tenant;

beforeAll(async () => {
  // The emulator, like Meta, sends only templates it holds approved.
  emulator = await startWhatsAppEmulator({ port: 0, appSecret: PLATFORM_SECRET, phoneNumbers: [number], templates: [offer, invoice] });
  at.graphUrl = emulator.url;
  store = await startStorage("disk");
  at.storage = store.storage;
  tenant = await connectedTenant("T", number);
});
afterAll(async () => {
  await emulator.stop();
  await store.stop();
});

const ctx = () => tenant.agent.ctx;
const received = (wamid: string | null) => emulator.sentMessages().find((sent) => sent.wamid === wamid)?.request;

describe("sending a template stores what was sent", () => {
  it("keeps the rendered header, body, footer and buttons beside Meta's request, which alone goes to Meta (also on retry)", async () => {
    const waId = customerNumber();
    const c = await customerConversation(tenant, emulator, { waId, lastInboundAgoMs: 3 * 24 * 3600_000 });
    const template = await stored(offer);
    const sample = sampleMedia("image");
    const attachment = await uploadAttachment(ctx(), { conversationId: c.conversationId, file: new File([new Uint8Array(sample.bytes)], "bali.jpg", { type: sample.mimeType }) });
    const variables = { "header.media": attachment.mediaUploadId, "body.1": "Sari", "body.2": "BALI25", "button.0": "bali" };

    // First attempt fails at Meta (5xx), so the retry is exercised on the same row.
    emulator.setFaults({ throughputPerSecond: 0, random5xxRate: 1 });
    const failed = await sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "template", templateId: template.id, variables } });
    expect(failed.status).toBe("failed");
    emulator.setFaults({ throughputPerSecond: 0 });
    const message = await retryMessage(ctx(), failed.id);
    expect(message).toMatchObject({ status: "sent", previewText: "📋 Hi Sari! Use code *BALI25* for 25% off." });

    const row = await prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    const { rendered, ...request } = row.content as Record<string, unknown>;
    expect(rendered).toEqual({
      header: { kind: "image", url: `/api/media/${attachment.mediaUploadId}`, fileName: "bali.jpg" },
      body: "Hi Sari! Use code *BALI25* for 25% off.",
      footer: "Offer valid until May 31",
      buttons: [
        { type: "url", text: "Offer details", value: "https://shop.example/offers/bali" },
        { type: "quick_reply", text: "Not interested" },
      ],
      cards: [],
    });
    const metaMediaId = (await prisma.media.findUniqueOrThrow({ where: { id: attachment.mediaUploadId } })).metaMediaId;
    expect(request).toEqual({
      name: "summer_offer",
      language: { code: "en_US" },
      components: [
        { type: "header", parameters: [{ type: "image", image: { id: metaMediaId } }] },
        { type: "body", parameters: [{ type: "text", text: "Sari" }, { type: "text", text: "BALI25" }] },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "bali" }] },
      ],
    });
    // What Meta got on the retry is the stored request, without Parley's rendered copy.
    expect(received(message.wamid)).toMatchObject({ type: "template", template: request });
    expect(received(message.wamid)?.template).not.toHaveProperty("rendered");

    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: c.conversationId } });
    expect(conversation.lastMessagePreview).toBe("📋 Hi Sari! Use code *BALI25* for 25% off.");

    // The realtime signal still carries the bubble (well inside Pusher's 10 KB).
    const [timeline] = await timelineMessagesById(tenant.workspace.id, [message.id]);
    const wire = fitsInSignal(messageToWire(timeline!));
    expect(wire.item?.content).toMatchObject({ rendered: { body: "Hi Sari! Use code *BALI25* for 25% off." } });
  });

  it("keeps an https link as the header's picture and a template without media as text only", async () => {
    const waId = customerNumber();
    const c = await customerConversation(tenant, emulator, { waId });
    const template = await stored(invoice);
    const message = await sendMessage(ctx(), {
      conversationId: c.conversationId,
      idempotencyKey: key(),
      content: { type: "template", templateId: template.id, variables: { "header.media": "https://files.example/tagihan%2042.pdf", "body.nama": "Budi" } },
    });
    expect({ status: message.status, code: message.errorCode, title: message.errorTitle }).toEqual({ status: "sent", code: null, title: null });
    const row = await prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect((row.content as Record<string, unknown>).rendered).toEqual({
      header: { kind: "document", url: "https://files.example/tagihan%2042.pdf", fileName: "tagihan 42.pdf" },
      body: "Halo Budi, tagihan Anda terlampir.",
      footer: null,
      buttons: [{ type: "phone_number", text: "Telepon", value: "+6221555010" }],
      cards: [],
    });
  });
});
