/** POST /{v}/{phone-number-id}/messages: validate, apply the rate limits, accept, schedule statuses. */
import type { Emulator } from "./emulator";
import { wamid } from "./ids";
import { validateSendRequest } from "./send-validation";
import type { EmulatorPhoneNumber } from "./types";

export function sendMessage(emulator: Emulator, phone: EmulatorPhoneNumber, graphVersion: string, body: unknown): Record<string, unknown> {
  const request = validateSendRequest(phone, body, { media: emulator.media, templates: emulator.templates });
  if (request.kind === "read") {
    emulator.sent.addReceipt({
      phoneNumberId: phone.phoneNumberId,
      messageId: request.messageId,
      typingIndicator: request.typingIndicator,
      at: emulator.now(),
    });
    return { success: true };
  }
  emulator.faults.takeThroughput(phone);
  emulator.faults.takePair(phone, request.waId);

  const id = wamid(request.waId, "outbound");
  const record = {
    wamid: id,
    phoneNumberId: phone.phoneNumberId,
    to: request.to,
    waId: request.waId,
    type: request.type,
    request: body as Record<string, unknown>,
    graphVersion,
    acceptedAt: emulator.now(),
    bizOpaqueCallbackData: request.bizOpaqueCallbackData,
    statuses: [],
  };
  emulator.sent.add(record);
  emulator.log(`accepted ${request.type} ${id} → ${request.waId}`);
  emulator.statuses.schedule(phone, record, {
    template: request.template,
    asyncFailure: request.asyncFailure,
    undeliverable: emulator.faults.isUndeliverable(request.waId),
  });
  return {
    messaging_product: "whatsapp",
    contacts: [{ input: request.to, wa_id: request.waId }],
    messages: [{ id, message_status: "accepted" }],
  };
}
