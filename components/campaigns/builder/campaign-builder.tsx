"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteCampaignAction } from "@/app/actions/campaigns/delete";
import { saveCampaignDraftAction } from "@/app/actions/campaigns/save-draft";
import type { Audience } from "@/lib/campaigns/audience";
import type { AutoRetry } from "@/lib/campaigns/auto-retry";
import type { VariableMapping } from "@/lib/campaigns/mapping";
import type { TemplateVariable } from "@/lib/services/inbox/template-variables";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { Section } from "@/components/templates/builder/controls";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { outcome } from "../action-outcome";
import { AudiencePicker, type Option } from "./audience-picker";
import { FollowUpFields } from "./follow-up-fields";
import { LaunchPanel } from "./launch-panel";
import { mappingFor } from "./mapping-form";
import { MessagePreview } from "./message-preview";
import { VariableMappingEditor } from "./variable-mapping";

export interface BuilderTemplateOption {
  id: string;
  name: string;
  language: string;
  category: string;
  components: unknown[];
  variables: TemplateVariable[];
}

export interface BuilderCampaign {
  id: string;
  name: string;
  status: string;
  templateId: string | null;
  connectionId: string | null;
  audience: Audience;
  variableMapping: VariableMapping;
  replyWindowHours: number;
  autoRetry: AutoRetry | null;
}

export interface CampaignBuilderProps {
  slug: string;
  campaign: BuilderCampaign | null;
  /** The workspace's approved templates, with the variables to map. */
  templates: BuilderTemplateOption[];
  connection: { id: string; label: string; quality: string | null } | null;
  segments: Option[];
  groups: Option[];
  tags: Option[];
  customFields: Array<{ key: string; label: string }>;
  languageLabels: Record<string, string>;
  timeZone: string;
  /** The date and time inputs' first values on the workspace's clock (a scheduled campaign's, else blank). */
  initialSchedule: { date: string; time: string };
}

interface Draft {
  name: string;
  templateId: string | null;
  connectionId: string | null;
  audience: Audience;
  variableMapping: VariableMapping;
  replyWindowHours: number;
  autoRetry: AutoRetry | null;
}

/**
 * A campaign's draft: name, template, number, audience (counted live), where each variable comes
 * from, the message as a recipient will see it, then, once saved, the pre-flight checks and launch.
 */
