import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { tenantDb } from "@/lib/db/tenant";
import { ContactImport } from "@/components/contacts/import/contact-import";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contactsImport"))("title") };
}

/** Import contacts from a CSV file: owners and admins (contact:import); others get a 404. */
export default async function ContactImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  if (!can(ctx.role, "contact:import")) notFound();
  const [t, customFields] = await Promise.all([
    getTranslations("contactsImport"),
    tenantDb(ctx).customField.findMany({ where: { workspaceId: ctx.workspaceId }, select: { key: true, label: true }, orderBy: { label: "asc" } }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ContactImport slug={slug} customFields={customFields} />
    </>
  );
}
