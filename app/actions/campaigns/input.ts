/** The zod shapes the campaign actions share (not a "use server" module: it exports values). */
import { z } from "zod";
import { RecipientStatus } from "@/lib/generated/prisma/enums";

export const campaignId = z.string().trim().min(1).max(64);
export const templateId = z.string().trim().min(1).max(64);
export const connectionId = z.string().trim().min(1).max(64);
export const contactId = z.string().trim().min(1).max(64);
const RECIPIENT_STATUSES = Object.values(RecipientStatus) as [RecipientStatus, ...RecipientStatus[]];
export const recipientFilter = z.enum([...RECIPIENT_STATUSES, "replied", "clicked"]);
