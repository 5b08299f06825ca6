"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteTemplateAction } from "@/app/actions/templates/delete";
import { duplicateTemplateAction } from "@/app/actions/templates/duplicate";
import { editTemplateAction } from "@/app/actions/templates/edit";
import { saveTemplateDraftAction } from "@/app/actions/templates/save-draft";
import { submitTemplateAction } from "@/app/actions/templates/submit";
import type { ActionError } from "@/lib/actions/client";
import type { TemplateDraft } from "@/lib/templates/draft";
import type { LintProblem } from "@/lib/templates/lint";
import { TEMPLATE_LANGUAGE_CODES } from "@/lib/templates/languages";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { Button } from "@/components/ui/button";
import { ProblemSummary } from "./problem-summary";
import type { BuilderTemplate } from "./status-panel";

type Outcome = { data?: { id: string; problems?: LintProblem[] }; serverError?: ActionError; validationErrors?: { fieldErrors?: Partial<Record<string, string[]>> } } | undefined;

type RawOutcome = { data?: unknown; serverError?: ActionError; validationErrors?: { fieldErrors?: Partial<Record<string, string[]>> } } | undefined;

/**
 * The actions answer in their own shapes (a template; `{ ok, template }` or `{ ok: false, problems }`
 * from submit and edit; `{ deleted }` from delete): one reading of them for the buttons.
 */
function outcomeOf(raw: RawOutcome, fallbackId?: string): Outcome {
  if (!raw) return undefined;
  if (raw.serverError || raw.validationErrors) return { serverError: raw.serverError, validationErrors: raw.validationErrors };
  const data = raw.data as { id?: string; ok?: boolean; problems?: LintProblem[]; template?: { id: string } } | undefined;
  if (data?.ok === false) return { data: { id: fallbackId ?? "", problems: data.problems ?? [] } };
  const id = data?.template?.id ?? data?.id ?? fallbackId;
  return id ? { data: { id } } : { serverError: { code: "internal", messageKey: "unknown", params: {} } };
}

/**
 * What can be done with the draft: save it, submit it (or its changes) to Meta, duplicate it into
 * another language, delete it (this language, or every language of its name).
 */
export function BuilderActions({
  slug,
  template,
  draft,
  errors,
  readOnly,
  canManage,
  languageLabels,
  onProblems,
  onBlocked,
}: {
  slug: string;
  template: BuilderTemplate | null;
  draft: TemplateDraft;
  errors: LintProblem[];
  readOnly: boolean;
  canManage: boolean;
  languageLabels: Record<string, string>;
  onProblems: (problems: LintProblem[]) => void;
  /** Submit was pressed with problems left: show them all. */
  onBlocked: () => void;
}) {
  const t = useTranslations("templateBuilder");
  const tAll = useTranslations();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [language, setLanguage] = useState("");
  const submitted = Boolean(template && template.status !== "DRAFT");
  const [blocked, setBlocked] = useState(false);

  async function run(kind: string, call: () => Promise<RawOutcome>, done: (id: string) => void) {
    setBusy(kind);
    setMessage(null);
    const outcome = outcomeOf(await call().catch(() => undefined), template?.id);
    setBusy(null);
    const problems = outcome?.data?.problems;
    if (problems && problems.length > 0) {
      onProblems(problems);
      setMessage({ tone: "error", text: t("fixProblems", { count: problems.length }) });
    } else if (outcome?.data) done(outcome.data.id);
    else {
      setMessage({ tone: "error", text: actionErrorText(tAll, outcome) ?? tAll("errors.unknown") });
      // Meta refused a new template: its draft was kept under an id of its own; go on from there.
      const kept = outcome?.serverError?.params.templateId;
      if (!template && typeof kept === "string") router.replace(`/w/${slug}/templates/${kept}`);
    }
  }

  const open = (id: string) => {
    if (template?.id === id) router.refresh();
    else router.push(`/w/${slug}/templates/${id}`);
  };

  if (!canManage) return null;
  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      {!readOnly && (
        <div className="flex flex-wrap items-center gap-2">
          {!submitted && (
            <Button type="button" variant="secondary" pending={busy === "save"} onClick={() => void run("save", () => saveTemplateDraftAction({ slug, id: template?.id, draft }), (id) => {
              setMessage({ tone: "ok", text: t("saved") });
              open(id);
            })}>
              {t("saveDraft")}
            </Button>
          )}
          <Button
            type="button"
            pending={busy === "submit"}
            aria-disabled={errors.length > 0 || undefined}
            onClick={() => {
              if (errors.length > 0) {
                setBlocked(true);
                onBlocked();
                return;
              }
              void run(
                "submit",
                () => (submitted ? editTemplateAction({ slug, id: template!.id, draft }) : submitTemplateAction({ slug, id: template?.id, draft })),
                (id) => {
                  setMessage({ tone: "ok", text: t("submitted") });
                  open(id);
                },
              );
            }}
          >
            {submitted ? t("submitChanges") : t("submit")}
          </Button>
          {errors.length > 0 && <span className="text-sm text-red-600 dark:text-red-400">{t("problemCount", { count: errors.length })}</span>}
        </div>
      )}
      {!readOnly && blocked && <ProblemSummary problems={errors} />}
      {template && (
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-3 dark:border-zinc-800">
          <select aria-label={t("duplicateLanguage")} value={language} onChange={(e) => setLanguage(e.target.value)} className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
            <option value="">{t("duplicateLanguage")}</option>
            {TEMPLATE_LANGUAGE_CODES.filter((code) => code !== draft.language).map((code) => (
              <option key={code} value={code}>
                {languageLabels[code] ?? code} ({code})
              </option>
            ))}
          </select>
          <Button type="button" size="sm" variant="secondary" disabled={!language} pending={busy === "duplicate"} onClick={() => void run("duplicate", () => duplicateTemplateAction({ slug, id: template.id, language }), open)}>
            {t("duplicate")}
          </Button>
          <span className="ml-auto flex gap-2">
            <Button
              type="button"
              size="sm"
              variant="danger"
              pending={busy === "delete"}
              onClick={() => {
                if (!window.confirm(t("confirmDelete", { name: draft.name, language: draft.language }))) return;
                void run("delete", () => deleteTemplateAction({ slug, id: template.id, scope: "language" }), () => router.push(`/w/${slug}/templates`));
              }}
            >
              {t("delete")}
            </Button>
            {submitted && (
              <Button
                type="button"
                size="sm"
                variant="danger"
                pending={busy === "deleteAll"}
                onClick={() => {
                  if (!window.confirm(t("confirmDeleteAll", { name: draft.name }))) return;
                  void run("deleteAll", () => deleteTemplateAction({ slug, id: template.id, scope: "all" }), () => router.push(`/w/${slug}/templates`));
                }}
              >
                {t("deleteAll")}
              </Button>
            )}
          </span>
        </div>
      )}
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-red-600 dark:text-red-400" : "text-sm text-emerald-700 dark:text-emerald-300"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
