import type { ActionError } from "@/lib/actions/client";

type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/** A server action's outcome → one translated sentence, or null when it succeeded (same rules as components/forms/use-form-action). */
export function actionErrorText(
  t: Translate,
  outcome: { serverError?: ActionError; validationErrors?: { fieldErrors?: Partial<Record<string, string[]>> } } | undefined,
): string | null {
  if (!outcome) return t("errors.network");
  if (outcome.serverError) {
    const { messageKey, params } = outcome.serverError;
    return t.has(`errors.${messageKey}`) ? t(`errors.${messageKey}`, params) : t("errors.unknown");
  }
  if (outcome.validationErrors) {
    const first = Object.values(outcome.validationErrors.fieldErrors ?? {}).find((list) => list && list.length > 0)?.[0];
    return first && t.has(`validation.${first}`) ? t(`validation.${first}`) : t("validation.invalid");
  }
  return null;
}
