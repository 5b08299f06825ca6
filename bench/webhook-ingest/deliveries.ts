/**
 * The deliveries the benchmark fires: Meta-exact webhook bodies (built by the WhatsApp emulator's
 * payload builder), each signed, each unique, with what it must change in the database.
 *
 * The mix, per delivery: ~30% inbound customer messages (text, image, interactive button reply,
 * reaction, location; a few deliveries carry two messages), ~70% statuses of our outbound messages.
 * Every outbound message gets `sent`, then `delivered`, then (mostly) `read`, each status exactly once
 * in the whole plan, in roughly the order Meta reports them (interleaved across messages); one
 * status delivery in five batches 2–5 statuses, as Meta does under load. So no two bodies are
 * alike, and each (wamid, status) pair and each inbound wamid names its delivery.
 *
 * `statusesOnly` (the status storm of a campaign): no inbound messages; every outbound message is
 * a campaign recipient's (one per customer), and its statuses carry the send's callback data
 * `cr:<recipientId>`, so processing also moves the recipients and the campaign's counters.
 */
import { wamid } from "@/local/whatsapp-emulator/ids";
import { ACME_PHONE_NUMBER } from "@/local/whatsapp-emulator/phone-numbers";
import { conversationObject, pricingObject, type Billing } from "@/local/whatsapp-emulator/pricing";
import { buildPayload, type WebhookEvent } from "@/local/whatsapp-emulator/webhook-payloads";
import { signature } from "@/local/whatsapp-emulator/webhooks";
import type { EmulatorPhoneNumber } from "@/local/whatsapp-emulator/types";
import type { JsonObject } from "@/local/whatsapp-emulator/http";
import { randomBytes } from "node:crypto";
import type { UploadedImage } from "./media";

export type StatusKind = "sent" | "delivered" | "read";
export type InboundKind = "text" | "image" | "interactive" | "reaction" | "location";

export interface OutboundMessage {
  wamid: string;
  waId: string;
  /** The campaign recipient the message was sent to (statuses-only plans). */
  recipientId?: string;
}

export interface Delivery {
  index: number;
  body: Buffer;
  /** X-Hub-Signature-256; also how the stored WebhookEvent row names its delivery. */
  signature: string;
  inbound: { wamid: string; kind: InboundKind }[];
  statuses: { wamid: string; status: StatusKind }[];
}

export interface Plan {
  phone: EmulatorPhoneNumber;
  /** Customers the business has written to before: each has a contact and an open conversation. */
  customers: string[];
  /** Our outbound messages (status `sent`) the status deliveries refer to; seeded before the run. */
  outbound: OutboundMessage[];
  deliveries: Delivery[];
  /** Statuses only, of one campaign's messages: the seed creates the campaign and its recipients. */
  campaign: boolean;
}

/** The emulator's number: the app downloads the image messages' media from the emulator with its token. */
export const BENCH_PHONE: EmulatorPhoneNumber = ACME_PHONE_NUMBER;

/** A small deterministic PRNG (mulberry32), so the mix is the same from run to run. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INBOUND_SHARE = 0.3;
const BATCHED_SHARE = 0.2;
const READ_SHARE = 0.8;
const NEW_SENDER_SHARE = 0.15;
const STATUSES_PER_DELIVERY = 1 + BATCHED_SHARE * 2.5;
const STATUSES_PER_MESSAGE = 2 + READ_SHARE;

const TEXTS = [
  "Hi, is my order on its way?",
  "Thanks!",
  "Can I change the delivery address?",
  "Do you have this in blue?",
  "👍",
  "What are your opening hours?",
];

interface TimedStatus {
  at: number;
  message: OutboundMessage;
  status: StatusKind;
}

/** The status stream of `count` outbound messages sent one after another, sorted by report time. */
function statusStream(messages: OutboundMessage[], random: () => number): TimedStatus[] {
  const events: TimedStatus[] = [];
  messages.forEach((message, i) => {
    const sentAt = i + random() * 2;
    const deliveredAt = sentAt + 1 + random() * 10;
    events.push({ at: sentAt, message, status: "sent" }, { at: deliveredAt, message, status: "delivered" });
    if (random() < READ_SHARE) events.push({ at: deliveredAt + 5 + random() * 60, message, status: "read" });
  });
  return events.sort((a, b) => a.at - b.at);
}

