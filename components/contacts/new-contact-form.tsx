"use client";

/** Add a contact by hand: the number (read with the workspace's country), name, email, tags, consent. */
import { useTranslations } from "next-intl";
import Link from "next/link";
import { createContactAction } from "@/app/actions/contacts/create";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { submitValues, useFormAction, useRedirectTo } from "@/components/forms/use-form-action";

export function NewContactForm({ slug }: { slug: string }) {
  const t = useTranslations("newContact");
  const form = useFormAction(createContactAction, useRedirectTo());
  return (
    <Card className="max-w-xl p-5">
      <form
        className="space-y-4"
        onSubmit={submitValues((values) =>
          form.run({
            slug,
            phone: values.phone ?? "",
            name: values.name,
            email: values.email,
            tags: (values.tags ?? "")
              .split(",")
              .map((tag) => tag.trim())
              .filter(Boolean),
            optedIn: values.optedIn === "on",
          }),
        )}
      >
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <TextField label={t("phone")} name="phone" type="tel" required autoComplete="off" hint={t("phoneHint")} error={form.fieldError("phone")} />
        <TextField label={t("name")} name="name" maxLength={100} error={form.fieldError("name")} />
        <TextField label={t("email")} name="email" type="email" error={form.fieldError("email")} />
        <TextField label={t("tags")} name="tags" hint={t("tagsHint")} error={form.fieldError("tags")} />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="optedIn" className="mt-0.5" />
          <span>{t("optedIn")}</span>
        </label>
        <div className="flex gap-2">
          <Button type="submit" pending={form.pending}>
            {t("create")}
          </Button>
          <Link href={`/w/${slug}/contacts`} className="inline-flex h-10 items-center px-3 text-sm text-zinc-600 hover:underline dark:text-zinc-400">
            {t("cancel")}
          </Link>
        </div>
      </form>
    </Card>
  );
}
