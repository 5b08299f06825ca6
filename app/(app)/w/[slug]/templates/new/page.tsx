import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { listTemplates } from "@/lib/services/templates/list-templates";
import { getConnectionView } from "@/lib/services/whatsapp/connections";
import { NotConnectedNotice } from "@/components/templates/not-connected";
import { languageLabels } from "@/lib/templates/language-labels";
import { emptyDraft } from "@/lib/templates/draft";
import { PageHeader } from "@/components/shell/page-header";
import { TemplateBuilder } from "@/components/templates/builder/template-builder";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templateBuilder"))("newTitle") };
}

/** A new template: an empty draft in the workspace's language (Indonesian workspaces start in `id`). */
export default async function NewTemplatePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx, workspace } = await requireWorkspace(slug);
  if (!can(ctx.role, "template:manage")) notFound();
  const t = await getTranslations("templateBuilder");
  const existing = await listTemplates(ctx, {});
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      {!(await getConnectionView(ctx)) && <NotConnectedNotice slug={slug} />}
      <TemplateBuilder
        slug={slug}
        template={null}
        initialDraft={emptyDraft(workspace.defaultCountry === "ID" ? "id" : "en_US")}
        existing={existing.map(({ id, name, language }) => ({ id, name, language }))}
        canManage
        languageLabels={languageLabels(await getLocale())}
      />
    </>
  );
}
