"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { updateWorkspaceAction } from "@/app/actions/workspaces";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { submitValues, useFormAction } from "@/components/forms/use-form-action";
import { WorkspaceFields } from "./workspace-fields";

interface Props {
  workspace: { slug: string; name: string; defaultCountry: string; timezone: string };
  canEdit: boolean;
}

export function WorkspaceSettingsForm({ workspace, canEdit }: Props) {
  const t = useTranslations("settings");
  const router = useRouter();
  const { run, pending, fieldError, formError, data } = useFormAction(updateWorkspaceAction, () => router.refresh());
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitValues((v) => run({ slug: workspace.slug, name: v.name ?? "", defaultCountry: v.defaultCountry ?? "", timezone: v.timezone ?? "" }))}
    >
      {!canEdit && <Alert>{t("readOnly")}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      {data && <Alert tone="success">{t("saved")}</Alert>}
      <WorkspaceFields defaults={workspace} fieldError={fieldError} disabled={!canEdit} />
      {canEdit && (
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      )}
    </form>
  );
}
