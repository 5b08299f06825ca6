"use client";

import type { InputHTMLAttributes, ReactNode, Ref, TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { Problems, useInvalid } from "./problems";

const control =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-xs placeholder:text-zinc-400 dark:bg-zinc-900 " +
  "border-zinc-300 dark:border-zinc-700 aria-[invalid=true]:border-red-500";

/** A labelled input bound to one draft path: its problems show under it, its border turns red on an error. */
export function DraftInput({ label, path, hint, counter, inputRef, ...props }: { label: string; path: string; hint?: ReactNode; counter?: { value: number; max: number }; inputRef?: Ref<HTMLInputElement> } & InputHTMLAttributes<HTMLInputElement>) {
  const invalid = useInvalid(path);
  return (
    <label className="block space-y-1">
      <span className="flex items-baseline justify-between text-sm font-medium">
        {label}
        {counter && <Counter {...counter} />}
      </span>
      <input ref={inputRef} aria-invalid={invalid || undefined} data-path={path} className={control} {...props} />
      {hint && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{hint}</span>}
      <Problems at={path} />
    </label>
  );
}

export function DraftTextarea({ label, path, counter, textareaRef, ...props }: { label: string; path: string; counter?: { value: number; max: number }; textareaRef?: Ref<HTMLTextAreaElement> } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const invalid = useInvalid(path);
  return (
    <label className="block space-y-1">
      <span className="flex items-baseline justify-between text-sm font-medium">
        {label}
        {counter && <Counter {...counter} />}
      </span>
      <textarea ref={textareaRef} aria-invalid={invalid || undefined} data-path={path} className={cn(control, "min-h-28 font-[inherit]")} {...props} />
      <Problems at={path} />
    </label>
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