export function CampaignBuilder({ slug, campaign, templates, connection, segments, groups, tags, customFields, languageLabels, timeZone, initialSchedule }: CampaignBuilderProps) {
  const t = useTranslations("campaigns.builder");
  const tTemplates = useTranslations("templates");
  const tAll = useTranslations();
  const router = useRouter();
  const initial: Draft = {
    name: campaign?.name ?? "",
    templateId: campaign?.templateId ?? null,
    connectionId: campaign?.connectionId ?? connection?.id ?? null,
    audience: campaign?.audience ?? { everyone: false, segmentIds: [], groupIds: [], tagIds: [], upload: null },
    variableMapping: campaign?.variableMapping ?? {},
    replyWindowHours: campaign?.replyWindowHours ?? 72,
    autoRetry: campaign?.autoRetry ?? null,
  };
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState<{ id: string | null; json: string; version: number }>({ id: campaign?.id ?? null, json: JSON.stringify(initial), version: 0 });
  const [busy, setBusy] = useState<"save" | "delete" | null>(null);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const template = useMemo(() => templates.find((option) => option.id === draft.templateId) ?? null, [templates, draft.templateId]);
  const missingTemplate = draft.templateId !== null && template === null;
  const dirty = JSON.stringify(draft) !== saved.json;

  function change(patch: Partial<Draft>) {
    setNotice(null);
    setDraft((current) => ({ ...current, ...patch }));
  }

  function pickTemplate(id: string) {
    const next = templates.find((option) => option.id === id) ?? null;
    change({ templateId: next?.id ?? null, variableMapping: next ? mappingFor(next.variables, draft.variableMapping) : {} });
  }

  async function save() {
    setBusy("save");
    setNotice(null);
    const snapshot = draft;
    const result = await outcome<{ id: string }>(
      saveCampaignDraftAction({ slug, ...(saved.id ? { campaignId: saved.id } : {}), ...snapshot }),
    );
    setBusy(null);
    if (!result?.data) {
      setNotice({ tone: "error", text: actionErrorText(tAll, result) ?? tAll("errors.unknown") });
      return;
    }
    const id = result.data.id;
    setSaved((current) => ({ id, json: JSON.stringify(snapshot), version: current.version + 1 }));
    setNotice({ tone: "ok", text: t("saved") });
    // A new draft gets its own address, so a reload comes back to it.
    if (!saved.id) window.history.replaceState(window.history.state, "", `/w/${slug}/campaigns/${id}/edit`);
  }

  async function remove() {
    if (!saved.id || !window.confirm(t("deleteConfirm"))) return;
    setBusy("delete");
    const result = await outcome<unknown>(deleteCampaignAction({ slug, campaignId: saved.id }));
    setBusy(null);
    const error = actionErrorText(tAll, result);
    if (error) setNotice({ tone: "error", text: error });
    else router.push(`/w/${slug}/campaigns`);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-4">
        <Section title={t("nameSection")}>
          <TextField label={t("name")} value={draft.name} maxLength={120} required onChange={(e) => change({ name: e.target.value })} hint={t("nameHint")} />
        </Section>

        <Section title={t("templateSection")} description={t("templateHint")}>
          {templates.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              {t.rich("noTemplates", { link: (chunks) => <Link href={`/w/${slug}/templates`} className="text-brand-700 underline dark:text-brand-300">{chunks}</Link> })}
            </p>
          ) : (
            <SelectField label={t("template")} value={template?.id ?? ""} onChange={(e) => pickTemplate(e.target.value)} error={missingTemplate ? t("templateGone") : undefined}>
              <option value="">{t("chooseTemplate")}</option>
              {templates.map((option) => (
                <option key={option.id} value={option.id}>
                  {t("templateOption", { name: option.name, language: languageLabels[option.language] ?? option.language, category: tTemplates.has(`category.${option.category}`) ? tTemplates(`category.${option.category}`) : option.category })}
                </option>
              ))}
            </SelectField>
          )}
        </Section>

        <Section title={t("numberSection")}>
          {connection ? (
            <SelectField label={t("number")} value={draft.connectionId ?? ""} onChange={(e) => change({ connectionId: e.target.value || null })} hint={connection.quality ? t("numberQuality", { quality: connection.quality }) : undefined}>
              <option value={connection.id}>{connection.label}</option>
            </SelectField>
          ) : (
            <p className="text-sm text-amber-700 dark:text-amber-300">
              {t.rich("notConnected", { link: (chunks) => <Link href={`/w/${slug}/settings/whatsapp`} className="underline">{chunks}</Link> })}
            </p>
          )}
        </Section>

        <Section title={t("audienceSection")} description={t("audienceHint")}>
          <AudiencePicker slug={slug} audience={draft.audience} templateId={draft.templateId} segments={segments} groups={groups} tags={tags} onChange={(audience) => change({ audience })} />
        </Section>

        {template && (
          <Section title={t("mappingSection")} description={t("mappingHint")}>
            <VariableMappingEditor variables={template.variables} mapping={draft.variableMapping} customFields={customFields} onChange={(variableMapping) => change({ variableMapping })} />
          </Section>
        )}

        <Section title={t("followUpSection")} description={t("followUpHint")}>
          <FollowUpFields replyWindowHours={draft.replyWindowHours} autoRetry={draft.autoRetry} onChange={(patch) => change(patch)} />
        </Section>

        <div className="flex flex-wrap items-center gap-2">
          <Button pending={busy === "save"} disabled={busy !== null || (!dirty && saved.id !== null)} onClick={() => void save()}>
            {t("saveDraft")}
          </Button>
          {saved.id && (
            <Button variant="ghost" pending={busy === "delete"} disabled={busy !== null} onClick={() => void remove()}>
              {t("delete")}
            </Button>
          )}
          {saved.id && campaign?.status === "scheduled" && (
            <Link href={`/w/${slug}/campaigns/${saved.id}`} className="text-sm text-brand-700 hover:underline dark:text-brand-300">
              {t("viewCampaign")}
            </Link>
          )}
          {dirty && saved.id && <span className="text-xs text-zinc-500 dark:text-zinc-400">{t("unsaved")}</span>}
        </div>
        {notice && (
          <p role={notice.tone === "error" ? "alert" : "status"} className={notice.tone === "error" ? "text-sm text-red-600 dark:text-red-400" : "text-sm text-emerald-700 dark:text-emerald-300"}>
            {notice.text}
          </p>
        )}

        {saved.id && (
          <Section title={t("launchSection")}>
            <LaunchPanel slug={slug} campaignId={saved.id} timeZone={timeZone} initialSchedule={initialSchedule} dirty={dirty} savedVersion={saved.version} />
          </Section>
        )}
      </div>
      <div className="lg:sticky lg:top-4 lg:self-start">
        {template ? (
          <MessagePreview slug={slug} templateId={template.id} components={template.components} mapping={draft.variableMapping} audience={draft.audience} />
        ) : (
          <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">{t("previewEmpty")}</p>
        )}
      </div>
    </div>
  );
}
