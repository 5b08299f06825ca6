"use client";

import { useTranslations } from "next-intl";
import { QualityBadge, StatusBadge } from "@/components/templates/list/status-badge";

export interface BuilderTemplate {
  id: string;
  status: string;
  metaId: string | null;
  rejectedReason: string | null;
  qualityScore: string | null;
  category: string;
  /** The category asked for, when Meta settled on another one (on review, or later by template_category_update). */
  previousCategory: string | null;
  /** Meta's refusal of the last submit or edit, as Meta worded it. */
  lastError: { code: number | null; subcode: number | null; title: string | null; message: string } | null;
}

/** Where the template stands with Meta: status (with Meta's reason), quality, and a refusal if there was one. */
export function StatusPanel({ template }: { template: BuilderTemplate }) {
  const t = useTranslations("templateBuilder");
  const tCategory = useTranslations("templates.category");
  const error = template.lastError;
  return (
    <div className="space-y-2 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800" data-testid="template-status">
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge status={template.status} />
        {template.status !== "DRAFT" && <QualityBadge score={template.qualityScore} />}
        {template.metaId && <span className="text-xs text-zinc-500">{t("metaId", { id: template.metaId })}</span>}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-300">{t(`statusHelp.${helpKey(template.status)}`)}</p>
      {template.rejectedReason && <p className="text-red-700 dark:text-red-300">{t("rejectedBecause", { reason: template.rejectedReason })}</p>}
      {template.previousCategory && template.previousCategory !== template.category && (
        <p className="text-amber-800 dark:text-amber-200" data-testid="category-changed">
          {t("categoryChanged", { from: categoryName(tCategory, template.previousCategory), to: categoryName(tCategory, template.category) })}
        </p>
      )}
      {error && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/40 dark:text-red-200">
          <p className="font-medium">{t("metaRefused", { code: error.subcode ? `${error.code ?? "?"}/${error.subcode}` : String(error.code ?? "?") })}</p>
          {error.title && <p>{error.title}</p>}
          <p>{error.message}</p>
        </div>
      )}
    </div>
  );
}

function helpKey(status: string): "DRAFT" | "PENDING" | "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "OTHER" {
  return status === "DRAFT" || status === "PENDING" || status === "APPROVED" || status === "REJECTED" || status === "PAUSED" || status === "DISABLED" ? status : "OTHER";
}

function categoryName(t: (key: "MARKETING" | "UTILITY" | "AUTHENTICATION") => string, category: string): string {
  return category === "MARKETING" || category === "UTILITY" || category === "AUTHENTICATION" ? t(category) : category;
}
