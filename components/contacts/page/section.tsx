import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A titled card of the contact page; its heading names the region for assistive technology. */
export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Card className="p-5" aria-labelledby={id} role="region">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={id} className="text-sm font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </Card>
  );
}

export function Chips({ items, empty }: { items: { id: string; name: string }[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map((item) => (
        <li key={item.id} className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
          {item.name}
        </li>
      ))}
    </ul>
  );
}
