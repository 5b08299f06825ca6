/**
 * The server's lint before anything goes to Meta: the same `lintTemplate` the builder runs as one
 * types. Any error-level problem stops the call with a TemplateLintError, an AppError ("invalid",
 * errors.templateInvalid) that also carries every problem, so the actions can hand them to the UI
 * to show under each field (warnings never block).
 */
import { AppError } from "@/lib/errors";
import type { TemplateDraft } from "@/lib/templates/draft";
import { hasLintErrors, lintTemplate, type LintContext, type LintProblem } from "@/lib/templates/lint";

export class TemplateLintError extends AppError {
  readonly problems: LintProblem[];

  constructor(problems: LintProblem[]) {
    const errors = problems.filter((problem) => problem.severity === "error");
    super("invalid", "templateInvalid", { params: { count: errors.length }, field: errors[0]?.path });
    this.problems = problems;
  }
}

export function isTemplateLintError(error: unknown): error is TemplateLintError {
  return error instanceof TemplateLintError;
}

/** The draft's warnings when it may go to Meta; throws TemplateLintError when it may not. */
export function assertLintClean(draft: TemplateDraft, context: LintContext): LintProblem[] {
  const problems = lintTemplate(draft, context);
  if (hasLintErrors(problems)) throw new TemplateLintError(problems);
  return problems;
}
