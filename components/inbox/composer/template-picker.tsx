"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { loadSendableTemplatesAction, uploadAttachmentAction } from "@/app/actions/inbox/messages";
import type { SendableTemplate } from "@/lib/services/inbox/sendable-templates";
import { renderTemplate } from "@/lib/templates/render";
import { Button } from "@/components/ui/button";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { TemplateBubble } from "@/components/templates/template-bubble";

export interface TemplateChoice {
  templateId: string;
  variables: Record<string, string>;
  name: string;
  preview: string;
}

/**
 * Templates in a modal dialog (native <dialog>: focus kept inside, Esc closes): pick an approved
 * one, fill its variables with a live preview (the shared renderer, drawn as WhatsApp draws it),
 * send. A media header takes an uploaded file, previewed from the app's own copy. Paused and
 * disabled templates are listed with their status and why they can't be sent, not selectable.
 */
export function TemplatePicker({ slug, conversationId, open, onClose, onSend }: { slug: string; conversationId: string; open: boolean; onClose: () => void; onSend: (choice: TemplateChoice) => Promise<string | null> }) {
  const t = useTranslations("inboxComposer.templates");
  const tAll = useTranslations();
  const dialog = useRef<HTMLDialogElement>(null);
  const [templates, setTemplates] = useState<SendableTemplate[] | null>(null);
  const [chosen, setChosen] = useState<SendableTemplate | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  // The uploaded header file, to preview it from /api/media (the value is its upload id).
  const [headerFile, setHeaderFile] = useState<{ id: string; name: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  useEffect(() => {
    if (!open || templates) return;
    let live = true;
    void loadSendableTemplatesAction({ slug }).then(
      (result) => {
        if (!live) return;
        if (result?.data) setTemplates(result.data);
        else setError(actionErrorText(tAll, result));
      },
      () => live && setError(tAll("errors.network")),
    );
    return () => {
      live = false;
    };
  }, [open, templates, slug, tAll]);

  const headerUpload = headerFile && values["header.media"] === headerFile.id ? headerFile : null;
  const preview = chosen
    ? renderTemplate(chosen.components, values, headerUpload ? { media: { header: { url: `/api/media/${encodeURIComponent(headerUpload.id)}`, fileName: headerUpload.name } } } : {})
    : null;
  const missing = chosen ? chosen.variables.filter((v) => !values[v.key]?.trim()) : [];

  async function upload(key: string, file: File) {
    setBusy(true);
    setError(null);
    const result = await uploadAttachmentAction({ slug, conversationId, file }).catch(() => undefined);
    setBusy(false);
    if (result?.data) {
      const uploaded = result.data;
      setValues((v) => ({ ...v, [key]: uploaded.mediaUploadId }));
      if (key === "header.media") setHeaderFile({ id: uploaded.mediaUploadId, name: uploaded.filename ?? file.name });
    } else setError(actionErrorText(tAll, result));
  }

  async function submit() {
    if (!chosen || !chosen.sendable || missing.length > 0) return;
    setBusy(true);
    const failure = await onSend({ templateId: chosen.id, variables: values, name: chosen.name, preview: preview?.body || chosen.name });
    setBusy(false);
    if (failure) setError(failure);
    else {
      setChosen(null);
      setValues({});
      setHeaderFile(null);
      onClose();
    }
  }

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="template-picker-title"
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex max-h-[80vh] flex-col">
        <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <h2 id="template-picker-title" className="font-semibold">
            {chosen ? chosen.name : t("title")}
          </h2>
          <Button variant="ghost" size="sm" onClick={onClose}>
            {t("close")}
          </Button>
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto p-4">
          {error && (
            <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/40 dark:text-red-300">
              {error}
            </p>
          )}
          {!chosen ? (
            templates === null ? (
              <p className="text-sm text-zinc-500">{t("loading")}</p>
            ) : templates.length === 0 ? (
              <p className="text-sm text-zinc-500">{t("none")}</p>
            ) : (
              <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {templates.map((template) => {
                  const details = (
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                      {template.language} · {template.category.toLowerCase()} · {t("variables", { count: template.variables.length })}
                    </span>
                  );
                  return (
                    <li key={template.id}>
                      {template.blockedBy ? (
                        // Listed so the agent knows why it is missing, but not selectable.
                        <div className="px-2 py-2 opacity-80" aria-disabled="true">
                          <span className="flex items-center gap-2 text-sm font-medium text-zinc-500 dark:text-zinc-400">
                            {template.name}
                            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
                              {t(`blocked.${template.blockedBy}`)}
                            </span>
                          </span>
                          {details}
                          <span className="mt-0.5 block text-xs text-amber-800 dark:text-amber-200">{t(`blockedWhy.${template.blockedBy}`)}</span>
                          {template.reason && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t("reason", { reason: template.reason })}</span>}
                        </div>
                      ) : (
                        <button type="button" className="w-full px-2 py-2 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800" onClick={() => setChosen(template)}>
                          <span className="block text-sm font-medium">{template.name}</span>
                          {details}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )
          ) : (
            <div className="grid gap-4 sm:grid-cols-2">
              <form
                className="space-y-3"
                onSubmit={(e) => {
                  e.preventDefault();
                  void submit();
                }}
              >
                {chosen.variables.length === 0 && <p className="text-sm text-zinc-500">{t("noVariables")}</p>}
                {chosen.variables.map((variable) => (
                  <label key={variable.key} className="block text-sm">
                    <span className="mb-1 block font-medium">{t(`component.${variable.component}`, { name: variable.name })}</span>
                    {variable.kind === "media" ? (
                      <input
                        type="file"
                        accept={variable.mediaFormat === "image" ? "image/*" : variable.mediaFormat === "video" ? "video/*" : undefined}
                        onChange={(e) => e.target.files?.[0] && void upload(variable.key, e.target.files[0])}
                        className="block w-full text-sm"
                      />
                    ) : (
                      <input
                        type="text"
                        value={values[variable.key] ?? ""}
                        placeholder={variable.example}
                        onChange={(e) => setValues((v) => ({ ...v, [variable.key]: e.target.value }))}
                        className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-950"
                      />
                    )}
                  </label>
                ))}
                <div className="flex gap-2 pt-2">
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() => {
                      setChosen(null);
                      setValues({});
                      setHeaderFile(null);
                    }}
                  >
                    {t("back")}
                  </Button>
                  <Button type="submit" pending={busy} disabled={missing.length > 0}>
                    {t("send")}
                  </Button>
                </div>
              </form>
              <div>
                <p className="mb-1 text-xs font-medium text-zinc-500">{t("preview")}</p>
                {preview && <TemplateBubble rendered={preview} theme="auto" />}
              </div>
            </div>
          )}
        </div>
      </div>
    </dialog>
  );
}
