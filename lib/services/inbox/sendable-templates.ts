/**
 * The templates the composer's picker lists: the workspace's APPROVED ones, which can be sent,
 * and its PAUSED and DISABLED ones, listed but flagged (Meta refuses to send them: 132015 /
 * 132016), so an agent sees why a template they know is missing. Each comes with the variables to
 * fill, read from the stored components.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import type { TemplateCategory } from "@/lib/generated/prisma/enums";
import { templateVariables, storedComponents, type TemplateVariable } from "./template-variables";

const LISTED_STATUSES = ["APPROVED", "PAUSED", "DISABLED"] as const;
export type ListedTemplateStatus = (typeof LISTED_STATUSES)[number];

/**
 * Why a listed template cannot be sent: Meta paused or disabled it, or it is a carousel (its cards'
 * media and parameters are not something the inbox composer sends).
 */
export type TemplateSendBlock = "paused" | "disabled" | "carousel";

export interface SendableTemplate {
  id: string;
  name: string;
  language: string;
  category: TemplateCategory;
  status: ListedTemplateStatus;
  sendable: boolean;
  blockedBy: TemplateSendBlock | null;
  /** Meta's reason for the template's status, when it gave one. */
  reason: string | null;
  /** Meta's component array as stored (header, body, footer, buttons), for the preview. */
  components: unknown[];
  variables: TemplateVariable[];
}

function blockOf(status: ListedTemplateStatus, components: unknown): TemplateSendBlock | null {
  if (status === "PAUSED") return "paused";
  if (status === "DISABLED") return "disabled";
  return storedComponents(components).some((component) => component.type === "CAROUSEL") ? "carousel" : null;
}

export async function listSendableTemplates(ctx: WorkspaceContext): Promise<SendableTemplate[]> {
  authorize(ctx, "conversation:reply");
  const templates = await tenantDb(ctx).template.findMany({
    where: { workspaceId: ctx.workspaceId, status: { in: [...LISTED_STATUSES] } },
    orderBy: [{ name: "asc" }, { language: "asc" }],
    select: { id: true, name: true, language: true, category: true, status: true, rejectedReason: true, components: true },
  });
  return templates.map(({ rejectedReason, status, ...template }) => {
    const listed = status as ListedTemplateStatus;
    const blockedBy = blockOf(listed, template.components);
    return {
      ...template,
      status: listed,
      sendable: blockedBy === null,
      blockedBy,
      reason: rejectedReason,
      components: Array.isArray(template.components) ? template.components : [],
      variables: templateVariables(template.components),
    };
  });
}
