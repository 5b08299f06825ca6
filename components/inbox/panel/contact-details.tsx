"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ContactPanel } from "@/lib/services/contacts/contact-panel";
import { sameReferral, type Referral } from "@/lib/whatsapp/webhook/referral";
import { ReferralDetails } from "./referral-details";

function Chips({ items, empty }: { items: { id: string; name: string }[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map((item) => (
        <li key={item.id} className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
          {item.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * The read-only side of the panel. `conversationReferral`: the ad the open conversation came from,
 * shown only when it is not the contact's first one (shown above it already).
 */
export function ContactDetails({
  contact,
  conversationReferral = null,
}: {
  contact: ContactPanel;
  conversationReferral?: Referral | null;
}) {
  const t = useTranslations("contactPanel");
  const format = useFormatter();
  const fields: [string, string | null][] = [
    [t("phone"), contact.phone ?? (contact.waId ? `+${contact.waId}` : null)],
    [t("profileName"), contact.profileName],
    [t("email"), contact.email],
  ];
  return (
    <div className="space-y-5">
      <dl className="space-y-2 text-sm">
        {fields.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
            <dd className="break-words">{value ?? "—"}</dd>
          </div>
        ))}
        {contact.fieldValues.map((field) => (
          <div key={field.key}>
            <dt className="text-xs text-zinc-500 dark:text-zinc-400">{field.label}</dt>
            <dd className="break-words">{typeof field.value === "boolean" ? (field.value ? t("yes") : t("no")) : typeof field.value === "number" ? format.number(field.value) : field.value}</dd>
          </div>
        ))}
      </dl>
      {contact.referral && (
        <ReferralDetails
          id="contact-referral"
          heading={t("referralHeading", { type: contact.referral.source_type ?? "other" })}
          referral={contact.referral}
          at={contact.referredAt}
        />
      )}
      {conversationReferral && !sameReferral(contact.referral, conversationReferral) && (
        <ReferralDetails
          id="conversation-referral"
          heading={t("conversationReferralHeading", { type: conversationReferral.source_type ?? "other" })}
          referral={conversationReferral}
        />
      )}
      <section aria-labelledby="contact-groups">
        <h3 id="contact-groups" className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {t("groups")}
        </h3>
        <Chips items={contact.groups} empty={t("noGroups")} />
      </section>
      <section aria-labelledby="contact-tags">
        <h3 id="contact-tags" className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {t("tags")}
        </h3>
        <Chips items={contact.tags} empty={t("noTags")} />
      </section>
      <section aria-labelledby="contact-optout">
        <h3 id="contact-optout" className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {t("marketing")}
        </h3>
        {contact.optedOutAt ? (
          <p className="text-sm text-amber-800 dark:text-amber-200">
            {t("optedOutSince", { date: format.dateTime(new Date(contact.optedOutAt), { dateStyle: "medium" }) })}
            {contact.optOutReason && <span className="block text-zinc-600 dark:text-zinc-400">{t("reason", { reason: contact.optOutReason })}</span>}
          </p>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("optedIn")}</p>
        )}
      </section>
    </div>
  );
}
