/**
 * Inbound customer messages of every type Meta sends, built exactly as Meta's `messages` webhook
 * carries them. Media types store their bytes (a sample, or the caller's) under a new media id the
 * business can fetch with its token.
 */
import { statusError } from "./graph-errors";
import type { JsonObject } from "./http";
import { normalizeWaId, wamid } from "./ids";
import { type MediaStore, sha256Base64 } from "./media-store";
import { sampleMedia, type SampleKind } from "./media-samples";
import { displayDigits } from "./phone-numbers";
import type { SentLog } from "./sent-log";
import type { CustomerMessageInput } from "./customer-schema";
import type { EmulatorPhoneNumber } from "./types";
import type { InboundContact } from "./webhook-payloads";

export interface BuiltInbound {
  wamid: string;
  waId: string;
  contact?: InboundContact;
  message: JsonObject;
  mediaId?: string;
  /** Whether the message opens the customer-service window (system notices do not). */
  opensWindow: boolean;
  /** A click-to-WhatsApp ad referral: also opens a free entry point window. */
  referral: boolean;
}

export interface InboundDeps {
  media: MediaStore;
  sent: SentLog;
  nowSeconds: number;
}

export const SAMPLE_REFERRAL = {
  source_url: "https://fb.me/3cr4Wqqkv",
  source_id: "120226305854810726",
  source_type: "ad",
  body: "Summer Succulents are here!",
  headline: "Chat with us",
  media_type: "image",
  image_url: "https://scontent.xx.fbcdn.net/v/t45.1/emulator-sample.jpg",
  ctwa_clid:
    "Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4_0NiNhEgpGo0AHemvuSoifXaytfTzcchptiErTKCqTrJ5nW1h7IHYeYymGb5K5J5iTROpBhWAGaIAeUzHL50",
  welcome_message: { text: "Hi there! Let us know how we can help!" },
};

export const SAMPLE_CONTACT_CARD = {
  name: { first_name: "Lucía", last_name: "Gómez", formatted_name: "Lucía Gómez" },
  org: { company: "Acme Supplies" },
  phones: [{ phone: "+1 (983) 555-2319", wa_id: "19835552319", type: "MOBILE" }],
};

