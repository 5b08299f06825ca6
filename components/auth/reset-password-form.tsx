"use client";

import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/app/actions/auth";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { submitValues, useFormAction, useRedirectTo } from "@/components/forms/use-form-action";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const { run, pending, fieldError, formError } = useFormAction(resetPasswordAction, useRedirectTo());
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitValues((v) => run({ token, password: v.password ?? "" }))}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField
        label={t("newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        autoFocus
        hint={t("passwordHint")}
        error={fieldError("password")}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("setPassword")}
      </Button>
    </form>
  );
}
