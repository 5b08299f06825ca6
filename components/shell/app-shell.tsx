"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { cn } from "@/components/ui/cn";
import { Logo } from "./logo";
import { Icon, type IconName } from "./nav-icons";
import { WorkspaceSwitcher } from "./workspace-switcher";
import { UserMenu } from "./user-menu";

interface Props {
  workspace: { name: string; slug: string };
  workspaces: { name: string; slug: string }[];
  user: { name: string | null; email: string };
  role: Role;
  children: ReactNode;
}

const SECTIONS: { key: "inbox" | "contacts" | "campaigns" | "templates" | "settings"; icon: IconName }[] = [
  { key: "inbox", icon: "inbox" },
  { key: "contacts", icon: "contacts" },
  { key: "campaigns", icon: "campaigns" },
  { key: "templates", icon: "templates" },
  { key: "settings", icon: "settings" },
];

/** Sidebar (a drawer on small screens), header with workspace switcher and user menu. */
export function AppShell({ workspace, workspaces, user, role, children }: Props) {
  const t = useTranslations("nav");
  const tShell = useTranslations("shell");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  const nav = (
    <nav aria-label={tShell("mainNavigation")} className="flex flex-col gap-1 p-3">
      {SECTIONS.map(({ key, icon }) => {
        const href = `/w/${workspace.slug}/${key}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={key}
            href={href}
            aria-current={active ? "page" : undefined}
            onClick={() => setOpen(false)}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
              active
                ? "bg-brand-50 text-brand-700 dark:bg-brand-700/20 dark:text-brand-100"
                : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
            )}
          >
            <Icon name={icon} />
            {t(key)}
          </Link>
        );
      })}
    </nav>
  );

  return (
    <div className="flex min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        {tShell("skipToContent")}
      </a>
      <aside className="hidden w-60 shrink-0 border-r border-zinc-200 bg-white md:block dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex h-14 items-center border-b border-zinc-200 px-4 dark:border-zinc-800">
          <Logo />
        </div>
        {nav}
      </aside>
      {open && (
        <div className="fixed inset-0 z-40 md:hidden" role="dialog" aria-modal="true" aria-label={tShell("mainNavigation")}>
          <button className="absolute inset-0 bg-black/40" aria-label={tShell("closeMenu")} onClick={() => setOpen(false)} />
          <aside className="absolute inset-y-0 left-0 w-64 bg-white shadow-xl dark:bg-zinc-900">
            <div className="flex h-14 items-center border-b border-zinc-200 px-4 dark:border-zinc-800">
              <Logo />
            </div>
            {nav}
          </aside>
        </div>
      )}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center gap-3 border-b border-zinc-200 bg-white px-4 dark:border-zinc-800 dark:bg-zinc-900">
          <button
            type="button"
            className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
            aria-label={tShell("openMenu")}
            aria-expanded={open}
            onClick={() => setOpen(true)}
          >
            <Icon name="menu" />
          </button>
          <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
          <span
            className="hidden rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 sm:inline dark:bg-zinc-800 dark:text-zinc-400"
            data-testid="current-role"
          >
            {tShell(`role.${role}`)}
          </span>
          <div className="ml-auto">
            <UserMenu user={user} />
          </div>
        </header>
        <main id="main" className="flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
