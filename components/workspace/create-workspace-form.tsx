"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createWorkspaceAction } from "@/app/actions/workspaces";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { formValues, useFormAction } from "@/components/forms/use-form-action";
import { WorkspaceFields } from "./workspace-fields";

export function CreateWorkspaceForm() {
  const t = useTranslations("onboarding");
  const router = useRouter();
  const { run, pending, fieldError, formError } = useFormAction(createWorkspaceAction, (data) => {
    router.push(data.redirectTo);
  });
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const v = formValues(event.currentTarget);
        run({ name: v.name ?? "", defaultCountry: v.defaultCountry ?? "", timezone: v.timezone ?? "" });
      }}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <WorkspaceFields fieldError={fieldError} />
      <Button type="submit" pending={pending} className="w-full">
        {t("create")}
      </Button>
    </form>
  );
}
