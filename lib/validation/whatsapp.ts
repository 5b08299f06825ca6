import { z } from "zod";
import { slugParam } from "./workspace";

const metaId = (key: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{5,30}$/, key);

/**
 * The connection form. Secrets are optional on update: left empty, the stored (encrypted) value
 * is kept, since we never send secrets back to the browser to be re-submitted.
 */
export const saveConnectionSchema = z.object({
  slug: slugParam,
  phoneNumberId: metaId("phoneNumberIdInvalid"),
  wabaId: metaId("wabaIdInvalid"),
  accessToken: z.string().trim().max(1000, "accessTokenInvalid").optional().default(""),
  appSecret: z.string().trim().max(200, "appSecretInvalid").optional().default(""),
  webhookVerifyToken: z
    .string()
    .trim()
    .min(8, "verifyTokenTooShort")
    .max(200, "verifyTokenTooLong")
    .regex(/^[\x21-\x7e]+$/, "verifyTokenInvalid"),
  throughputCap: z.coerce.number({ message: "throughputInvalid" }).int("throughputInvalid").min(1, "throughputInvalid").max(1000, "throughputInvalid"),
});
export type SaveConnectionInput = z.infer<typeof saveConnectionSchema>;