function billing(random: () => number): Billing {
  const category = random() < 0.5 ? "marketing" : random() < 0.5 ? "utility" : "service";
  const type = category === "service" ? "free_customer_service" : "regular";
  return {
    category,
    type,
    conversation: { id: randomBytes(16).toString("hex"), expiresAt: Date.now() + 86_400_000, originType: category },
  };
}

function statusValue(message: OutboundMessage, status: StatusKind, timestamp: number, random: () => number): JsonObject {
  const bill = status === "read" ? undefined : billing(random);
  const conversation = bill ? conversationObject(bill, status === "sent") : undefined;
  return {
    id: message.wamid,
    status,
    timestamp: String(timestamp),
    recipient_id: message.waId,
    ...(conversation ? { conversation } : {}),
    ...(bill ? { pricing: pricingObject(bill) } : {}),
    ...(message.recipientId ? { biz_opaque_callback_data: `cr:${message.recipientId}` } : {}),
  } as JsonObject;
}

function inboundMessage(
  kind: InboundKind,
  from: string,
  timestamp: number,
  outbound: OutboundMessage | undefined,
  image: UploadedImage,
  random: () => number,
): { id: string; message: JsonObject } {
  const id = wamid(from, "inbound");
  const base: JsonObject = { from, id, timestamp: String(timestamp) };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  switch (kind) {
    case "text":
      return { id, message: { ...base, type: "text", text: { body: `${pick(TEXTS)} (${id.slice(-8)})` } } };
    case "image":
      return {
        id,
        message: {
          ...base,
          type: "image",
          image: { caption: "This is the one I mean", mime_type: image.mimeType, sha256: image.sha256, id: image.id },
        },
      };
    case "interactive":
      return {
        id,
        message: {
          ...(outbound ? { context: { from: BENCH_PHONE.displayPhoneNumber.replace(/\D/g, ""), id: outbound.wamid } } : {}),
          ...base,
          type: "interactive",
          interactive: { type: "button_reply", button_reply: { id: pick(["yes", "no", "later"]), title: pick(["Yes", "No", "Later"]) } },
        },
      };
    case "reaction":
      return {
        id,
        message: {
          ...base,
          type: "reaction",
          reaction: { message_id: outbound?.wamid ?? wamid(from, "outbound"), emoji: pick(["👍", "❤️", "😂", "🙏"]) },
        },
      };
    case "location":
      return {
        id,
        message: {
          ...base,
          type: "location",
          location: {
            latitude: -6.2 + random() * 0.1,
            longitude: 106.8 + random() * 0.1,
            name: "Drop-off point",
            address: "Jl. Sudirman, Jakarta",
          },
        },
      };
  }
}

function inboundKind(random: () => number): InboundKind {
  const r = random();
  return r < 0.4 ? "text" : r < 0.6 ? "image" : r < 0.75 ? "interactive" : r < 0.9 ? "reaction" : "location";
}

