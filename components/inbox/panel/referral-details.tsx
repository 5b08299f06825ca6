"use client";

/**
 * "Came from an ad": the click-to-WhatsApp referral the contact (or this conversation) came with —
 * the ad's headline and text, its kind, a link to it when its URL is plain http(s), and the click
 * id (ctwa_clid) to copy into Meta's Conversions API or an ads report.
 */
import { useFormatter, useTranslations } from "next-intl";
import { CopyField } from "@/components/ui/copy-field";
import { externalHttpUrl } from "@/lib/http/external-url";
import type { Referral } from "@/lib/whatsapp/webhook/referral";

export function ReferralDetails({ id, heading, referral, at }: { id: string; heading: string; referral: Referral; at?: Date | null }) {
  const t = useTranslations("contactPanel");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  // Decided here, where it becomes an href, whatever the stored row holds.
  const link = externalHttpUrl(referral.source_url);
  const type = referral.source_type ?? "other";
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h3 id={id} className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {heading}
      </h3>
      <div className="space-y-2 rounded-md border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-950">
        {referral.headline && <p className="font-medium break-words">{referral.headline}</p>}
        {referral.body && <p className="line-clamp-3 break-words text-zinc-600 dark:text-zinc-400">{referral.body}</p>}
        <dl className="space-y-1.5">
          {referral.source_type && (
            <div>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">{t("referralSource")}</dt>
              <dd>
                {t("referralSourceType", { type })}
                {referral.source_id && (
                  <span className="ml-1.5 font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{referral.source_id}</span>
                )}
              </dd>
            </div>
          )}
          {at && (
            <div>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">{t("referralAt")}</dt>
              <dd>{format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" })}</dd>
            </div>
          )}
        </dl>
        {link && (
          <a href={link} target="_blank" rel="noopener noreferrer" className="inline-block text-sky-700 underline dark:text-sky-300">
            {t("referralOpen", { type })}
          </a>
        )}
        {referral.ctwa_clid && (
          <CopyField label={t("referralClickId")} value={referral.ctwa_clid} copyLabel={tCommon("copy")} copiedLabel={tCommon("copied")} />
        )}
      </div>
    </section>
  );
}
