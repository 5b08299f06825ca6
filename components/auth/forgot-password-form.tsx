"use client";

import { useTranslations } from "next-intl";
import { requestPasswordResetAction } from "@/app/actions/auth";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { submitValues, useFormAction } from "@/components/forms/use-form-action";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const { run, pending, fieldError, formError, data } = useFormAction(requestPasswordResetAction);
  if (data?.sent) return <Alert tone="success">{t("resetSent")}</Alert>;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitValues((v) => run({ email: v.email ?? "" }))}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required autoFocus error={fieldError("email")} />
      <Button type="submit" pending={pending} className="w-full">
        {t("sendResetLink")}
      </Button>
    </form>
  );
}
