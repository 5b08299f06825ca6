/**
 * The templates an agent may send from the composer: the workspace's APPROVED ones (Meta refuses
 * any other status), with the variables to fill, read from the stored components.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import type { TemplateCategory } from "@/lib/generated/prisma/enums";
import { templateVariables, type TemplateVariable } from "./template-variables";

export interface SendableTemplate {
  id: string;
  name: string;
  language: string;
  category: TemplateCategory;
  /** Meta's component array as stored (header, body, footer, buttons), for the preview. */
  components: unknown[];
  variables: TemplateVariable[];
}

export async function listSendableTemplates(ctx: WorkspaceContext): Promise<SendableTemplate[]> {
  authorize(ctx, "conversation:reply");
  const templates = await tenantDb(ctx).template.findMany({
    where: { workspaceId: ctx.workspaceId, status: "APPROVED" },
    orderBy: [{ name: "asc" }, { language: "asc" }],
    select: { id: true, name: true, language: true, category: true, components: true },
  });
  return templates.map((template) => ({
    ...template,
    components: Array.isArray(template.components) ? template.components : [],
    variables: templateVariables(template.components),
  }));
}
