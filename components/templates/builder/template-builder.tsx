"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { TemplateDraft, TemplateHeader, TemplateSample } from "@/lib/templates/draft";
import { lintTemplate, type LintProblem } from "@/lib/templates/lint";
import { useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { AuthenticationOptions } from "./authentication-options";
import { BuilderActions } from "./builder-actions";
import { ButtonsEditor } from "./buttons-editor";
import { CarouselEditor, startCarousel } from "./carousel-editor";
import { DraftInput, Section } from "./controls";
import { HeaderEditor } from "./header-editor";
import { IdentityFields } from "./identity-fields";
import { PreviewPane } from "./preview-pane";
import { ProblemsProvider } from "./problems";
import { StatusPanel, type BuilderTemplate } from "./status-panel";
import { VariableText } from "./variable-text";

const ALL_HEADERS = ["NONE", "TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"] as const;
const BUTTON_KINDS = ["QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE"] as const;

/** Statuses Meta lets a template be edited in; the others (pending review, disabled) are read here. */
const EDITABLE = new Set(["APPROVED", "REJECTED", "PAUSED"]);

export interface BuilderProps {
  slug: string;
  template: BuilderTemplate | null;
  initialDraft: TemplateDraft;
  /** The workspace's other templates, for the name-per-language check. */
  existing: Array<{ id: string; name: string; language: string }>;
  canManage: boolean;
  /** Every template language's name in the user's language, read once on the server (no ICU drift while hydrating). */
  languageLabels: Record<string, string>;
}

/**
 * The template builder: every field of the draft on the left, each with the problems Meta would
 * refuse it for (checked as one types, and again by the server), and the WhatsApp preview on the
 * right. A draft is saved as is; submitting sends it to Meta's review.
 */
export function TemplateBuilder({ slug, template, initialDraft, existing, canManage, languageLabels }: BuilderProps) {
  const t = useTranslations("templateBuilder");
  const router = useRouter();
  const [draft, setDraft] = useState(initialDraft);
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [serverProblems, setServerProblems] = useState<LintProblem[]>([]);
  // "Required" is not news while a new draft is being written: those show once a submit is tried.
  const [showRequired, setShowRequired] = useState(false);

  const submitted = Boolean(template && template.status !== "DRAFT");
  const readOnly = !canManage || (submitted && !EDITABLE.has(template!.status));
  const problems = useMemo(
    () => [...lintTemplate(draft, { existing, selfId: template?.id }), ...serverProblems],
    [draft, existing, template?.id, serverProblems],
  );
  const errors = problems.filter((problem) => problem.severity === "error");
  const shown = showRequired ? problems : problems.filter((problem) => !problem.code.endsWith(".required"));

  // Meta's review (and quality, category) lands through the webhook: show it as it happens.
  useRealtimeEvent("template.updated", (event) => {
    if (template && event.templateId === template.id) router.refresh();
  });

  function change(patch: Partial<TemplateDraft>) {
    setServerProblems([]);
    setDraft((current) => {
      const next = { ...current, ...patch };
      // Authentication templates have no header, free body or footer text: Meta writes them.
      if (patch.category === "AUTHENTICATION") {
        next.header = { format: "NONE" };
        next.carousel = null;
        next.buttons = [{ type: "OTP", otpType: "COPY_CODE", text: "", autofillText: "", packageName: "", signatureHash: "" }];
      } else if (patch.category && current.category === "AUTHENTICATION") next.buttons = [];
      if (patch.category && patch.category !== "MARKETING") next.carousel = null;
      return next;
    });
  }
  const preview = (sample: TemplateSample, url: string) => setPreviews((current) => ({ ...current, [sample.handle]: url }));

  const auth = draft.category === "AUTHENTICATION";
  const headers: readonly TemplateHeader["format"][] = auth ? ["NONE"] : ALL_HEADERS;

  return (
    <ProblemsProvider problems={shown}>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          {template && <StatusPanel template={template} />}
          <fieldset disabled={readOnly} className="space-y-4">
            <Section title={t("identity")}>
              <IdentityFields draft={draft} locked={{ name: submitted, language: submitted, category: template?.status === "APPROVED" }} languageLabels={languageLabels} onChange={change} />
            </Section>
            {auth ? (
              <Section title={t("authentication")}>
                <AuthenticationOptions options={draft.authentication} onChange={(authentication) => change({ authentication })} />
                <ButtonsEditor path="buttons" buttons={draft.buttons} kinds={[]} onChange={(buttons) => change({ buttons })} />
              </Section>
            ) : (
              <>
                {!draft.carousel && (
                  <Section title={t("header")} description={t("headerHint")}>
                    <HeaderEditor slug={slug} header={draft.header} parameterFormat={draft.parameterFormat} allowed={headers} onChange={(header) => change({ header })} onPreview={preview} />
                  </Section>
                )}
                <Section title={t("body")} description={t("bodyHint")}>
                  <VariableText
                    label={t("bodyText")}
                    path="body.text"
                    text={draft.body.text}
                    examples={draft.body.examples}
                    max={1024}
                    parameterFormat={draft.parameterFormat}
                    onChange={(body) => change({ body })}
                  />
                </Section>
                {!draft.carousel && (
                  <>
                    <Section title={t("footer")}>
                      <DraftInput label={t("footerText")} path="footer" value={draft.footer} counter={{ value: draft.footer.length, max: 60 }} onChange={(e) => change({ footer: e.target.value })} />
                    </Section>
                    <Section title={t("buttons")} description={t("buttonsHint")}>
                      <ButtonsEditor path="buttons" buttons={draft.buttons} kinds={BUTTON_KINDS} onChange={(buttons) => change({ buttons })} />
                    </Section>
                  </>
                )}
                {draft.category === "MARKETING" && (
                  <Section title={t("carousel")} description={t("carouselHint")}>
                    <label className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={draft.carousel !== null}
                        onChange={(e) => change(e.target.checked ? { carousel: startCarousel(), header: { format: "NONE" }, footer: "", buttons: [] } : { carousel: null })}
                      />
                      {t("useCarousel")}
                    </label>
                    {draft.carousel && (
                      <CarouselEditor
                        slug={slug}
                        cards={draft.carousel.cards}
                        parameterFormat={draft.parameterFormat}
                        onChange={(cards) => change({ carousel: { cards } })}
                        onPreview={preview}
                      />
                    )}
                  </Section>
                )}
              </>
            )}
          </fieldset>
          <BuilderActions slug={slug} template={template} draft={draft} errors={errors} readOnly={readOnly} canManage={canManage} languageLabels={languageLabels} onProblems={setServerProblems} onBlocked={() => setShowRequired(true)} />
        </div>
        <aside className="lg:sticky lg:top-4 lg:self-start">
          <PreviewPane draft={draft} previews={previews} />
        </aside>
      </div>
    </ProblemsProvider>
  );
}
