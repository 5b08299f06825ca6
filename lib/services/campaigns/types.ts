/**
 * The DTOs the campaign services hand the pages and actions: a list row, the builder's detail,
 * the pre-flight checks, the draft input and a recipient row.
 */
import type { Audience, AudienceCount, AudienceInput } from "@/lib/campaigns/audience";
import type { AutoRetry } from "@/lib/campaigns/auto-retry";
import type { VariableMapping } from "@/lib/campaigns/mapping";
import type { CampaignStatus, RecipientStatus, SkipReason } from "@/lib/generated/prisma/enums";

export interface CampaignRow {
  id: string;
  name: string;
  status: CampaignStatus;
  templateName: string | null;
  templateLanguage: string | null;
  scheduledAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  totalCount: number;
  sentCount: number;
  deliveredCount: number;
  readCount: number;
  repliedCount: number;
  clickedCount: number;
  failedCount: number;
  skippedCount: number;
}

export interface CampaignDetail extends CampaignRow {
  templateId: string | null;
  connectionId: string | null;
  audience: Audience;
  variableMapping: VariableMapping;
  replyWindowHours: number;
  /** The automatic retry window, null when off. */
  autoRetry: AutoRetry | null;
  statusReason: { code: string | number; message: string; at: string } | null;
  exclusions: Record<string, number>;
  /** Recipients still queued or being sent. */
  pendingCount: number;
  launchVersion: number;
}

export type PreflightCode = "templateApproved" | "variablesMapped" | "numberConnected" | "numberQuality" | "audienceNotEmpty" | "messagingLimit" | "frequencyCap" | "suppression";

export interface PreflightCheck {
  code: PreflightCode;
  ok: boolean;
  /** A failed blocking check stops the launch; the others only inform. */
  blocking: boolean;
  params?: Record<string, string | number>;
}

export interface Preflight {
  checks: PreflightCheck[];
  canLaunch: boolean;
  count: AudienceCount;
}

export interface SaveCampaignInput {
  campaignId?: string;
  name: string;
  templateId: string | null;
  connectionId: string | null;
  audience: AudienceInput;
  variableMapping: VariableMapping;
  replyWindowHours?: number;
  /** Absent: unchanged (a new draft: off). */
  autoRetry?: AutoRetry | null;
}

export interface RecipientRow {
  id: string;
  contactId: string;
  contactName: string | null;
  phone: string | null;
  status: RecipientStatus;
  skipReason: SkipReason | null;
  errorCode: number | null;
  error: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  repliedAt: Date | null;
  clickedAt: Date | null;
  failedAt: Date | null;
}
