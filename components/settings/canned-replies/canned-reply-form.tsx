"use client";

import { useTranslations } from "next-intl";
import { createCannedReplyAction, updateCannedReplyAction } from "@/app/actions/canned-replies";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { submitValues, useFormAction } from "@/components/forms/use-form-action";

export interface CannedReplyRow {
  id: string;
  shortcut: string;
  title: string;
  body: string;
}

/** Add (no `reply`) or edit one canned reply; errors shown on their field. */
export function CannedReplyForm({ slug, reply, onDone }: { slug: string; reply?: CannedReplyRow; onDone: () => void }) {
  const t = useTranslations("cannedReplies");
  const create = useFormAction(createCannedReplyAction, onDone);
  const update = useFormAction(updateCannedReplyAction, onDone);
  const form = reply ? update : create;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitValues((v) => {
        const fields = { slug, shortcut: v.shortcut ?? "", title: v.title ?? "", body: v.body ?? "" };
        if (reply) update.run({ ...fields, id: reply.id });
        else create.run(fields);
      })}
    >
      <h3 className="text-base font-semibold">{reply ? t("editTitle") : t("addTitle")}</h3>
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <TextField
          label={t("shortcut")}
          name="shortcut"
          defaultValue={reply?.shortcut}
          hint={t("shortcutHint")}
          error={form.fieldError("shortcut")}
          autoComplete="off"
          required
        />
        <TextField label={t("title")} name="title" defaultValue={reply?.title} error={form.fieldError("title")} required />
      </div>
      <div className="space-y-1.5">
        <label htmlFor={`canned-body-${reply?.id ?? "new"}`} className="block text-sm font-medium">
          {t("body")}
        </label>
        <textarea
          id={`canned-body-${reply?.id ?? "new"}`}
          name="body"
          rows={4}
          defaultValue={reply?.body}
          aria-invalid={Boolean(form.fieldError("body")) || undefined}
          className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {form.fieldError("body") && (
          <p className="text-sm text-red-600 dark:text-red-400" role="alert">
            {form.fieldError("body")}
          </p>
        )}
      </div>
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          {t("save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