export function buildInbound(phone: EmulatorPhoneNumber, input: CustomerMessageInput, deps: InboundDeps): BuiltInbound {
  const waId = normalizeWaId(input.from);
  const id = wamid(waId, "inbound");
  const lastSent = deps.sent.lastTo(phone.phoneNumberId, waId);
  const business = displayDigits(phone);
  const message: JsonObject = {};

  const replyTo =
    input.contextMessageId ??
    (["interactive_button_reply", "interactive_list_reply", "button"].includes(input.type)
      ? (lastSent?.wamid ?? wamid(waId, "outbound"))
      : undefined);
  if (replyTo || input.forwarded || input.frequentlyForwarded) {
    message.context = {
      ...(input.forwarded ? { forwarded: true } : {}),
      ...(input.frequentlyForwarded ? { frequently_forwarded: true } : {}),
      ...(replyTo ? { from: business, id: replyTo } : {}),
    };
  }
  message.from = waId;
  message.id = id;
  message.timestamp = String(input.timestamp ?? deps.nowSeconds);

  let mediaId: string | undefined;
  const addMedia = (kind: SampleKind): JsonObject => {
    const sample = sampleMedia(kind);
    const bytes = input.mediaBase64 ? Buffer.from(input.mediaBase64, "base64") : sample.bytes;
    const mimeType = input.mimeType ?? sample.mimeType;
    const record = deps.media.add({
      phoneNumberId: phone.phoneNumberId,
      bytes,
      mimeType,
      filename: input.filename ?? sample.filename,
      origin: "customer",
    });
    mediaId = record.id;
    return { mime_type: record.mimeType, sha256: sha256Base64(record.sha256), id: record.id };
  };

  switch (input.type) {
    case "text":
      message.type = "text";
      message.text = { body: input.text ?? "Hello!" };
      break;
    case "referral_text":
      message.referral = { ...SAMPLE_REFERRAL, ...(input.referral ?? {}) };
      message.type = "text";
      message.text = { body: input.text ?? "Hello! Can I get more info on this?" };
      break;
    case "image":
    case "video":
      message.type = input.type;
      message[input.type] = { ...(input.caption !== undefined ? { caption: input.caption } : {}), ...addMedia(input.type) };
      break;
    case "audio":
    case "voice":
      message.type = "audio";
      message.audio = { ...addMedia(input.type), voice: input.type === "voice" };
      break;
    case "document": {
      const media = addMedia("document");
      message.type = "document";
      message.document = {
        ...(input.caption !== undefined ? { caption: input.caption } : {}),
        filename: input.filename ?? "document.pdf",
        ...media,
      };
      break;
    }
    case "sticker":
      message.type = "sticker";
      message.sticker = { ...addMedia("sticker"), animated: input.animated ?? false };
      break;
    case "location":
      message.type = "location";
      message.location = {
        ...(input.address !== undefined ? { address: input.address } : {}),
        latitude: input.latitude ?? 37.44221496582,
        longitude: input.longitude ?? -122.16165924072,
        ...(input.locationName !== undefined ? { name: input.locationName } : {}),
        ...(input.locationUrl !== undefined ? { url: input.locationUrl } : {}),
      };
      break;
    case "contacts":
      message.type = "contacts";
      message.contacts = input.contacts ?? [SAMPLE_CONTACT_CARD];
      break;
    case "interactive_button_reply":
      message.type = "interactive";
      message.interactive = { type: "button_reply", button_reply: { id: input.buttonId ?? "button-1", title: input.buttonTitle ?? "Yes" } };
      break;
    case "interactive_list_reply":
      message.type = "interactive";
      message.interactive = {
        type: "list_reply",
        list_reply: {
          id: input.listRowId ?? "row-1",
          title: input.listRowTitle ?? "Option 1",
          ...(input.listRowDescription !== undefined ? { description: input.listRowDescription } : {}),
        },
      };
      break;
    case "button":
      message.type = "button";
      message.button = { payload: input.payload ?? input.text ?? "Yes", text: input.text ?? input.payload ?? "Yes" };
      break;
    case "reaction":
      message.type = "reaction";
      message.reaction = { message_id: input.messageId ?? lastSent?.wamid ?? wamid(waId, "outbound"), emoji: input.emoji ?? "👍" };
      break;
    case "order":
      message.type = "order";
      message.order = input.order
        ? {
            catalog_id: input.order.catalogId,
            text: input.order.text ?? "",
            product_items: input.order.productItems.map((item) => ({
              product_retailer_id: item.productRetailerId,
              quantity: item.quantity,
              item_price: item.itemPrice,
              currency: item.currency,
            })),
          }
        : {
            catalog_id: "194836987003835",
            text: input.text ?? "",
            product_items: [
              { product_retailer_id: "di9ozbzfi4", quantity: 2, item_price: 30, currency: "USD" },
              { product_retailer_id: "nqryix03ez", quantity: 1, item_price: 25, currency: "USD" },
            ],
          };
      break;
    case "system": {
      const newWaId = normalizeWaId(input.newWaId ?? `${waId.slice(0, -1)}${(Number(waId.slice(-1)) + 1) % 10}`);
      message.system = {
        body: `User ${input.name ?? customerName(waId)} changed from ${waId} to ${newWaId}`,
        wa_id: newWaId,
        type: "user_changed_number",
      };
      message.type = "system";
      break;
    }
    case "unsupported":
      message.errors = [statusError(131051, "Message type unknown", "Message type is currently not supported.")].map(
        ({ code, title, message: text, error_data }) => ({ code, title, message: text, error_data }),
      );
      message.type = "unsupported";
      break;
  }

  const isSystem = input.type === "system";
  return {
    wamid: id,
    waId,
    contact: isSystem ? undefined : { profile: { name: input.name ?? customerName(waId) }, wa_id: waId },
    message,
    mediaId,
    opensWindow: !isSystem,
    referral: input.type === "referral_text",
  };
}

export function customerName(waId: string): string {
  return `Customer ${waId.slice(-4)}`;
}
