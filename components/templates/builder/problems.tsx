"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { LintProblem } from "@/lib/templates/lint";
import { cn } from "@/components/ui/cn";

const ProblemsContext = createContext<LintProblem[]>([]);

export function ProblemsProvider({ problems, children }: { problems: LintProblem[]; children: ReactNode }) {
  return <ProblemsContext.Provider value={problems}>{children}</ProblemsContext.Provider>;
}

/** The problems found at one field of the draft ("body.text", "buttons.1.url"). */
export function useProblemsAt(path: string): LintProblem[] {
  return useContext(ProblemsContext).filter((problem) => problem.path === path);
}

/** True when a field has an error (for aria-invalid and the red border). */
export function useInvalid(path: string): boolean {
  return useProblemsAt(path).some((problem) => problem.severity === "error");
}

/** Each problem of a field, in the user's language, right under it; errors red, warnings amber. */
export function Problems({ at, className, id }: { at: string; className?: string; id?: string }) {
  const t = useTranslations("templateLint");
  const problems = useProblemsAt(at);
  if (problems.length === 0) return null;
  return (
    <ul id={id} className={cn("space-y-0.5 text-sm", className)} data-problems={at}>
      {problems.map((problem, i) => (
        <li
          key={`${problem.code}-${i}`}
          role={problem.severity === "error" ? "alert" : undefined}
          className={problem.severity === "error" ? "text-red-600 dark:text-red-400" : "text-amber-700 dark:text-amber-300"}
        >
          {t.has(problem.code) ? t(problem.code, problem.params) : problem.code}
        </li>
      ))}
    </ul>
  );
}
