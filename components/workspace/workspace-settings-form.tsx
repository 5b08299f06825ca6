"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { updateWorkspaceAction } from "@/app/actions/workspaces";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { submitValues, useFormAction } from "@/components/forms/use-form-action";
import type { RegionChoices } from "@/lib/i18n/regions";
import { WorkspaceFields } from "./workspace-fields";

interface Props {
  workspace: { slug: string; name: string; defaultCountry: string; timezone: string; mediaRetentionDays: number | null };
  canEdit: boolean;
  choices: RegionChoices;
}

export function WorkspaceSettingsForm({ workspace, canEdit, choices }: Props) {
  const t = useTranslations("settings");
  const router = useRouter();
  const { run, pending, fieldError, formError, data } = useFormAction(updateWorkspaceAction, () => router.refresh());
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={submitValues((v) =>
        run({
          slug: workspace.slug,
          name: v.name ?? "",
          defaultCountry: v.defaultCountry ?? "",
          timezone: v.timezone ?? "",
          mediaRetentionDays: v.mediaRetentionDays ?? "",
        }),
      )}
    >
      {!canEdit && <Alert>{t("readOnly")}</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      {data && <Alert tone="success">{t("saved")}</Alert>}
      <WorkspaceFields defaults={workspace} choices={choices} fieldError={fieldError} disabled={!canEdit} />
      <TextField
        label={t("mediaRetention")}
        name="mediaRetentionDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={3650}
        step={1}
        defaultValue={workspace.mediaRetentionDays ?? ""}
        disabled={!canEdit}
        hint={t("mediaRetentionHint")}
        error={fieldError("mediaRetentionDays")}
      />
      {canEdit && (
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      )}
    </form>
  );
}
