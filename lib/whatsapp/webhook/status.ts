/**
 * One element of `value.statuses[]`: news about a message the business sent.
 *   { id: <wamid>, status: "sent" | "delivered" | "read" | "played" | "failed", timestamp,
 *     recipient_id?, recipient_user_id?, biz_opaque_callback_data?, conversation?, pricing?, errors? }
 * `failed` carries `errors[]` and no pricing; `played` is for voice messages.
 */
import { z } from "zod";
import { type MetaError, parseMetaErrors } from "./meta-error";
import { parseMetaTimestamp } from "./timestamp";

export const STATUS_KINDS = ["sent", "delivered", "read", "played", "failed"] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

const statusSchema = z.looseObject({
  id: z.string().min(1).max(512),
  status: z.string().min(1).max(32),
  timestamp: z.union([z.string().max(32), z.number()]).optional(),
  recipient_id: z.string().max(64).optional(),
  recipient_user_id: z.string().max(256).optional(),
  biz_opaque_callback_data: z.string().max(4096).optional(),
  errors: z.array(z.unknown()).optional(),
  pricing: z.looseObject({}).optional(),
  conversation: z.looseObject({}).optional(),
});

export interface StatusUpdate {
  wamid: string;
  status: StatusKind;
  timestamp: Date | null;
  recipientId: string | null;
  recipientUserId: string | null;
  /** Echo of what the send attached (≤ 512 bytes by Meta's rule): ties a status to a campaign recipient. */
  bizOpaqueCallbackData: string | null;
  errors: MetaError[];
  pricing: Record<string, unknown> | null;
  conversation: Record<string, unknown> | null;
}

export type ParsedStatus = { ok: true; status: StatusUpdate } | { ok: false; wamid: string | null; reason: string; ignorable?: boolean };

function isStatusKind(value: string): value is StatusKind {
  return (STATUS_KINDS as readonly string[]).includes(value);
}

export function parseStatus(raw: unknown): ParsedStatus {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, wamid: null, reason: `status ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}` };
  }
  const s = parsed.data;
  // Meta has sent other values over the years ("deleted", "warning"): nothing to apply.
  if (!isStatusKind(s.status)) return { ok: false, wamid: s.id, reason: `status "${s.status.slice(0, 32)}" not handled`, ignorable: true };
  return {
    ok: true,
    status: {
      wamid: s.id,
      status: s.status,
      timestamp: parseMetaTimestamp(s.timestamp),
      recipientId: s.recipient_id ?? null,
      recipientUserId: s.recipient_user_id ?? null,
      bizOpaqueCallbackData: s.biz_opaque_callback_data ?? null,
      errors: parseMetaErrors(s.errors),
      pricing: s.pricing ?? null,
      conversation: s.conversation ?? null,
    },
  };
}
