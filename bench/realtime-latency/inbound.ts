/** One signed, Meta-exact inbound text message per call, each from its own wamid (and one of a few customers). */
import { randomBytes } from "node:crypto";
import { signature } from "@/local/whatsapp-emulator/webhooks";
import type { EmulatorPhoneNumber } from "@/local/whatsapp-emulator/types";

export interface SignedDelivery {
  body: string;
  signature: string;
}

const run = randomBytes(6).toString("hex").toUpperCase();

/** `newCustomer`: each index from a customer of its own (a new conversation every time). */
export function inboundText(phone: EmulatorPhoneNumber, appSecret: string, index: number, options: { newCustomer?: boolean; text?: string } = {}): SignedDelivery {
  const customer = options.newCustomer ? index : index % 20;
  const waId = `62812340${String(customer).padStart(5, "0")}`;
  const payload = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: phone.wabaId,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: phone.displayPhoneNumber.replace(/\D/g, ""), phone_number_id: phone.phoneNumberId },
              contacts: [{ profile: { name: `Customer ${customer}` }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id: `wamid.BENCH${run}${String(index).padStart(8, "0")}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: "text",
                  text: { body: options.text ?? `Hello, message ${index}` },
                },
              ],
            },
          },
        ],
      },
    ],
  };
  const body = JSON.stringify(payload);
  return { body, signature: signature(appSecret, body) };
}
