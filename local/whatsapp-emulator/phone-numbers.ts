/** The business phone numbers and WABAs the emulator serves, and their Graph nodes. */
import type { EmulatorPhoneNumber } from "./types";

export const ACME_PHONE_NUMBER: EmulatorPhoneNumber = {
  phoneNumberId: "100000000000001",
  wabaId: "200000000000001",
  displayPhoneNumber: "+1 555-010-0001",
  verifiedName: "Acme",
  accessToken: "emulator-access-token",
  qualityRating: "GREEN",
  throughputLevel: "STANDARD",
};

export class PhoneNumbers {
  private readonly byId = new Map<string, EmulatorPhoneNumber>();

  constructor(numbers: EmulatorPhoneNumber[]) {
    if (numbers.length === 0) throw new Error("whatsapp emulator: at least one phone number is needed");
    for (const number of numbers) {
      if (this.byId.has(number.phoneNumberId)) throw new Error(`whatsapp emulator: phone number id ${number.phoneNumberId} given twice`);
      this.byId.set(number.phoneNumberId, number);
    }
  }

  all(): EmulatorPhoneNumber[] {
    return [...this.byId.values()];
  }

  first(): EmulatorPhoneNumber {
    return this.all()[0]!;
  }

  get(phoneNumberId: string): EmulatorPhoneNumber | undefined {
    return this.byId.get(phoneNumberId);
  }

  isWaba(wabaId: string): boolean {
    return this.all().some((number) => number.wabaId === wabaId);
  }

  ofWaba(wabaId: string): EmulatorPhoneNumber[] {
    return this.all().filter((number) => number.wabaId === wabaId);
  }

  isKnownToken(token: string): boolean {
    return this.all().some((number) => number.accessToken === token);
  }
}

/** The digits of the display number, as webhooks' `metadata.display_phone_number` carries them. */
export function displayDigits(number: EmulatorPhoneNumber): string {
  return number.displayPhoneNumber.replace(/\D/g, "");
}

/** Meta's default throughput for the number: 80 messages/s, 1,000 on the HIGH level. */
export function defaultThroughput(number: EmulatorPhoneNumber): number {
  return number.throughputLevel === "HIGH" ? 1000 : 80;
}

const PHONE_NUMBER_DEFAULT_FIELDS = [
  "verified_name",
  "code_verification_status",
  "display_phone_number",
  "quality_rating",
  "platform_type",
  "throughput",
  "webhook_configuration",
];

function phoneNumberFields(number: EmulatorPhoneNumber, webhookUrl: string | undefined): Record<string, unknown> {
  return {
    verified_name: number.verifiedName,
    code_verification_status: "VERIFIED",
    display_phone_number: number.displayPhoneNumber,
    quality_rating: number.qualityRating ?? "GREEN",
    platform_type: "CLOUD_API",
    throughput: { level: number.throughputLevel ?? "STANDARD" },
    webhook_configuration: { application: webhookUrl ?? "" },
    name_status: "APPROVED",
    new_name_status: "NONE",
    status: "CONNECTED",
    account_mode: "LIVE",
    is_official_business_account: false,
    is_pin_enabled: false,
    messaging_limit_tier: "TIER_2K",
    quality_score: { score: number.qualityRating ?? "GREEN" },
    last_onboarded_time: "2025-01-01T00:00:00+0000",
  };
}

/** GET /{phone-number-id}: Meta's default fields, or those of `fields=` (plus `id`). */
export function phoneNumberNode(
  number: EmulatorPhoneNumber,
  fields: string[] | undefined,
  webhookUrl: string | undefined,
): Record<string, unknown> {
  return pick(phoneNumberFields(number, webhookUrl), fields ?? PHONE_NUMBER_DEFAULT_FIELDS, number.phoneNumberId);
}

/** The first name in `fields=` the phone number node does not have, to answer as Meta does (#100). */
export function unknownPhoneNumberField(fields: string[]): string | undefined {
  const known = new Set([...Object.keys(phoneNumberFields(ACME_PHONE_NUMBER, undefined)), "id"]);
  return fields.find((field) => !known.has(field));
}

/** GET /{waba-id}. */
export function wabaNode(wabaId: string, name: string, fields: string[] | undefined): Record<string, unknown> {
  const all: Record<string, unknown> = {
    name,
    currency: "USD",
    timezone_id: "1",
    message_template_namespace: `emulator_${wabaId}`,
    account_review_status: "APPROVED",
    business_verification_status: "verified",
    ownership_type: "CLIENT_OWNED",
  };
  return pick(all, fields ?? ["name", "currency", "timezone_id", "message_template_namespace"], wabaId);
}

function pick(all: Record<string, unknown>, fields: string[], id: string): Record<string, unknown> {
  const node: Record<string, unknown> = {};
  for (const field of fields) if (field in all) node[field] = all[field];
  node.id = id;
  return node;
}

export function parseFields(value: string | null): string[] | undefined {
  if (!value) return undefined;
  const fields = value
    .split(",")
    .map((field) => field.trim())
    .filter(Boolean);
  return fields.length ? fields : undefined;
}
