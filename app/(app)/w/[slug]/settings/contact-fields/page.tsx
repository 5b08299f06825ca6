import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { can } from "@/lib/auth/permissions";
import { listCustomFields } from "@/lib/services/contacts/custom-field-definitions";
import { ContactFieldsManager } from "@/components/settings/contact-fields/contact-fields-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("contactFields") };
}

export default async function ContactFieldsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  const fields = await listCustomFields(ctx);
  return (
    <ContactFieldsManager
      slug={slug}
      canManage={can(ctx.role, "contact:fields")}
      fields={fields.map((f) => ({ id: f.id, key: f.key, label: f.label, type: f.type, options: f.options, valueCount: f.valueCount }))}
    />
  );
}
