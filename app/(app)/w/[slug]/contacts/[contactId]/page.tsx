/**
 * A contact's own page (/w/[slug]/contacts/[contactId]): details, consent, the ad they came from,
 * contact fields, groups, tags and conversations; edited by any member, deleted by owners and
 * admins. An unknown id and another workspace's contact are both a 404.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireWorkspace } from "@/lib/auth/workspace";
import { isAppError } from "@/lib/errors";
import { getContact } from "@/lib/services/contacts/get-contact";
import { ContactView } from "@/components/contacts/page/contact-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contactPage"))("title") };
}

export default async function ContactPage({ params }: { params: Promise<{ slug: string; contactId: string }> }) {
  const { slug, contactId } = await params;
  const { ctx } = await requireWorkspace(slug);
  const contact = await getContact(ctx, contactId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return <ContactView key={contact.id} slug={slug} initial={contact} canDelete={can(ctx.role, "contact:delete")} />;
}
