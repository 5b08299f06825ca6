"use client";

/**
 * "Merge a duplicate": find the other contact by name, phone or email, confirm, and its
 * conversations, history, labels and missing details join this contact; the duplicate is removed.
 */
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { listContactsAction } from "@/app/actions/contacts/table";
import { mergeContactsAction } from "@/app/actions/contacts/merge";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

interface Candidate {
  id: string;
  name: string | null;
  profileName: string | null;
  phone: string | null;
  email: string | null;
}

export function MergeContact({ slug, contactId, name }: { slug: string; contactId: string; name: string }) {
  const t = useTranslations("contactPage.merge");
  const root = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const [found, setFound] = useState<Candidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, start] = useTransition();

  useEffect(() => {
    const query = search.trim();
    if (!open || query.length < 2) return;
    let current = true;
    const timer = setTimeout(async () => {
      const outcome = await listContactsAction({ slug, filter: { search: query, match: "all", conditions: [] }, sort: { by: "name", dir: "asc" } }).catch(() => undefined);
      if (current) setFound((outcome?.data?.contacts ?? []).filter((c) => c.id !== contactId).slice(0, 8));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, search, slug, contactId]);

  const merge = (other: Candidate) => {
    const label = other.name ?? other.profileName ?? other.phone ?? other.email ?? "";
    if (!window.confirm(t("confirm", { other: label, name }))) return;
    start(async () => {
      setError(null);
      const outcome = await mergeContactsAction({ slug, keepId: contactId, mergeId: other.id }).catch(() => undefined);
      const problem = actionErrorText(root, outcome);
      if (problem || !outcome?.data) return setError(problem ?? root("errors.unknown"));
      setNotice(t("done", { conversations: outcome.data.movedConversations, messages: outcome.data.movedMessages }));
      setOpen(false);
      setSearch("");
      setFound([]);
      router.refresh();
    });
  };

  if (!open) {
    return (
      <div className="space-y-2">
        <Button type="button" variant="secondary" size="sm" onClick={() => setOpen(true)}>
          {t("open")}
        </Button>
        {notice && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {notice}
          </p>
        )}
      </div>
    );
  }
  return (
    <Card className="space-y-3 p-4" data-testid="merge-contact">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("hint", { name })}</p>
      <input
        type="search"
        autoFocus
        aria-label={t("search")}
        placeholder={t("search")}
        className="h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {search.trim().length >= 2 && (
        <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {found.length === 0 && <li className="px-3 py-2 text-sm text-zinc-500">{t("none")}</li>}
          {found.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
              <span>
                <span className="font-medium">{c.name ?? c.profileName ?? "—"}</span> <span className="font-mono text-xs text-zinc-500">{c.phone ?? c.email ?? ""}</span>
              </span>
              <Button type="button" size="sm" pending={pending} onClick={() => merge(c)}>
                {t("merge")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
        {t("cancel")}
      </Button>
    </Card>
  );
}
