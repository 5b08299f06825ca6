"use client";

import { useTranslations } from "next-intl";
import { createWorkspaceAction } from "@/app/actions/workspaces";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { submitValues, useFormAction, useRedirectTo } from "@/components/forms/use-form-action";
import { WorkspaceFields } from "./workspace-fields";

export function CreateWorkspaceForm() {
  const t = useTranslations("onboarding");
  const { run, pending, fieldError, formError } = useFormAction(createWorkspaceAction, useRedirectTo());
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitValues((v) => run({ name: v.name ?? "", defaultCountry: v.defaultCountry ?? "", timezone: v.timezone ?? "" }))}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <WorkspaceFields fieldError={fieldError} />
      <Button type="submit" pending={pending} className="w-full">
        {t("create")}
      </Button>
    </form>
  );
}
