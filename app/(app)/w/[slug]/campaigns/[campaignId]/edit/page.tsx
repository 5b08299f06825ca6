import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { isAppError } from "@/lib/errors";
import { getCampaign } from "@/lib/services/campaigns/get-campaign";
import type { CampaignDetail } from "@/lib/services/campaigns/types";
import { PageHeader } from "@/components/shell/page-header";
import { CampaignBuilder } from "@/components/campaigns/builder/campaign-builder";
import { builderOptions } from "@/components/campaigns/builder/load-builder";
import { isoToSchedule } from "@/components/campaigns/progress";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.builder"))("editTitle") };
}

/** A draft or scheduled campaign, in the builder; any other goes to its detail page. */
export default async function EditCampaignPage({ params }: { params: Promise<{ slug: string; campaignId: string }> }) {
  const { slug, campaignId } = await params;
  const { ctx, workspace } = await requireWorkspace(slug);
  if (!can(ctx.role, "campaign:launch")) notFound();
  const campaign: CampaignDetail = await getCampaign(ctx, campaignId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  if (campaign.status !== "draft" && campaign.status !== "scheduled") redirect(`/w/${slug}/campaigns/${campaign.id}`);
  const t = await getTranslations("campaigns.builder");
  return (
    <>
      <PageHeader title={campaign.name || t("editTitle")} description={t("editDescription")} />
      <CampaignBuilder
        key={campaign.id}
        slug={slug}
        campaign={{
          id: campaign.id,
          name: campaign.name,
          status: campaign.status,
          templateId: campaign.templateId,
          connectionId: campaign.connectionId,
          audience: campaign.audience,
          variableMapping: campaign.variableMapping,
          replyWindowHours: campaign.replyWindowHours,
          autoRetry: campaign.autoRetry,
        }}
        timeZone={workspace.timezone}
        initialSchedule={campaign.scheduledAt ? isoToSchedule(campaign.scheduledAt, workspace.timezone) : { date: "", time: "" }}
        {...await builderOptions(ctx, await getLocale())}
      />
    </>
  );
}
