"use client";

/**
 * Edits name, email, tags (comma-separated; new names become tags), groups, opt-out with its
 * reason, and the workspace's contact fields, each by its type. Only the fields changed are sent;
 * the service checks every value against its definition and names the field it refuses.
 */
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ContactCustomField, ContactDetail } from "@/lib/services/contacts/get-contact";
import { saveContactPageAction } from "@/app/actions/contacts/contact-page";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { outcomeText } from "@/components/inbox/header/outcome-text";

/** A stored value as the form holds it: "" for none, "true"/"false" for a boolean. */
const asText = (value: ContactCustomField["value"]) => (value === null ? "" : String(value));
const customName = (key: string) => `custom:${key}`;

function CustomFieldInput({ field, error }: { field: ContactCustomField; error?: string }) {
  const t = useTranslations("contactPage");
  const common = { label: field.label, name: customName(field.key), defaultValue: asText(field.value), error };
  switch (field.type) {
    case "boolean":
      return (
        <SelectField {...common}>
          <option value="">—</option>
          <option value="true">{t("yes")}</option>
          <option value="false">{t("no")}</option>
        </SelectField>
      );
    case "select":
      return (
        <SelectField {...common}>
          <option value="">—</option>
          {/* A held value the choices no longer list (cannot happen through the settings) stays visible. */}
          {[...field.options, ...(typeof field.value === "string" && !field.options.includes(field.value) ? [field.value] : [])].map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
      );
    case "number":
      return <TextField {...common} type="number" step="any" inputMode="decimal" />;
    case "date":
      return <TextField {...common} type="date" />;
    default:
      return <TextField {...common} maxLength={1_000} autoComplete="off" />;
  }
}

export function ContactEditForm({
  slug,
  contact,
  onSaved,
  onCancel,
}: {
  slug: string;
  contact: ContactDetail;
  onSaved: (contact: ContactDetail) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("contactPage");
  const tAll = useTranslations();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ text: string; field?: string } | null>(null);
  const [optedOut, setOptedOut] = useState(contact.optedOutAt !== null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const customFields: Record<string, string> = {};
    for (const field of contact.customFields) {
      const value = text(customName(field.key)).trim();
      if (value !== asText(field.value)) customFields[field.key] = value;
    }
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
      ...(Object.keys(customFields).length > 0 ? { customFields } : {}),
    };
    startTransition(async () => {
      const outcome = await saveContactPageAction(input).catch(() => undefined);
      const message = outcomeText(tAll, outcome);
      setError(message ? { text: message, field: outcome?.serverError?.field } : null);
      if (!message && outcome?.data) onSaved(outcome.data);
    });
  };

  const fieldError = (name: string) => (error?.field === name ? error.text : undefined);
  return (
    <form onSubmit={submit} className="space-y-4" aria-label={t("editTitle")} noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("name")} name="name" defaultValue={contact.name ?? ""} maxLength={100} autoComplete="off" error={fieldError("name")} />
        <TextField label={t("email")} name="email" type="email" defaultValue={contact.email ?? ""} maxLength={254} autoComplete="off" error={fieldError("email")} />
      </div>
      <TextField label={t("tags")} name="tags" defaultValue={contact.tags.map((tag) => tag.name).join(", ")} hint={t("tagsHint")} autoComplete="off" />
      {contact.options.groups.length > 0 && (
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t("groups")}</legend>
          <div className="grid max-h-48 gap-1 overflow-y-auto sm:grid-cols-2">
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
            <span className="mb-1 block">{t("optOutReasonLabel")}</span>
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
      {contact.customFields.length > 0 && (
        <fieldset className="space-y-3">
          <legend className="mb-1 text-sm font-medium">{t("customFields")}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {contact.customFields.map((field) => (
              <CustomFieldInput key={field.key} field={field} error={fieldError(`customFields.${field.key}`)} />
            ))}
          </div>
        </fieldset>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error.text}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
