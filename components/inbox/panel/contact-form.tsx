"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ContactPanel } from "@/lib/services/contacts/contact-panel";
import { updateContactAction } from "@/app/actions/inbox/contacts";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { outcomeText } from "@/components/inbox/header/outcome-text";

/** Edits name, email, tags (comma-separated), groups, opt-out and its reason. */
export function ContactForm({ slug, contact, onSaved, onCancel }: { slug: string; contact: ContactPanel; onSaved: (contact: ContactPanel) => void; onCancel: () => void }) {
  const t = useTranslations("contactPanel");
  const tAll = useTranslations();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [optedOut, setOptedOut] = useState(contact.optedOutAt !== null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      slug,
      contactId: contact.id,
      name: text("name"),
      email: text("email"),
      tags: text("tags")
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
      groupIds: form.getAll("groupIds").map(String),
      optedOut,
      optOutReason: optedOut ? text("optOutReason") : null,
    };
    startTransition(async () => {
      const outcome = await updateContactAction(input).catch(() => undefined);
      const message = outcomeText(tAll, outcome);
      setError(message);
      if (!message && outcome?.data) onSaved(outcome.data);
    });
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={t("editTitle")}>
      <TextField label={t("name")} name="name" defaultValue={contact.name ?? ""} maxLength={100} autoComplete="off" />
      <TextField label={t("email")} name="email" type="email" defaultValue={contact.email ?? ""} maxLength={254} autoComplete="off" />
      <TextField label={t("tags")} name="tags" defaultValue={contact.tags.map((tag) => tag.name).join(", ")} hint={t("tagsHint")} autoComplete="off" />
      {contact.options.groups.length > 0 && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t("groups")}</legend>
          <div className="max-h-40 space-y-1 overflow-y-auto">
            {contact.options.groups.map((group) => (
              <label key={group.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="groupIds" value={group.id} defaultChecked={contact.groups.some((g) => g.id === group.id)} className="size-4 accent-brand-600" />
                {group.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{t("marketing")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={optedOut} onChange={(e) => setOptedOut(e.target.checked)} className="size-4 accent-brand-600" />
          {t("optedOutLabel")}
        </label>
        {optedOut && (
          <label className="block text-sm">
            <span className="mb-1 block">{t("optOutReason")}</span>
            <textarea
              name="optOutReason"
              defaultValue={contact.optOutReason ?? ""}
              maxLength={500}
              rows={2}
              className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm outline-none focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/30 dark:border-zinc-700 dark:bg-zinc-900"
            />
          </label>
        )}
      </fieldset>
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" pending={pending}>
          {t("save")}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
