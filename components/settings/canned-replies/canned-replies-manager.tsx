"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { deleteCannedReplyAction } from "@/app/actions/canned-replies";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useFormAction } from "@/components/forms/use-form-action";
import { CannedReplyForm, type CannedReplyRow } from "./canned-reply-form";

/** Settings → Canned replies: the table, and the add / edit form for managers. */
export function CannedRepliesManager({ slug, canManage, replies }: { slug: string; canManage: boolean; replies: CannedReplyRow[] }) {
  const t = useTranslations("cannedReplies");
  const router = useRouter();
  // "new", a reply's id, or null: which form is open.
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => {
    setEditing(null);
    router.refresh();
  };
  const remove = useFormAction(deleteCannedReplyAction, () => router.refresh());

  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{canManage ? t("description") : t("readOnly")}</p>
        {canManage && editing === null && (
          <Button type="button" onClick={() => setEditing("new")} data-testid="canned-reply-add">
            {t("add")}
          </Button>
        )}
      </div>
      {canManage && editing === "new" && (
        <Card>
          <CannedReplyForm slug={slug} onDone={done} />
        </Card>
      )}
      {remove.formError && <Alert tone="error">{remove.formError}</Alert>}
      {replies.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("shortcut")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("title")}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("body")}
                </th>
                {canManage && (
                  <th scope="col" className="px-4 py-2 font-medium">
                    <span className="sr-only">{t("actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {replies.map((reply) =>
                editing === reply.id ? (
                  <tr key={reply.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                    <td colSpan={4} className="px-4 py-4">
                      <CannedReplyForm slug={slug} reply={reply} onDone={done} />
                    </td>
                  </tr>
                ) : (
                  <tr key={reply.id} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800">
                    <td className="px-4 py-3 font-mono">/{reply.shortcut}</td>
                    <td className="px-4 py-3 font-medium">{reply.title}</td>
                    <td className="max-w-md px-4 py-3 whitespace-pre-line text-zinc-600 dark:text-zinc-400">{reply.body}</td>
                    {canManage && (
                      <td className="px-4 py-3 text-right whitespace-nowrap">
                        <Button type="button" size="sm" variant="secondary" onClick={() => setEditing(reply.id)}>
                          {t("edit")}
                        </Button>{" "}
                        <Button
                          type="button"
                          size="sm"
                          variant="secondary"
                          pending={remove.pending}
                          onClick={() => {
                            if (window.confirm(t("confirmDelete", { shortcut: reply.shortcut }))) remove.run({ slug, id: reply.id });
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
