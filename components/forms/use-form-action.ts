"use client";

import { useCallback, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionError } from "@/lib/actions/client";

interface ActionResult<D> {
  data?: D;
  serverError?: ActionError;
  validationErrors?: { formErrors?: string[]; fieldErrors?: Partial<Record<string, string[]>> };
}

/**
 * Runs a server action from a form and turns its outcome into translated messages: zod messages
 * are `validation.*` keys, domain errors `errors.*` keys (lib/errors.ts).
 */
export function useFormAction<I, D>(action: (input: I) => Promise<ActionResult<D> | undefined>, onSuccess?: (data: D) => void) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<D> | undefined>();

  const run = useCallback(
    (input: I) =>
      startTransition(async () => {
        let outcome: ActionResult<D> | undefined;
        try {
          outcome = await action(input);
        } catch {
          outcome = { serverError: { code: "internal", messageKey: "network", params: {} } };
        }
        setResult(outcome);
        if (outcome && !outcome.serverError && !outcome.validationErrors) onSuccess?.(outcome.data as D);
      }),
    [action, onSuccess],
  );

  const serverError = result?.serverError;
  const fieldError = (name: string): string | undefined => {
    const key = result?.validationErrors?.fieldErrors?.[name]?.[0];
    if (key) return t.has(`validation.${key}`) ? t(`validation.${key}`) : t("validation.invalid");
    if (serverError?.field === name) return t(`errors.${serverError.messageKey}`, serverError.params);
    return undefined;
  };
  const formError =
    serverError && !serverError.field
      ? t.has(`errors.${serverError.messageKey}`)
        ? t(`errors.${serverError.messageKey}`, serverError.params)
        : t("errors.unknown")
      : result?.validationErrors?.formErrors?.[0]
        ? t("validation.invalid")
        : undefined;

  return { run, pending, fieldError, formError, data: result?.data, reset: () => setResult(undefined) };
}

/** FormData → plain object of strings, for actions whose schemas parse strings. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
}

/** An onSubmit handler that stops the browser's submit and hands the form's values to `handle`. */
export function submitValues(handle: (values: Record<string, string>) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    handle(formValues(event.currentTarget));
  };
}

/** The success handler of actions that answer `{ redirectTo }`: go there with fresh server data. */
export function useRedirectTo() {
  const router = useRouter();
  return useCallback(
    (data: { redirectTo: string }) => {
      router.replace(data.redirectTo);
      router.refresh();
    },
    [router],
  );
}
