import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { isAppError } from "@/lib/errors";
import { getTemplate } from "@/lib/services/templates/get-template";
import { listTemplates } from "@/lib/services/templates/list-templates";
import { languageLabels } from "@/lib/templates/language-labels";
import { PageHeader } from "@/components/shell/page-header";
import { TemplateBuilder } from "@/components/templates/builder/template-builder";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("templates") };
}

export default async function TemplatePage({ params }: { params: Promise<{ slug: string; templateId: string }> }) {
  const { slug, templateId } = await params;
  const { ctx } = await requireWorkspace(slug);
  const template = await getTemplate(ctx, templateId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const existing = await listTemplates(ctx, {});
  const t = await getTranslations("templateBuilder");
  return (
    <>
      <PageHeader title={template.name} description={t("pageDescription", { language: template.language })} />
      <TemplateBuilder
        key={template.id}
        slug={slug}
        template={{
          id: template.id,
          status: template.status,
          metaId: template.metaId,
          rejectedReason: template.rejectedReason,
          qualityScore: template.qualityScore,
          category: template.category,
          previousCategory: template.previousCategory,
          lastError: template.lastError,
        }}
        initialDraft={template.draft}
        existing={existing.map(({ id, name, language }) => ({ id, name, language }))}
        canManage={can(ctx.role, "template:manage")}
        languageLabels={languageLabels(await getLocale(), [template.language])}
      />
    </>
  );
}
