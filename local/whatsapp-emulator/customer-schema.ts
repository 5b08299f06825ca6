/** What `sendAsCustomer` / POST /_emulator/customer-messages accept: one inbound message of any type Meta sends. */
import { z } from "zod";

export const CUSTOMER_MESSAGE_TYPES = [
  "text",
  "image",
  "video",
  "audio",
  "voice",
  "document",
  "sticker",
  "location",
  "contacts",
  "interactive_button_reply",
  "interactive_list_reply",
  "button",
  "reaction",
  "order",
  "system",
  "unsupported",
  "referral_text",
] as const;

export const customerMessageSchema = z
  .object({
    /** The business number written to; default: the first phone number. */
    phoneNumberId: z.string().min(1).optional(),
    /** The customer's wa_id (digits; "+", spaces and dashes are dropped). */
    from: z.string().regex(/^\+?[\d\s().-]{5,24}$/, "from must be a phone number (wa_id digits)"),
    /** Profile name; default "Customer <last 4 digits>". */
    name: z.string().max(256).optional(),
    type: z.enum(CUSTOMER_MESSAGE_TYPES),
    /** Unix seconds; default now. */
    timestamp: z.number().int().positive().optional(),
    /** Makes it a reply: context {from: business number, id}. Interactive/button replies default to the business's last message. */
    contextMessageId: z.string().min(1).optional(),
    forwarded: z.boolean().optional(),
    frequentlyForwarded: z.boolean().optional(),

    /** text / referral_text body; button (quick reply) text; order text. */
    text: z.string().max(4096).optional(),
    /** image / video / document caption. */
    caption: z.string().max(1024).optional(),
    /** document filename (default document.pdf). */
    filename: z.string().max(240).optional(),
    /** Own media bytes instead of the built-in sample, with their mime type. */
    mediaBase64: z.string().optional(),
    mimeType: z.string().optional(),
    /** sticker */
    animated: z.boolean().optional(),

    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    locationName: z.string().optional(),
    address: z.string().optional(),
    locationUrl: z.string().optional(),

    /** Contact cards as Meta sends them ({name:{formatted_name,…}, phones:[…], …}); default one sample card. */
    contacts: z.array(z.record(z.string(), z.unknown())).min(1).optional(),

    /** interactive_button_reply */
    buttonId: z.string().optional(),
    buttonTitle: z.string().optional(),
    /** interactive_list_reply */
    listRowId: z.string().optional(),
    listRowTitle: z.string().optional(),
    listRowDescription: z.string().optional(),
    /** button (template quick reply): payload; its label is `text`. */
    payload: z.string().optional(),

    /** reaction: the wamid reacted to (default: the business's last message) and the emoji ("" removes it). */
    messageId: z.string().optional(),
    emoji: z.string().optional(),

    order: z
      .object({
        catalogId: z.string(),
        text: z.string().optional(),
        productItems: z
          .array(
            z.object({ productRetailerId: z.string(), quantity: z.number().int().positive(), itemPrice: z.number(), currency: z.string() }),
          )
          .min(1),
      })
      .optional(),

    /** system (user_changed_number): the customer's new wa_id. */
    newWaId: z.string().optional(),

    /** referral_text: fields of the click-to-WhatsApp ad referral, merged over a sample. */
    referral: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type CustomerMessageInput = z.input<typeof customerMessageSchema>;
export type CustomerMessageType = (typeof CUSTOMER_MESSAGE_TYPES)[number];
