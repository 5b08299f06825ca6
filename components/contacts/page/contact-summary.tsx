"use client";

/**
 * The read-only side of the contact page: who the contact is, whether they receive marketing
 * messages (since when, why, and who said so), the click-to-WhatsApp ad they first came from,
 * the workspace's contact fields with this contact's values, groups and tags.
 */
import { useFormatter, useTranslations } from "next-intl";
import type { ContactCustomField, ContactDetail } from "@/lib/services/contacts/get-contact";
import { ReferralDetails } from "@/components/inbox/panel/referral-details";
import { Chips, Section } from "./section";

const dt = "text-xs text-zinc-500 dark:text-zinc-400";

function FieldValue({ field }: { field: ContactCustomField }) {
  const t = useTranslations("contactPage");
  const format = useFormatter();
  const { value } = field;
  if (value === null) return <>—</>;
  if (typeof value === "boolean") return <>{value ? t("yes") : t("no")}</>;
  if (typeof value === "number") return <>{format.number(value)}</>;
  if (field.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar date, not an instant: shown as written, whatever the time zone.
    return <time dateTime={value}>{format.dateTime(new Date(`${value}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}</time>;
  }
  return <>{value}</>;
}

export function ContactSummary({ contact }: { contact: ContactDetail }) {
  const t = useTranslations("contactPage");
  const format = useFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(new Date(date), { dateStyle: "medium", timeStyle: "short" }) : null);
  const details: [string, string, string | null][] = [
    ["name", t("name"), contact.name],
    ["profile-name", t("profileName"), contact.profileName],
    ["phone", t("phone"), contact.phone],
    ["email", t("email"), contact.email],
    ["created", t("created"), when(contact.createdAt)],
    ["last-inbound", t("lastInbound"), when(contact.lastInboundAt) ?? t("never")],
  ];
  if (!contact.phone && contact.waId) details.splice(3, 0, ["wa-id", t("waId"), contact.waId]);

  return (
    <div className="space-y-4">
      <Section id="contact-details" title={t("details")}>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          {details.map(([key, label, value]) => (
            <div key={key} data-testid={`contact-${key}`}>
              <dt className={dt}>{label}</dt>
              <dd className="break-words">{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="contact-marketing" title={t("marketing")}>
        <div data-testid="contact-consent" className="space-y-1 text-sm">
          {contact.optedOutAt ? (
            <>
              <p className="font-medium text-amber-800 dark:text-amber-200">{t("optedOutSince", { date: when(contact.optedOutAt)! })}</p>
              {contact.optOutReason && <p className="text-zinc-600 dark:text-zinc-400">{t("reason", { reason: contact.optOutReason })}</p>}
              {contact.optOutSource && <p className="text-zinc-600 dark:text-zinc-400">{t("source", { source: contact.optOutSource })}</p>}
            </>
          ) : (
            <>
              <p>{contact.optedInAt ? t("optedInSince", { date: when(contact.optedInAt)! }) : t("notOptedOut")}</p>
              {contact.optedInAt && contact.optInSource && <p className="text-zinc-600 dark:text-zinc-400">{t("source", { source: contact.optInSource })}</p>}
            </>
          )}
        </div>
      </Section>

      {contact.referral && (
        <Section id="contact-referral-section" title={t("referralSection")}>
          <ReferralDetails
            id="contact-referral"
            heading={t("referralHeading", { type: contact.referral.source_type ?? "other" })}
            referral={contact.referral}
            at={contact.referredAt}
          />
        </Section>
      )}

      <Section id="contact-custom-fields" title={t("customFields")}>
        {contact.customFields.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("noCustomFields")}</p>
        ) : (
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            {contact.customFields.map((field) => (
              <div key={field.key} data-testid={`custom-field-${field.key}`}>
                <dt className={dt}>{field.label}</dt>
                <dd className="break-words">
                  <FieldValue field={field} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Section>

      <Section id="contact-groups" title={t("groups")}>
        <Chips items={contact.groups} empty={t("noGroups")} />
      </Section>
      <Section id="contact-tags" title={t("tags")}>
        <Chips items={contact.tags} empty={t("noTags")} />
      </Section>
    </div>
  );
}
