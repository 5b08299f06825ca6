/**
 * The zod shapes the template actions share (not a "use server" module: it exports values). The
 * draft is the builder's TemplateDraft, loose enough to carry a half-written one; what Meta would
 * refuse is the lint's business, on the server before any call.
 */
import { z } from "zod";
import { TemplateQuality, TemplateStatus } from "@/lib/generated/prisma/enums";
import { TEMPLATE_CATEGORIES } from "@/lib/templates/draft";

export const templateId = z.string().trim().min(1).max(64);
export const TEMPLATE_STATUSES = Object.values(TemplateStatus) as [TemplateStatus, ...TemplateStatus[]];
export const TEMPLATE_QUALITIES = Object.values(TemplateQuality) as [TemplateQuality, ...TemplateQuality[]];
export const templateCategory = z.enum(TEMPLATE_CATEGORIES);
export const templateLanguage = z.string().trim().min(1).max(16);
