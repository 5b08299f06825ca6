"use client";

/**
 * What to do with the selected contacts: add to / remove from a group or a tag (adding may name a
 * new one), or delete them (owners and admins, confirmed with the count). The selection may be
 * "all N matching": the server applies the filter again at that moment.
 */
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deleteContactsAction, labelContactsAction } from "@/app/actions/contacts/table";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { Button } from "@/components/ui/button";
import type { ContactSelectionInput } from "@/lib/services/contacts/selection";
import type { TableSetup } from "./types";

const control = "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const NEW = "__new__";

export function BulkBar({
  setup,
  count,
  selection,
  onDone,
  onClear,
}: {
  setup: TableSetup;
  count: number;
  selection: () => ContactSelectionInput;
  onDone: (message: string, cleared: boolean) => void;
  onClear: () => void;
}) {
  const t = useTranslations("contacts.bulk");
  const root = useTranslations();
  const [action, setAction] = useState<"add" | "remove">("add");
  const [kind, setKind] = useState<"group" | "tag">("tag");
  const [labelId, setLabelId] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const labels = kind === "group" ? setup.groups : setup.tags;
  const creating = action === "add" && labelId === NEW;

  const apply = () =>
    start(async () => {
      setError(null);
      const outcome = await labelContactsAction({
        slug: setup.slug,
        selection: selection(),
        action,
        kind,
        ...(creating ? { name } : labelId ? { labelId } : {}),
      }).catch(() => undefined);
      const problem = actionErrorText(root, outcome);
      if (problem || !outcome?.data) return setError(problem ?? root("errors.unknown"));
      onDone(t(action === "add" ? "added" : "removed", { count: outcome.data.changed }), false);
      setName("");
    });

  const remove = () => {
    if (!window.confirm(t("deleteConfirm", { count }))) return;
    start(async () => {
      setError(null);
      const outcome = await deleteContactsAction({ slug: setup.slug, selection: selection() }).catch(() => undefined);
      const problem = actionErrorText(root, outcome);
      if (problem || !outcome?.data) return setError(problem ?? root("errors.unknown"));
      onDone(t("deleted", { count: outcome.data.deleted }), true);
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm dark:border-emerald-900 dark:bg-emerald-950/40" data-testid="bulk-bar">
      <span className="font-medium">{t("selected", { count })}</span>
      <button type="button" className="text-xs text-zinc-600 underline dark:text-zinc-400" onClick={onClear}>
        {t("clear")}
      </button>
      <span className="mx-1 h-5 w-px bg-zinc-300 dark:bg-zinc-700" aria-hidden />
      <select aria-label={t("action")} className={control} value={action} onChange={(e) => setAction(e.target.value === "remove" ? "remove" : "add")}>
        <option value="add">{t("add")}</option>
        <option value="remove">{t("remove")}</option>
      </select>
      <select
        aria-label={t("kind")}
        className={control}
        value={kind}
        onChange={(e) => {
          setKind(e.target.value === "group" ? "group" : "tag");
          setLabelId("");
        }}
      >
        <option value="tag">{t("tag")}</option>
        <option value="group">{t("group")}</option>
      </select>
      <select aria-label={t("label")} className={control} value={labelId} onChange={(e) => setLabelId(e.target.value)}>
        <option value="">{t("choose")}</option>
        {labels.map((label) => (
          <option key={label.id} value={label.id}>
            {label.name}
          </option>
        ))}
        {action === "add" && <option value={NEW}>{kind === "group" ? t("newGroup") : t("newTag")}</option>}
      </select>
      {creating && <input aria-label={t("newName")} placeholder={t("newName")} className={control} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />}
      <Button type="button" size="sm" pending={pending} disabled={!labelId || (creating && !name.trim())} onClick={apply}>
        {t("apply")}
      </Button>
      {setup.canDelete && (
        <Button type="button" size="sm" variant="danger" className="ml-auto" pending={pending} onClick={remove}>
          {t("delete", { count })}
        </Button>
      )}
      {error && (
        <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
