/** zod at the client's edges: inputs refused before sending, answers checked before trusting. */
import type { z } from "zod";
import { WhatsAppRequestError, type RequestIssue } from "./errors";

export function toIssues(error: z.ZodError): RequestIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** Parses `input` with `schema`, or throws a WhatsAppRequestError: nothing is sent. */
export function validateRequest<S extends z.ZodType>(operation: string, schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new WhatsAppRequestError(operation, toIssues(parsed.error));
  return parsed.data;
}
