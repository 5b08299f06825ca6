"use client";

import { useTranslations } from "next-intl";
import { signUpAction } from "@/app/actions/auth";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { submitValues, useFormAction, useRedirectTo } from "@/components/forms/use-form-action";

export function SignupForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  const t = useTranslations("auth");
  const { run, pending, fieldError, formError } = useFormAction(signUpAction, useRedirectTo());
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitValues((v) => run({ name: v.name ?? "", email: v.email ?? "", password: v.password ?? "", callbackUrl }))}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField label={t("name")} name="name" autoComplete="name" required autoFocus error={fieldError("name")} />
      <TextField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={email}
        error={fieldError("email")}
      />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        error={fieldError("password")}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("createAccount")}
      </Button>
    </form>
  );
}
