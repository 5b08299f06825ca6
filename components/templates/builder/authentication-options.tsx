"use client";

import { useTranslations } from "next-intl";
import type { TemplateDraft } from "@/lib/templates/draft";
import { DraftInput } from "./controls";

/** Authentication templates: Meta writes the body; Parley sets its security line and the code's expiry. */
export function AuthenticationOptions({ options, onChange }: { options: TemplateDraft["authentication"]; onChange: (options: TemplateDraft["authentication"]) => void }) {
  const t = useTranslations("templateBuilder");
  return (
    <div className="space-y-3">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("authBodyHint")}</p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={options.addSecurityRecommendation} onChange={(e) => onChange({ ...options, addSecurityRecommendation: e.target.checked })} />
        {t("securityRecommendation")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={options.codeExpirationMinutes !== null}
          onChange={(e) => onChange({ ...options, codeExpirationMinutes: e.target.checked ? 10 : null })}
        />
        {t("codeExpires")}
      </label>
      {options.codeExpirationMinutes !== null && (
        <DraftInput
          label={t("codeExpiryMinutes")}
          path="authentication.codeExpirationMinutes"
          type="number"
          min={1}
          max={90}
          value={options.codeExpirationMinutes}
          onChange={(e) => onChange({ ...options, codeExpirationMinutes: Number.parseInt(e.target.value, 10) || 0 })}
        />
      )}
    </div>
  );
}
