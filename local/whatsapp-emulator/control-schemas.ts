/** Bodies of the /_emulator control endpoints. */
import { z } from "zod";

export const faultsSchema = z
  .object({
    throughputPerSecond: z.number().min(0).optional(),
    random5xxRate: z.number().min(0).max(1).optional(),
    random5xxCode: z.union([z.literal(2), z.literal(131000)]).optional(),
    slowMs: z.number().int().min(0).max(120_000).optional(),
    mediaDownload5xxRate: z.number().min(0).max(1).optional(),
    mediaCorruptRate: z.number().min(0).max(1).optional(),
    undeliverable: z.array(z.string()).optional(),
    pairRateLimit: z.object({ messages: z.number().int().min(1), windowMs: z.number().int().min(1).optional() }).optional(),
    rateLimitHttpStatus: z.union([z.literal(400), z.literal(429)]).optional(),
  })
  .strict();

/** Which template: `id`, or `name` + `language` (in `wabaId`, default the first number's WABA). */
const templateSelector = {
  id: z.string().optional(),
  name: z.string().optional(),
  language: z.string().optional(),
  wabaId: z.string().optional(),
};
const selects = (body: { id?: string; name?: string; language?: string }) =>
  body.id !== undefined || (body.name !== undefined && body.language !== undefined);
const SELECTOR_MESSAGE = "give id, or name and language";

export const templateStatusSchema = z
  .object({
    ...templateSelector,
    status: z.enum(["PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL", "LIMIT_EXCEEDED"]),
    reason: z.string().optional(),
  })
  .strict()
  .refine(selects, SELECTOR_MESSAGE);

export const templateQualitySchema = z
  .object({ ...templateSelector, score: z.enum(["GREEN", "YELLOW", "RED", "UNKNOWN"]) })
  .strict()
  .refine(selects, SELECTOR_MESSAGE);

export const numberQualitySchema = z
  .object({ phone_number_id: z.string().min(1).max(64).optional(), quality: z.enum(["GREEN", "YELLOW", "RED"]) })
  .strict();

export const templateCategorySchema = z
  .object({ ...templateSelector, category: z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"]) })
  .strict()
  .refine(selects, SELECTOR_MESSAGE);

export const reviewPolicySchema = z
  .object({
    delayMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600 * 1000)
      .optional(),
    outcome: z.enum(["approve", "reject", "random"]).optional(),
    rejectProbability: z.number().min(0).max(1).optional(),
    reason: z.string().min(1).optional(),
  })
  .strict();

export const windowSchema = z
  .object({ waId: z.string().min(1), phoneNumberId: z.string().optional(), at: z.number().optional(), referral: z.boolean().optional() })
  .strict();

export const statusSchema = z
  .object({
    wamid: z.string().min(1),
    status: z.enum(["sent", "delivered", "read", "failed"]),
    error: z.object({ code: z.number().int(), title: z.string(), details: z.string().optional() }).optional(),
  })
  .strict();
