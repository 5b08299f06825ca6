import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { listTemplates } from "@/lib/services/templates/list-templates";
import { getConnectionView } from "@/lib/services/whatsapp/connections";
import { NotConnectedNotice } from "@/components/templates/not-connected";
import { languageLabels } from "@/lib/templates/language-labels";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Icon } from "@/components/shell/nav-icons";
import { TemplatesView } from "@/components/templates/list/templates-view";
import { filtersFromQuery, toRow } from "@/components/templates/list/types";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("templates") };
}

export default async function TemplatesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const query = await searchParams;
  const { ctx } = await requireWorkspace(slug);
  const t = await getTranslations("templates");
  const rows = await listTemplates(ctx, {});
  const canManage = can(ctx.role, "template:manage");
  const connected = can(ctx.role, "connection:view") ? Boolean(await getConnectionView(ctx)) : true;

  const actions = canManage ? (
    <Link href={`/w/${slug}/templates/new`} className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
      {t("newTemplate")}
    </Link>
  ) : null;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={actions} />
      {!connected && <NotConnectedNotice slug={slug} />}
      {rows.length === 0 && !canManage ? (
        <EmptyState icon={<Icon name="templates" className="size-10" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <TemplatesView slug={slug} initialRows={rows.map(toRow)} initialFilters={filtersFromQuery(query)} canManage={canManage} languageLabels={languageLabels(await getLocale(), rows.map((row) => row.language))} />
      )}
    </>
  );
}
