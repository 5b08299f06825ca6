"use client";

import { useTranslations } from "next-intl";
import { createWorkspaceAction } from "@/app/actions/workspaces";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { submitValues, useFormAction, useRedirectTo } from "@/components/forms/use-form-action";
import type { RegionChoices } from "@/lib/i18n/regions";
import { WorkspaceFields } from "./workspace-fields";

/** `defaults`: the server's country and time zone, replaced by the browser's once it has hydrated. */
export function CreateWorkspaceForm({ choices, defaults }: { choices: RegionChoices; defaults: { defaultCountry: string; timezone: string } }) {
  const t = useTranslations("onboarding");
  const { run, pending, fieldError, formError } = useFormAction(createWorkspaceAction, useRedirectTo());
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitValues((v) => run({ name: v.name ?? "", defaultCountry: v.defaultCountry ?? "", timezone: v.timezone ?? "" }))}
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <WorkspaceFields defaults={defaults} choices={choices} suggestFromBrowser fieldError={fieldError} />
      <Button type="submit" pending={pending} className="w-full">
        {t("create")}
      </Button>
    </form>
  );
}
