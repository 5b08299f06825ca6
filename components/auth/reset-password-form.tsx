"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/app/actions/auth";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { formValues, useFormAction } from "@/components/forms/use-form-action";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const { run, pending, fieldError, formError } = useFormAction(resetPasswordAction, (data) => {
    router.replace(data.redirectTo);
    router.refresh();
  });
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        run({ token, password: formValues(event.currentTarget).password ?? "" });
      }}
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
