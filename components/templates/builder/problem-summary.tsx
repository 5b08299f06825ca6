"use client";

import { useTranslations } from "next-intl";
import type { LintProblem } from "@/lib/templates/lint";

/** The field a problem's path belongs to: the longest prefix that names an element on the page. */
function fieldOf(path: string): HTMLElement | null {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const element = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(parts.slice(0, n).join("."))}"], [data-problems="${CSS.escape(parts.slice(0, n).join("."))}"]`);
    if (element) return element;
  }
  return null;
}

/** Every problem in one list before submitting; each one takes the user to its field. */
export function ProblemSummary({ problems }: { problems: LintProblem[] }) {
  const t = useTranslations("templateLint");
  if (problems.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" data-testid="template-problems">
      {problems.map((problem, i) => (
        <li key={`${problem.path}-${problem.code}-${i}`}>
          <button
            type="button"
            className={problem.severity === "error" ? "text-left text-red-700 underline-offset-2 hover:underline dark:text-red-300" : "text-left text-amber-700 underline-offset-2 hover:underline dark:text-amber-300"}
            onClick={() => {
              const field = fieldOf(problem.path);
              field?.scrollIntoView({ block: "center", behavior: "smooth" });
              if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) field.focus();
            }}
          >
            {t.has(problem.code) ? t(problem.code, problem.params) : problem.code}
          </button>
        </li>
      ))}
    </ul>
  );
}
