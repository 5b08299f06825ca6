"use client";

/**
 * Segments over the table: pick one (its filter fills the editor), save the current filter as a
 * new segment, update the one picked, or delete it (confirmed). The count beside is the table's
 * total: who matches now.
 */
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deleteSegmentAction, saveSegmentAction } from "@/app/actions/contacts/table";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { Button } from "@/components/ui/button";
import type { ContactFilter } from "@/lib/services/contacts/filter/schema";
import type { SegmentOption } from "./types";

const control = "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export function SegmentBar({
  slug,
  segments,
  activeId,
  changed,
  filter,
  onPick,
  onSaved,
  onDeleted,
}: {
  slug: string;
  segments: SegmentOption[];
  activeId: string | null;
  /** Whether the editor's filter differs from the picked segment's. */
  changed: boolean;
  filter: ContactFilter;
  onPick: (segment: SegmentOption | null) => void;
  onSaved: (segment: SegmentOption) => void;
  onDeleted: (id: string) => void;
}) {
  const t = useTranslations("contacts.segments");
  const root = useTranslations();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const active = segments.find((s) => s.id === activeId) ?? null;

  const save = (segmentId: string | undefined, segmentName: string) =>
    start(async () => {
      setError(null);
      const outcome = await saveSegmentAction({ slug, segmentId, name: segmentName, filter }).catch(() => undefined);
      const problem = actionErrorText(root, outcome);
      if (problem || !outcome?.data) return setError(problem ?? root("errors.unknown"));
      onSaved({ id: outcome.data.id, name: segmentName.trim(), filter });
      setNaming(false);
      setName("");
    });

  const remove = () => {
    if (!active || !window.confirm(t("deleteConfirm", { name: active.name }))) return;
    start(async () => {
      const outcome = await deleteSegmentAction({ slug, segmentId: active.id }).catch(() => undefined);
      const problem = actionErrorText(root, outcome);
      if (problem) return setError(problem);
      onDeleted(active.id);
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="segment-bar">
      <select
        aria-label={t("segment")}
        className={control}
        value={activeId ?? ""}
        onChange={(e) => onPick(segments.find((s) => s.id === e.target.value) ?? null)}
      >
        <option value="">{t("allContacts")}</option>
        {segments.map((segment) => (
          <option key={segment.id} value={segment.id}>
            {segment.name}
          </option>
        ))}
      </select>
      {active && changed && (
        <Button type="button" size="sm" variant="secondary" pending={pending} onClick={() => save(active.id, active.name)}>
          {t("update", { name: active.name })}
        </Button>
      )}
      {naming ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save(undefined, name);
          }}
        >
          <input autoFocus aria-label={t("name")} placeholder={t("name")} maxLength={80} className={control} value={name} onChange={(e) => setName(e.target.value)} />
          <Button type="submit" size="sm" pending={pending} disabled={!name.trim()}>
            {t("save")}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setNaming(false)}>
            {t("cancel")}
          </Button>
        </form>
      ) : (
        <Button type="button" size="sm" variant="ghost" onClick={() => setNaming(true)}>
          {t("saveAs")}
        </Button>
      )}
      {active && (
        <Button type="button" size="sm" variant="ghost" className="text-red-600 dark:text-red-400" pending={pending} onClick={remove}>
          {t("delete")}
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
