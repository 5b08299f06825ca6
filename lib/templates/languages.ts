/**
 * Meta's template languages (code → English name), from Meta's "Supported languages" page for
 * Cloud API message templates. The builder shows names through Intl.DisplayNames in the user's
 * language (`languageLabel`) and falls back to these English names, so no translation keys are
 * needed; the lint refuses any code not listed here.
 */
export const TEMPLATE_LANGUAGES = {
  af: "Afrikaans",
  sq: "Albanian",
  ar: "Arabic",
  ar_EG: "Arabic (EGY)",
  ar_AE: "Arabic (UAE)",
  ar_LB: "Arabic (LBN)",
  ar_MA: "Arabic (MAR)",
  ar_QA: "Arabic (QAT)",
  az: "Azerbaijani",
  be_BY: "Belarusian",
  bn: "Bengali",
  bn_IN: "Bengali (IND)",
  bg: "Bulgarian",
  ca: "Catalan",
  zh_CN: "Chinese (CHN)",
  zh_HK: "Chinese (HKG)",
  zh_TW: "Chinese (TAI)",
  hr: "Croatian",
  cs: "Czech",
  da: "Danish",
  prs_AF: "Dari",
  nl: "Dutch",
  nl_BE: "Dutch (BEL)",
  en: "English",
  en_GB: "English (UK)",
  en_US: "English (US)",
  en_AE: "English (UAE)",
  en_AU: "English (AUS)",
  en_CA: "English (CAN)",
  en_GH: "English (GHA)",
  en_IE: "English (IRL)",
  en_IN: "English (IND)",
  en_JM: "English (JAM)",
  en_MY: "English (MYS)",
  en_NZ: "English (NZL)",
  en_QA: "English (QAT)",
  en_SG: "English (SGP)",
  en_UG: "English (UGA)",
  en_ZA: "English (ZAF)",
  et: "Estonian",
  fil: "Filipino",
  fi: "Finnish",
  fr: "French",
  fr_BE: "French (BEL)",
  fr_CA: "French (CAN)",
  fr_CH: "French (CHE)",
  fr_CI: "French (CIV)",
  fr_MA: "French (MAR)",
  ka: "Georgian",
  de: "German",
  de_AT: "German (AUT)",
  de_CH: "German (CHE)",
  el: "Greek",
  gu: "Gujarati",
  ha: "Hausa",
  he: "Hebrew",
  hi: "Hindi",
  hu: "Hungarian",
  id: "Indonesian",
  ga: "Irish",
  it: "Italian",
  ja: "Japanese",
  kn: "Kannada",
  kk: "Kazakh",
  rw_RW: "Kinyarwanda",
  ko: "Korean",
  ky_KG: "Kyrgyz (Kyrgyzstan)",
  lo: "Lao",
  lv: "Latvian",
  lt: "Lithuanian",
  mk: "Macedonian",
  ms: "Malay",
  ml: "Malayalam",
  mr: "Marathi",
  nb: "Norwegian",
  fa: "Persian",
  pl: "Polish",
  pt_BR: "Portuguese (BR)",
  pt_PT: "Portuguese (POR)",
  pa: "Punjabi",
  ro: "Romanian",
  ru: "Russian",
  sr: "Serbian",
  sk: "Slovak",
  sl: "Slovenian",
  es: "Spanish",
  es_AR: "Spanish (ARG)",
  es_ES: "Spanish (SPA)",
  es_MX: "Spanish (MEX)",
  sw: "Swahili",
  sv: "Swedish",
  ta: "Tamil",
  te: "Telugu",
  th: "Thai",
  tr: "Turkish",
  uk: "Ukrainian",
  ur: "Urdu",
  uz: "Uzbek",
  vi: "Vietnamese",
  zu: "Zulu",
} as const satisfies Record<string, string>;

export type TemplateLanguageCode = keyof typeof TEMPLATE_LANGUAGES;

export const TEMPLATE_LANGUAGE_CODES = Object.keys(TEMPLATE_LANGUAGES) as TemplateLanguageCode[];

export function isTemplateLanguage(code: string): code is TemplateLanguageCode {
  return Object.hasOwn(TEMPLATE_LANGUAGES, code);
}

/** Meta's "pt_BR" as a BCP 47 tag ("pt-BR") for Intl. */
export function languageTag(code: string): string {
  return code.replace(/_/g, "-");
}

/**
 * A language's name in `locale` ("Bahasa Inggris (Amerika Serikat)" for en_US in id), from
 * Intl.DisplayNames; Meta's English name when Intl does not know the code (or the runtime lacks
 * DisplayNames), the code itself when Meta's list does not have it either.
 */
export function languageLabel(code: string, locale: string): string {
  const fallback = isTemplateLanguage(code) ? TEMPLATE_LANGUAGES[code] : code;
  try {
    const name = new Intl.DisplayNames([locale], { type: "language", fallback: "none" }).of(languageTag(code));
    return name && name !== languageTag(code) ? name : fallback;
  } catch {
    return fallback;
  }
}
