import type { ActionError } from "@/lib/actions/client";

type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

export interface ActionOutcome {
  serverError?: ActionError;
  validationErrors?: { formErrors?: string[]; fieldErrors?: Partial<Record<string, string[]>> };
}

/**
 * A server action's outcome → one translated sentence, or null on success. Zod messages of the
 * inbox schemas are keys under `errors.` (the services reuse them) or `validation.`.
 */
export function outcomeText(t: Translate, outcome: ActionOutcome | undefined): string | null {
  if (!outcome) return t("errors.network");
  if (outcome.serverError) {
    const { messageKey, params } = outcome.serverError;
    return t.has(`errors.${messageKey}`) ? t(`errors.${messageKey}`, params) : t("errors.unknown");
  }
  if (outcome.validationErrors) {
    const key = Object.values(outcome.validationErrors.fieldErrors ?? {}).find((list) => list && list.length > 0)?.[0];
    if (key && t.has(`errors.${key}`)) return t(`errors.${key}`);
    return key && t.has(`validation.${key}`) ? t(`validation.${key}`) : t("validation.invalid");
  }
  return null;
}
