"use client";

import { useTranslations } from "next-intl";
import { acceptInvitationAction } from "@/app/actions/members";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useFormAction, useRedirectTo } from "@/components/forms/use-form-action";

export function AcceptInvitationButton({ token }: { token: string }) {
  const t = useTranslations("invite");
  const { run, pending, formError } = useFormAction(acceptInvitationAction, useRedirectTo());
  return (
    <div className="space-y-3">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Button className="w-full" pending={pending} onClick={() => run({ token })}>
        {t("accept")}
      </Button>
    </div>
  );
}
