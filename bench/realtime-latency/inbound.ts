/** One signed, Meta-exact inbound text message per call, each from its own wamid (and one of a few customers). */
import { randomBytes } from "node:crypto";
import { signature } from "@/local/whatsapp-emulator/webhooks";
import type { EmulatorPhoneNumber } from "@/local/whatsapp-emulator/types";

export interface SignedDelivery {
  body: string;
  signature: string;
}

const run = randomBytes(6).toString("hex").toUpperCase();

export function inboundText(phone: EmulatorPhoneNumber, appSecret: string, index: number): SignedDelivery {
  const waId = `628123400${String(index % 20).padStart(4, "0")}`;
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
              contacts: [{ profile: { name: `Customer ${index % 20}` }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id: `wamid.BENCH${run}${String(index).padStart(8, "0")}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: "text",
                  text: { body: `Hello, message ${index}` },
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
