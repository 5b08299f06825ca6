"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { deleteCustomFieldAction } from "@/app/actions/contacts/custom-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { CustomFieldForm, type CustomFieldRowView } from "./custom-field-form";

/** Settings → Contact fields: the workspace's custom fields, and the add / edit form for managers. */
export function ContactFieldsManager({ slug, canManage, fields }: { slug: string; canManage: boolean; fields: CustomFieldRowView[] }) {
  const t = useTranslations("contactFieldsSettings");
  const router = useRouter();
  // "new", a field's id, or null: which form is open.
  const [editing, setEditing] = useState<string | null>(null);
  const [removedLabel, setRemovedLabel] = useState<string | null>(null);
  const done = () => {
    setEditing(null);
    router.refresh();
  };
  const remove = useFormAction(deleteCustomFieldAction, () => router.refresh());

  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{canManage ? t("description") : t("readOnly")}</p>
        {canManage && editing === null && (
          <Button type="button" onClick={() => setEditing("new")} data-testid="custom-field-add">
            {t("add")}
          </Button>
        )}
      </div>
      {canManage && editing === "new" && (
        <Card>
          <CustomFieldForm slug={slug} onDone={done} />
        </Card>
      )}
      {remove.formError && <Alert tone="error">{remove.formError}</Alert>}
      {remove.data && removedLabel && <Alert tone="success">{t("deleted", { label: removedLabel, count: remove.data.removedValues })}</Alert>}
      {fields.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm" data-testid="custom-fields-table">
            <thead className="border-b border-zinc-200 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("label")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("key")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("type")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("values")}
                </th>
                {canManage && (
                  <th scope="col" className="px-4 py-2 font-medium">
                    <span className="sr-only">{t("actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {fields.map((field) =>
                editing === field.id ? (
                  <tr key={field.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                    <td colSpan={5} className="px-4 py-4">
                      <CustomFieldForm slug={slug} field={field} onDone={done} />
                    </td>
                  </tr>
                ) : (
                  <tr key={field.id} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800">
                    <td className="px-4 py-3 font-medium">{field.label}</td>
                    <td className="px-4 py-3 font-mono text-zinc-600 dark:text-zinc-400">{field.key}</td>
                    <td className="px-4 py-3">
                      {t(`types.${field.type}`)}
                      {field.type === "select" && <span className="block text-zinc-500 dark:text-zinc-400">{field.options.join(", ")}</span>}
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-zinc-600 dark:text-zinc-400">{t("valueCount", { count: field.valueCount })}</td>
                    {canManage && (
                      <td className="px-4 py-3 text-right whitespace-nowrap">
                        <Button type="button" size="sm" variant="secondary" onClick={() => setEditing(field.id)} aria-label={t("editNamed", { label: field.label })}>
                          {t("edit")}
                        </Button>{" "}
                        <Button
                          type="button"
                          size="sm"
                          variant="secondary"
                          pending={remove.pending}
                          aria-label={t("deleteNamed", { label: field.label })}
                          onClick={() => {
                            if (!window.confirm(t("confirmDelete", { label: field.label, count: field.valueCount }))) return;
                            setRemovedLabel(field.label);
                            remove.run({ slug, id: field.id });
                          }}
                        >
                          {t("delete")}
                        </Button>
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
