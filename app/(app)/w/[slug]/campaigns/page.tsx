import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { listCampaigns } from "@/lib/services/campaigns/list-campaigns";
import type { CampaignRow } from "@/lib/services/campaigns/types";
import { languageLabels } from "@/lib/templates/language-labels";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Icon } from "@/components/shell/nav-icons";
import { CampaignsView } from "@/components/campaigns/list/campaigns-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("campaigns") };
}

export default async function CampaignsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  const t = await getTranslations("campaigns");
  const rows: CampaignRow[] = await listCampaigns(ctx);
  const canLaunch = can(ctx.role, "campaign:launch");

  const newCampaign = canLaunch ? (
    <Link href={`/w/${slug}/campaigns/new`} className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
      {t("newCampaign")}
    </Link>
  ) : null;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={newCampaign} />
      {rows.length === 0 ? (
        <EmptyState icon={<Icon name="campaigns" className="size-10" />} title={t("emptyTitle")} description={t("emptyDescription")} action={newCampaign} />
      ) : (
        <CampaignsView
          slug={slug}
          initialRows={rows}
          languageLabels={languageLabels(await getLocale(), rows.flatMap((row) => (row.templateLanguage ? [row.templateLanguage] : [])))}
        />
      )}
    </>
  );
}
