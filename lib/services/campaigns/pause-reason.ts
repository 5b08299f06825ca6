/**
 * What a pause writes, whoever pauses: a member (no reason), the sender on Meta's refusal (132015,
 * 132016…), the template webhook (Meta paused or disabled the template), the number's quality
 * webhook (RED). One shape for `Campaign.statusReason` ({ code, message, at }), which the campaign
 * page shows and `statusReasonOf` reads back.
 */
import { Prisma } from "@/lib/db";

export interface PauseReason {
  code: number | string;
  message: string;
}

export const PAUSABLE_STATUSES = ["scheduled", "sending"] as const;

/** The Campaign update of a pause at `at`, with the reason (null: a person paused it). */
export function pausedData(reason: PauseReason | null, at: Date = new Date()) {
  return {
    status: "paused" as const,
    pausedAt: at,
    statusReason: reason ? ({ code: reason.code, message: reason.message.slice(0, 500), at: at.toISOString() } satisfies Prisma.InputJsonObject) : Prisma.DbNull,
  };
}
