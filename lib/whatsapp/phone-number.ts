/** GET /{phone-number-id}: what Meta says about the connected number. */
import type { CallOptions } from "./call-options";
import { phoneNumberSchema } from "./responses";
import { graphPath, type GraphTransport } from "./transport";

export type QualityRating = "GREEN" | "YELLOW" | "RED" | "UNKNOWN" | (string & {});
/** STANDARD: 80 messages/s; HIGH: up to 1,000/s (META.md). */
export type ThroughputLevel = "STANDARD" | "HIGH" | "NOT_APPLICABLE" | (string & {});

export interface PhoneNumberDetails {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating: QualityRating | null;
  throughputLevel: ThroughputLevel | null;
  messagingLimitTier: string | null;
  codeVerificationStatus: string | null;
  nameStatus: string | null;
}

const FIELDS = "id,display_phone_number,verified_name,quality_rating,throughput,messaging_limit_tier,code_verification_status,name_status";

export async function getPhoneNumber(
  transport: GraphTransport,
  phoneNumberId: string,
  options: CallOptions = {},
): Promise<PhoneNumberDetails> {
  const node = await transport.call({
    operation: "GET /{phone-number-id}",
    method: "GET",
    path: graphPath(phoneNumberId),
    query: { fields: FIELDS },
    schema: phoneNumberSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return {
    id: node.id,
    displayPhoneNumber: node.display_phone_number,
    verifiedName: node.verified_name,
    qualityRating: node.quality_rating ?? null,
    throughputLevel: node.throughput?.level ?? null,
    messagingLimitTier: node.messaging_limit_tier ?? null,
    codeVerificationStatus: node.code_verification_status ?? null,
    nameStatus: node.name_status ?? null,
  };
}
