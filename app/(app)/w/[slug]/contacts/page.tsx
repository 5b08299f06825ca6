import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { listContacts } from "@/lib/services/contacts/list-contacts";
import { listSegments } from "@/lib/services/contacts/segments";
import { listCustomFields } from "@/lib/services/contacts/custom-field-definitions";
import { workspaceLabels } from "@/lib/services/contacts/workspace-labels";
import { contactFilterSchema, EMPTY_FILTER } from "@/lib/services/contacts/filter/schema";
import { decodeFilterParam } from "@/lib/services/contacts/filter/url";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Icon } from "@/components/shell/nav-icons";
import { ContactsView } from "@/components/contacts/table/contacts-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("contacts") };
}

export default async function ContactsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ f?: string | string[]; segment?: string | string[] }>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const { ctx, workspace } = await requireWorkspace(slug);
  const t = await getTranslations("contacts");
  const [segments, fields, labels] = await Promise.all([listSegments(ctx), listCustomFields(ctx), workspaceLabels(ctx)]);

  // The view the URL names: a segment (?segment=), else a filter (?f=); what does not read is no filter.
  const segment = typeof query.segment === "string" ? (segments.find((s) => s.id === query.segment) ?? null) : null;
  const parsed = contactFilterSchema.safeParse(decodeFilterParam(typeof query.f === "string" ? query.f : null));
  const filter = segment?.filter ?? (parsed.success ? parsed.data : EMPTY_FILTER);
  const page = await listContacts(ctx, { filter });

  const actions = (
    <div className="flex gap-2">
      {can(ctx.role, "contact:write") && (
        <Link
          href={`/w/${slug}/contacts/new`}
          className="inline-flex h-10 items-center rounded-md border border-zinc-300 bg-white px-4 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          {t("newContact")}
        </Link>
      )}
      {can(ctx.role, "contact:import") && (
        <Link href={`/w/${slug}/contacts/import`} className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
          {t("importCsv")}
        </Link>
      )}
    </div>
  );
  const empty = page.total === 0 && filter.conditions.length === 0 && !filter.search && segments.length === 0;

  return (
    <>
      <PageHeader title={t("title")} actions={actions} />
      {empty ? (
        <EmptyState icon={<Icon name="contacts" className="size-10" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <ContactsView
          setup={{
            slug,
            timeZone: workspace.timezone,
            groups: labels.groups,
            tags: labels.tags,
            fields: fields.map((f) => ({ key: f.key, label: f.label, type: f.type, options: f.options })),
            canDelete: can(ctx.role, "contact:delete"),
            canExport: can(ctx.role, "contact:export"),
          }}
          initialFilter={filter}
          initialSegmentId={segment?.id ?? null}
          initialPage={page}
          segments={segments.map((s) => ({ id: s.id, name: s.name, filter: s.filter }))}
        />
      )}
    </>
  );
}
