import { TEMPLATE_LANGUAGE_CODES, languageLabel } from "./languages";

/**
 * Every template language's name in `locale`, computed where the page renders (the server) and
 * handed to client components: Node's and the browser's ICU name languages differently, and a
 * name computed on both sides would not hydrate. Codes outside Meta's list are added as given.
 */
export function languageLabels(locale: string, extra: readonly string[] = []): Record<string, string> {
  const codes = new Set<string>([...TEMPLATE_LANGUAGE_CODES, ...extra]);
  return Object.fromEntries([...codes].map((code) => [code, languageLabel(code, locale)]));
}
