import type { ActionError } from "@/lib/actions/client";

/** What a next-safe-action call answers, read with the data's type (undefined: the request never came back). */
export type Outcome<T> = { data?: T; serverError?: ActionError; validationErrors?: { fieldErrors?: Partial<Record<string, string[]>> } } | undefined;

/** Awaits an action call; a network failure reads as undefined (actionErrorText's "network"). */
export async function outcome<T>(call: Promise<unknown>): Promise<Outcome<T>> {
  return (await call.catch(() => undefined)) as Outcome<T>;
}
