"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { signInAction } from "@/app/actions/auth";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { submitValues, useFormAction, useRedirectTo } from "@/components/forms/use-form-action";

export function LoginForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const t = useTranslations("auth");
  const { run, pending, fieldError, formError } = useFormAction(signInAction, useRedirectTo());
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitValues((v) => run({ email: v.email ?? "", password: v.password ?? "", callbackUrl }))}
    >
      {notice && <Alert tone="success">{notice}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required autoFocus error={fieldError("email")} />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError("password")}
      />
      <div className="flex justify-end text-sm">
        <Link href="/forgot-password" className="text-brand-700 hover:underline dark:text-brand-500">
          {t("forgotPassword")}
        </Link>
      </div>
      <Button type="submit" pending={pending} className="w-full">
        {t("signIn")}
      </Button>
    </form>
  );
}
