import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { PageHeader } from "@/components/shell/page-header";
import { NewContactForm } from "@/components/contacts/new-contact-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("newContact"))("title") };
}

export default async function NewContactPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireWorkspace(slug);
  const [t, locale] = await Promise.all([getTranslations("newContact"), getLocale()]);
  const country = new Intl.DisplayNames([locale], { type: "region" }).of(workspace.defaultCountry) ?? workspace.defaultCountry;
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { country })} />
      <NewContactForm slug={slug} />
    </>
  );
}
