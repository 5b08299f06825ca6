/**
 * The builder's preview: the template rendered with the mapping resolved for one contact of the
 * audience ("preview as"), or for no contact (every contact value takes its fallback). The same
 * renderer the template bubble draws (lib/templates/render.ts).
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { NotFound } from "@/lib/errors";
import { resolveVariables, type MappingContact, type VariableMapping } from "@/lib/campaigns/mapping";
import { renderTemplate } from "@/lib/templates/render";
import type { RenderedTemplate } from "@/lib/templates/rendered";

export const EMPTY_CONTACT: MappingContact = { name: null, profileName: null, phone: null, email: null, customFields: {} };

/** Where the header's picture comes from: an https link itself, an attachment through the media route. */
export function headerMediaOf(values: Record<string, string>): { url: string | null } | undefined {
  const ref = values["header.media"];
  if (!ref) return undefined;
  return { url: /^https:\/\//i.test(ref) ? ref : `/api/media/${encodeURIComponent(ref)}` };
}

export async function previewCampaignMessage(
  ctx: WorkspaceContext,
  input: { templateId: string; variableMapping: VariableMapping; contactId: string | null },
): Promise<{ rendered: RenderedTemplate }> {
  authorize(ctx, "campaign:view");
  const db = tenantDb(ctx);
  const template = await db.template.findFirst({ where: { id: input.templateId, workspaceId: ctx.workspaceId }, select: { components: true } });
  if (!template) throw NotFound("templateNotFound");
  let contact = EMPTY_CONTACT;
  if (input.contactId) {
    const found = await db.contact.findFirst({
      where: { id: input.contactId, workspaceId: ctx.workspaceId },
      select: { name: true, profileName: true, phone: true, email: true, customFields: true },
    });
    if (!found) throw NotFound("contactNotFound");
    contact = found;
  }
  const values = resolveVariables(input.variableMapping, contact);
  const header = headerMediaOf(values);
  return { rendered: renderTemplate(template.components, values, header ? { media: { header } } : {}) };
}
