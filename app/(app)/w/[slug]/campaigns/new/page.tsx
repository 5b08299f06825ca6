import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { PageHeader } from "@/components/shell/page-header";
import { CampaignBuilder } from "@/components/campaigns/builder/campaign-builder";
import { builderOptions } from "@/components/campaigns/builder/load-builder";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns.builder"))("newTitle") };
}

export default async function NewCampaignPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx, workspace } = await requireWorkspace(slug);
  if (!can(ctx.role, "campaign:launch")) notFound();
  const t = await getTranslations("campaigns.builder");
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <CampaignBuilder slug={slug} campaign={null} timeZone={workspace.timezone} initialSchedule={{ date: "", time: "" }} {...await builderOptions(ctx, await getLocale())} />
    </>
  );
}
