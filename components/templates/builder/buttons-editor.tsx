"use client";

import { useTranslations } from "next-intl";
import type { TemplateButton, TemplateButtonType } from "@/lib/templates/draft";
import { Button } from "@/components/ui/button";
import { DraftInput } from "./controls";
import { Problems } from "./problems";

function fresh(type: TemplateButtonType): TemplateButton {
  switch (type) {
    case "QUICK_REPLY":
      return { type, text: "" };
    case "URL":
      return { type, text: "", url: "https://", example: "" };
    case "PHONE_NUMBER":
      return { type, text: "", phoneNumber: "+" };
    case "COPY_CODE":
      return { type, example: "" };
    case "OTP":
      return { type, otpType: "COPY_CODE", text: "", autofillText: "", packageName: "", signatureHash: "" };
  }
}

/**
 * A template's buttons (or a carousel card's): add by kind, edit each kind's fields, reorder,
 * remove. Meta's counts and grouping are the lint's to judge, shown at `path`.
 */
export function ButtonsEditor({ path, buttons, kinds, onChange }: { path: string; buttons: TemplateButton[]; kinds: readonly TemplateButtonType[]; onChange: (buttons: TemplateButton[]) => void }) {
  const t = useTranslations("templateBuilder");
  const set = (index: number, button: TemplateButton) => onChange(buttons.map((b, i) => (i === index ? button : b)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...buttons];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };

  return (
    <div className="space-y-3">
      <Problems at={path} />
      <ol className="space-y-3">
        {buttons.map((button, index) => {
          const at = `${path}.${index}`;
          return (
            <li key={index} className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-button={button.type}>
              <div className="flex items-center justify-between gap-2">
                <span className="text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-300">{t(`buttonType.${button.type}`)}</span>
                <span className="flex gap-1">
                  <Button type="button" size="sm" variant="ghost" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t("moveUp")}>
                    ↑
                  </Button>
                  <Button type="button" size="sm" variant="ghost" disabled={index === buttons.length - 1} onClick={() => move(index, 1)} aria-label={t("moveDown")}>
                    ↓
                  </Button>
                  <Button type="button" size="sm" variant="ghost" onClick={() => onChange(buttons.filter((_, i) => i !== index))}>
                    {t("remove")}
                  </Button>
                </span>
              </div>
              <Problems at={at} />
              {button.type !== "COPY_CODE" && button.type !== "OTP" && (
                <DraftInput label={t("buttonText")} path={`${at}.text`} value={button.text} counter={{ value: button.text.length, max: 25 }} onChange={(e) => set(index, { ...button, text: e.target.value })} />
              )}
              {button.type === "URL" && (
                <>
                  <DraftInput label={t("buttonUrl")} path={`${at}.url`} value={button.url} hint={t("buttonUrlHint")} inputMode="url" onChange={(e) => set(index, { ...button, url: e.target.value })} />
                  {/\{\{[^}]*\}\}/.test(button.url) && (
                    <DraftInput label={t("buttonUrlExample")} path={`${at}.example`} value={button.example} inputMode="url" onChange={(e) => set(index, { ...button, example: e.target.value })} />
                  )}
                </>
              )}
              {button.type === "PHONE_NUMBER" && (
                <DraftInput label={t("buttonPhone")} path={`${at}.phoneNumber`} value={button.phoneNumber} inputMode="tel" hint={t("buttonPhoneHint")} onChange={(e) => set(index, { ...button, phoneNumber: e.target.value })} />
              )}
              {button.type === "COPY_CODE" && (
                <DraftInput label={t("couponExample")} path={`${at}.example`} value={button.example} counter={{ value: button.example.length, max: 15 }} onChange={(e) => set(index, { ...button, example: e.target.value })} />
              )}
              {button.type === "OTP" && <OtpFields at={at} button={button} onChange={(next) => set(index, next)} />}
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        {kinds.map((kind) => (
          <Button key={kind} type="button" size="sm" variant="secondary" onClick={() => onChange([...buttons, fresh(kind)])}>
            {t(`addButton.${kind}`)}
          </Button>
        ))}
      </div>
    </div>
  );
}

function OtpFields({ at, button, onChange }: { at: string; button: Extract<TemplateButton, { type: "OTP" }>; onChange: (button: TemplateButton) => void }) {
  const t = useTranslations("templateBuilder");
  return (
    <div className="space-y-2">
      <div role="radiogroup" aria-label={t("otpType")} className="flex gap-3 text-sm">
        {(["COPY_CODE", "ONE_TAP"] as const).map((otpType) => (
          <label key={otpType} className="inline-flex items-center gap-1.5">
            <input type="radio" name={`${at}-otp`} checked={button.otpType === otpType} onChange={() => onChange({ ...button, otpType })} />
            {t(`otp.${otpType}`)}
          </label>
        ))}
      </div>
      <DraftInput label={t("otpText")} path={`${at}.text`} value={button.text} placeholder={t("otpTextPlaceholder")} counter={{ value: button.text.length, max: 25 }} onChange={(e) => onChange({ ...button, text: e.target.value })} />
      {button.otpType === "ONE_TAP" && (
        <>
          <DraftInput label={t("otpAutofill")} path={`${at}.autofillText`} value={button.autofillText} counter={{ value: button.autofillText.length, max: 25 }} onChange={(e) => onChange({ ...button, autofillText: e.target.value })} />
          <DraftInput label={t("otpPackage")} path={`${at}.packageName`} value={button.packageName} placeholder="com.example.app" onChange={(e) => onChange({ ...button, packageName: e.target.value })} />
          <DraftInput label={t("otpSignature")} path={`${at}.signatureHash`} value={button.signatureHash} onChange={(e) => onChange({ ...button, signatureHash: e.target.value })} />
        </>
      )}
    </div>
  );
}