/** `count` deliveries signed with `appSecret`; customers and outbound messages sized to fit. */
export function planDeliveries(options: {
  count: number;
  appSecret: string;
  images: UploadedImage[];
  seed?: number;
  statusesOnly?: boolean;
}): Plan {
  if (options.images.length === 0) throw new Error("bench: no uploaded image for the image messages");
  const random = randomSource(options.seed ?? 20_251_125);
  const phone = BENCH_PHONE;
  const statusesOnly = options.statusesOnly === true;
  const inboundShare = statusesOnly ? 0 : INBOUND_SHARE;
  const statusDeliveries = Math.ceil(options.count * (1 - inboundShare) * 1.1);
  const messageCount = Math.ceil((statusDeliveries * STATUSES_PER_DELIVERY) / STATUSES_PER_MESSAGE) + 10;
  // A campaign reaches each contact once: one customer per message.
  const customerCount = statusesOnly ? messageCount : Math.max(50, Math.ceil(messageCount / 4));
  const customers = Array.from({ length: customerCount }, (_, i) => `62812${String(i).padStart(7, "0")}`);
  const outbound: OutboundMessage[] = Array.from({ length: messageCount }, (_, i) => {
    const waId = customers[i % customers.length]!;
    return { wamid: wamid(waId, "outbound"), waId, ...(statusesOnly ? { recipientId: `benchrecipient${i}` } : {}) };
  });
  const stream = statusStream(outbound, random);
  let streamAt = 0;
  let newSenders = 0;
  const now = Math.floor(Date.now() / 1000);

  const deliveries: Delivery[] = [];
  for (let index = 0; index < options.count; index++) {
    const events: WebhookEvent[] = [];
    const delivery: Omit<Delivery, "body" | "signature"> = { index, inbound: [], statuses: [] };
    const timestamp = now - 60 + Math.floor((index / options.count) * 60);
    if (random() < inboundShare || streamAt >= stream.length) {
      // A known customer replies to (or reacts to) our first message to them: outbound[i] went to customers[i].
      const customer = random() >= NEW_SENDER_SHARE ? Math.floor(random() * customers.length) : undefined;
      const from = customer === undefined ? `62899${String(newSenders++).padStart(7, "0")}` : customers[customer]!;
      const repliedTo = customer === undefined ? undefined : outbound[customer];
      const messages = random() < 0.05 ? 2 : 1;
      for (let m = 0; m < messages; m++) {
        const kind = inboundKind(random);
        const image = options.images[index % options.images.length]!;
        const { id, message } = inboundMessage(kind, from, timestamp, repliedTo, image, random);
        events.push({ field: "messages", phone, contact: { profile: { name: `Customer ${from.slice(-4)}` }, wa_id: from }, message });
        delivery.inbound.push({ wamid: id, kind });
      }
    } else {
      const size = random() < BATCHED_SHARE ? 2 + Math.floor(random() * 4) : 1;
      for (let s = 0; s < size && streamAt < stream.length; s++) {
        const next = stream[streamAt++]!;
        events.push({ field: "messages", phone, status: statusValue(next.message, next.status, timestamp, random) });
        delivery.statuses.push({ wamid: next.message.wamid, status: next.status });
      }
    }
    const body = Buffer.from(JSON.stringify(buildPayload(events, timestamp * 1000)));
    deliveries.push({ ...delivery, body, signature: signature(options.appSecret, body.toString("utf8")) });
  }

  const unique = new Set(deliveries.map((delivery) => delivery.signature));
  if (unique.size !== deliveries.length) throw new Error("bench: two deliveries have the same body; duplicates would be undetectable");
  return { phone, customers, outbound, deliveries, campaign: statusesOnly };
}

/**
 * The same bodies with `object` changed from "whatsapp_business_account" to "page", re-signed: the
 * webhook verifies and stores them exactly as it does Meta's, but records them as not WhatsApp's
 * (processed at once, nothing scheduled after the 200). Firing them measures the acknowledgement
 * path alone: body, signature, parse, the one INSERT.
 */
export function ackOnlyVariants(deliveries: Delivery[], appSecret: string): Delivery[] {
  return deliveries.map((delivery) => {
    const payload = JSON.parse(delivery.body.toString("utf8")) as { object: string };
    const body = Buffer.from(JSON.stringify({ ...payload, object: "page" }));
    return { index: delivery.index, body, signature: signature(appSecret, body.toString("utf8")), inbound: [], statuses: [] };
  });
}
