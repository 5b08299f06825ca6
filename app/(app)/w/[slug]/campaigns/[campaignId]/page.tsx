import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { isAppError } from "@/lib/errors";
import { getCampaign } from "@/lib/services/campaigns/get-campaign";
import { listCampaignRecipients } from "@/lib/services/campaigns/list-recipients";
import { campaignTimeline } from "@/lib/services/campaigns/timeline";
import type { CampaignDetail, RecipientRow } from "@/lib/services/campaigns/types";
import { languageLabels } from "@/lib/templates/language-labels";
import { PageHeader } from "@/components/shell/page-header";
import { CampaignDetailView } from "@/components/campaigns/detail/campaign-detail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("campaigns") };
}

export default async function CampaignPage({ params }: { params: Promise<{ slug: string; campaignId: string }> }) {
  const { slug, campaignId } = await params;
  const { ctx } = await requireWorkspace(slug);
  const campaign: CampaignDetail = await getCampaign(ctx, campaignId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const [recipients, timeline]: [{ rows: RecipientRow[]; nextCursor: string | null }, Awaited<ReturnType<typeof campaignTimeline>>] = await Promise.all([
    listCampaignRecipients(ctx, { campaignId: campaign.id }),
    campaignTimeline(ctx, campaign.id),
  ]);
  const t = await getTranslations("campaigns");
  const canLaunch = can(ctx.role, "campaign:launch");
  const labels = languageLabels(await getLocale(), campaign.templateLanguage ? [campaign.templateLanguage] : []);
  const language = campaign.templateLanguage ? (labels[campaign.templateLanguage] ?? campaign.templateLanguage) : null;

  return (
    <>
      <PageHeader
        title={campaign.name}
        description={t("detail.description")}
        actions={
          canLaunch && campaign.status === "draft" ? (
            <Link href={`/w/${slug}/campaigns/${campaign.id}/edit`} className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
              {t("detail.edit")}
            </Link>
          ) : null
        }
      />
      <CampaignDetailView slug={slug} initial={{ ...campaign, templateLanguage: language }} canLaunch={canLaunch} recipients={recipients} timeline={timeline} />
    </>
  );
}
