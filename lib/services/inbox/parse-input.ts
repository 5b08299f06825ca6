import type { z } from "zod";
import { Invalid } from "@/lib/errors";

/**
 * Parses a service's input with its schema: a bad input is an AppError naming the first bad
 * field (a form shows it there), never a ZodError that would reach the user as "unknown error".
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.filter((part) => typeof part === "string" || typeof part === "number").join(".") || undefined;
  throw Invalid("invalidInput", { field });
}
