/** The builder's live audience count (any member): countAudience over the audience as the builder holds it. */
import type { WorkspaceContext } from "@/lib/auth/context";
import { audienceSchema, type AudienceCount, type AudienceInput } from "@/lib/campaigns/audience";
import { Invalid } from "@/lib/errors";
import { countAudience } from "./audience";

export async function countCampaignAudience(ctx: WorkspaceContext, input: { audience: AudienceInput; templateId: string | null }): Promise<AudienceCount> {
  const audience = audienceSchema.safeParse(input.audience);
  if (!audience.success) throw Invalid("campaignAudienceInvalid", { field: "audience" });
  return countAudience(ctx, { audience: audience.data, templateId: input.templateId });
}
