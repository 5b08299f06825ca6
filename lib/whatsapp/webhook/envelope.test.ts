import { describe, expect, it } from "vitest";
import { isWhatsappEnvelope, peekRoutingKeys } from "./envelope";

describe("peekRoutingKeys", () => {
  it("collects each change's phone number id, and the WABA of changes without one", () => {
    const payload = {
      object: "whatsapp_business_account",
      entry: [
        {
          id: "waba-1",
          changes: [
            { field: "messages", value: { metadata: { phone_number_id: "111" } } },
            { field: "messages", value: { metadata: { phone_number_id: "222" } } },
          ],
        },
        { id: "waba-2", changes: [{ field: "message_template_status_update", value: { event: "APPROVED" } }] },
        { id: "waba-3", changes: [{ field: "messages", value: { metadata: { phone_number_id: "111" } } }] },
      ],
    };
    expect(peekRoutingKeys(payload)).toEqual({ phoneNumberIds: ["111", "222"], wabaIds: ["waba-2"] });
  });

  it("never throws on hostile shapes, and ignores ids that are not ids", () => {
    for (const payload of [null, 1, "x", [], { entry: "x" }, { entry: [null, 1, { changes: "x" }, { changes: [null, { value: [] }] }] }]) {
      expect(peekRoutingKeys(payload)).toEqual({ phoneNumberIds: [], wabaIds: [] });
    }
    expect(
      peekRoutingKeys({
        entry: [
          {
            id: 5,
            changes: [{ value: { metadata: { phone_number_id: 123 } } }, { value: { metadata: { phone_number_id: "x".repeat(65) } } }],
          },
        ],
      }),
    ).toEqual({ phoneNumberIds: [], wabaIds: [] });
  });
});

describe("isWhatsappEnvelope", () => {
  it("is true only for object whatsapp_business_account with an entry array", () => {
    expect(isWhatsappEnvelope({ object: "whatsapp_business_account", entry: [] })).toBe(true);
    expect(isWhatsappEnvelope({ object: "page", entry: [] })).toBe(false);
    expect(isWhatsappEnvelope({ object: "whatsapp_business_account", entry: {} })).toBe(false);
    expect(isWhatsappEnvelope([{ object: "whatsapp_business_account", entry: [] }])).toBe(false);
  });
});
