/** What the builder pages (new, edit) read on the server for the builder's pickers. */
import "server-only";
import type { WorkspaceContext } from "@/lib/auth/context";
import { listSegments } from "@/lib/services/contacts/segments";
import { listCustomFields } from "@/lib/services/contacts/custom-field-definitions";
import { workspaceLabels } from "@/lib/services/contacts/workspace-labels";
import { listSendableTemplates } from "@/lib/services/inbox/sendable-templates";
import { getConnectionView } from "@/lib/services/whatsapp/connections";
import { languageLabels } from "@/lib/templates/language-labels";
import type { CampaignBuilderProps } from "./campaign-builder";

export async function builderOptions(ctx: WorkspaceContext, locale: string): Promise<Omit<CampaignBuilderProps, "slug" | "campaign" | "timeZone" | "initialSchedule">> {
  const [sendable, segments, labels, customFields, connection] = await Promise.all([
    listSendableTemplates(ctx),
    listSegments(ctx),
    workspaceLabels(ctx),
    listCustomFields(ctx),
    getConnectionView(ctx),
  ]);
  // Only what Meta will send: approved, and not a carousel (whose cards a campaign does not fill).
  const templates = sendable.filter((template) => template.status === "APPROVED" && template.sendable);
  return {
    templates: templates.map(({ id, name, language, category, components, variables }) => ({ id, name, language, category, components, variables })),
    connection: connection ? { id: connection.id, label: [connection.verifiedName, connection.displayPhoneNumber ?? connection.phoneNumberId].filter(Boolean).join(" · "), quality: connection.qualityRating } : null,
    segments: segments.map(({ id, name }) => ({ id, name })),
    groups: labels.groups,
    tags: labels.tags.map(({ id, name }) => ({ id, name })),
    customFields: customFields.map(({ key, label }) => ({ key, label })),
    languageLabels: languageLabels(locale, templates.map((template) => template.language)),
  };
}
