import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { can } from "@/lib/auth/permissions";
import { getConsentSettings } from "@/lib/services/contacts/consent-settings";
import { optOutConfirmationText } from "@/lib/services/contacts/consent-reply";
import { ConsentKeywordsForm } from "@/components/settings/consent/consent-keywords-form";
import { KEYWORD_SLOT } from "@/components/settings/consent/keyword-slot";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("consent") };
}

export default async function ConsentSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  const settings = await getConsentSettings(ctx);
  return (
    <ConsentKeywordsForm
      slug={slug}
      canManage={can(ctx.role, "consent:manage")}
      optOutKeywords={settings.optOutKeywords}
      optInKeywords={settings.optInKeywords}
      confirmationLanguage={settings.confirmationLanguage}
      // The confirmation as consent-reply.ts writes it, with a slot for the first opt-in keyword:
      // the preview follows the lists while they are edited.
      confirmationTemplate={optOutConfirmationText({ defaultCountry: settings.defaultCountry, optInKeywords: [KEYWORD_SLOT] })}
    />
  );
}
