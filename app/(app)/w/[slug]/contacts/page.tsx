import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { listContacts } from "@/lib/services/contacts/list-contacts";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Icon } from "@/components/shell/nav-icons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("contacts") };
}

export default async function ContactsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ after?: string }>;
}) {
  const { slug } = await params;
  const { after } = await searchParams;
  const { ctx, workspace } = await requireWorkspace(slug);
  const [t, format] = await Promise.all([getTranslations("contacts"), getFormatter()]);
  const { contacts, nextCursor, total } = await listContacts(ctx, { after: typeof after === "string" ? after : undefined });
  const importLink = can(ctx.role, "contact:import") ? (
    <Link href={`/w/${slug}/contacts/import`} className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
      {t("importCsv")}
    </Link>
  ) : undefined;

  if (total === 0) {
    return (
      <>
        <PageHeader title={t("title")} actions={importLink} />
        <EmptyState icon={<Icon name="contacts" className="size-10" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("count", { count: total })} actions={importLink} />
      <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">
                {t("name")}
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                {t("phone")}
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                {t("status")}
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                {t("added")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {contacts.map((c) => (
              <tr key={c.id}>
                <td className="px-4 py-2.5 font-medium">{c.name ?? c.profileName ?? "—"}</td>
                <td className="px-4 py-2.5 font-mono text-xs">{c.phone ?? "—"}</td>
                <td className="px-4 py-2.5">
                  {c.optedOutAt ? (
                    <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-800 dark:bg-amber-900/40 dark:text-amber-200">
                      {t("optedOut")}
                    </span>
                  ) : (
                    <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200">
                      {t("subscribed")}
                    </span>
                  )}
                </td>
                <td className="px-4 py-2.5 text-zinc-600 dark:text-zinc-400">
                  {format.dateTime(c.createdAt, { dateStyle: "medium", timeZone: workspace.timezone })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex gap-3">
        {after && (
          <Link href={`/w/${slug}/contacts`} className="text-sm text-brand-700 hover:underline dark:text-brand-500">
            {t("first")}
          </Link>
        )}
        {nextCursor && (
          <Link href={`/w/${slug}/contacts?after=${nextCursor}`} className="text-sm text-brand-700 hover:underline dark:text-brand-500">
            {t("next")}
          </Link>
        )}
      </div>
    </>
  );
}
