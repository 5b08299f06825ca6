"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { Problems, useInvalid } from "./problems";

const control =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-xs placeholder:text-zinc-400 dark:bg-zinc-900 " +
  "border-zinc-300 dark:border-zinc-700 aria-[invalid=true]:border-red-500";

/**
 * Label, control, hint and problems of one draft path. Only the label's own text names the
 * control; the hint and the problems describe it (aria-describedby), so a screen reader hears
 * "Name, edit text" and then what is wrong.
 */
function Shell({ id, label, path, hint, counter, children }: { id: string; label: string; path: string; hint?: ReactNode; counter?: { value: number; max: number }; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {counter && <Counter {...counter} />}
      </div>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
      <Problems at={path} id={`${id}-problems`} />
    </div>
  );
}

export function DraftInput({ label, path, hint, counter, id: given, ...props }: { label: string; path: string; hint?: ReactNode; counter?: { value: number; max: number } } & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const id = given ?? generated;
  const invalid = useInvalid(path);
  return (
    <Shell id={id} label={label} path={path} hint={hint} counter={counter}>
      <input id={id} aria-invalid={invalid || undefined} aria-describedby={`${hint ? `${id}-hint ` : ""}${id}-problems`} data-path={path} className={control} {...props} />
    </Shell>
  );
}

export function DraftTextarea({ label, path, counter, id: given, ...props }: { label: string; path: string; counter?: { value: number; max: number } } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const generated = useId();
  const id = given ?? generated;
  const invalid = useInvalid(path);
  return (
    <Shell id={id} label={label} path={path} counter={counter}>
      <textarea id={id} aria-invalid={invalid || undefined} aria-describedby={`${id}-problems`} data-path={path} className={cn(control, "min-h-28 font-[inherit]")} {...props} />
    </Shell>
  );
}

/** "42 / 60", red past the limit. */
export function Counter({ value, max }: { value: number; max: number }) {
  return <span className={cn("text-xs tabular-nums", value > max ? "text-red-600 dark:text-red-400" : "text-zinc-400")}>{`${value} / ${max}`}</span>;
}

export function Section({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <header>
        <h2 className="text-sm font-semibold">{title}</h2>
        {description && <p className="text-xs text-zinc-500 dark:text-zinc-400">{description}</p>}
      </header>
      {children}
    </section>
  );
}
