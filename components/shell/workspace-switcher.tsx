"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/menu";

export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: { name: string; slug: string };
  workspaces: { name: string; slug: string }[];
}) {
  const t = useTranslations("shell");
  return (
    <Menu>
      <MenuTrigger
        className="flex max-w-56 items-center gap-2 rounded-md px-2 py-1.5 text-sm font-semibold hover:bg-zinc-100 dark:hover:bg-zinc-800"
        aria-label={t("switchWorkspace")}
        data-testid="workspace-switcher"
      >
        <span className="grid size-6 shrink-0 place-items-center rounded bg-zinc-200 text-xs dark:bg-zinc-700" aria-hidden>
          {current.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="truncate">{current.name}</span>
        <span aria-hidden className="text-zinc-400">
          ▾
        </span>
      </MenuTrigger>
      <MenuContent align="start">
        <MenuLabel>{t("workspaces")}</MenuLabel>
        {workspaces.map((w) => (
          <MenuItem key={w.slug} asChild>
            <Link href={`/w/${w.slug}/inbox`} aria-current={w.slug === current.slug ? "true" : undefined}>
              <span className="truncate">{w.name}</span>
              {w.slug === current.slug && (
                <span className="ml-auto text-brand-600" aria-hidden>
                  ✓
                </span>
              )}
            </Link>
          </MenuItem>
        ))}
        <MenuSeparator />
        <MenuItem asChild>
          <Link href="/onboarding">{t("newWorkspace")}</Link>
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
