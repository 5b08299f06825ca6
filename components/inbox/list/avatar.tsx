import { cn } from "@/components/ui/cn";

/** Initials of a name ("Sari Wulandari" → "SW"; "+62…" → "#"). */
export function initials(name: string | null | undefined): string {
  const words = (name ?? "").trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return "#";
  return words
    .slice(0, 2)
    .map((w) => w.match(/\p{L}/u)?.[0]?.toUpperCase() ?? "")
    .join("");
}

export function Avatar({ name, size = "md", className }: { name: string | null | undefined; size?: "sm" | "md"; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "grid shrink-0 place-items-center rounded-full font-semibold",
        size === "sm" ? "size-5 bg-zinc-200 text-[10px] text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200" : "size-10 bg-brand-100 text-sm text-brand-700 dark:bg-brand-700/30 dark:text-brand-100",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
