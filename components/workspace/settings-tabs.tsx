"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

/** `canManageContacts`: the contact fields and consent tabs, for the roles that may change them. */
export function SettingsTabs({ slug, canManageContacts = false }: { slug: string; canManageContacts?: boolean }) {
  const t = useTranslations("settings");
  const pathname = usePathname();
  const tabs = [
    { href: `/w/${slug}/settings`, label: t("general") },
    { href: `/w/${slug}/settings/members`, label: t("members") },
    { href: `/w/${slug}/settings/whatsapp`, label: t("whatsapp") },
    { href: `/w/${slug}/settings/canned-replies`, label: t("cannedReplies") },
    ...(canManageContacts
      ? [
          { href: `/w/${slug}/settings/contact-fields`, label: t("contactFields") },
          { href: `/w/${slug}/settings/consent`, label: t("consent") },
        ]
      : []),
  ];
  return (
    <nav aria-label={t("title")} className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              active
                ? "border-brand-600 text-brand-700 dark:text-brand-500"
                : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
