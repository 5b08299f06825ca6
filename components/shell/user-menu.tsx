"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyTheme, currentTheme, type ThemeChoice } from "./theme";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { setLocaleAction } from "@/app/actions/preferences";
import { signOutAction, signOutEverywhereAction } from "@/app/actions/auth";
import { LOCALES } from "@/lib/i18n/config";

export function UserMenu({ user }: { user: { name: string | null; email: string } }) {
  const t = useTranslations("shell");
  const tLang = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const [theme, setTheme] = useState<ThemeChoice | null>(null);
  const [, startTransition] = useTransition();
  const initials = (user.name ?? user.email)
    .split(/\s+/)
    .map((part) => part[0]?.toUpperCase())
    .slice(0, 2)
    .join("");

  return (
    <Menu onOpenChange={(open) => open && setTheme(currentTheme())}>
      <MenuTrigger
        className="grid size-9 place-items-center rounded-full bg-brand-600 text-sm font-semibold text-white hover:bg-brand-700"
        aria-label={t("userMenu")}
        data-testid="user-menu"
      >
        {initials}
      </MenuTrigger>
      <MenuContent align="end">
        <div className="px-2 py-1.5">
          <p className="truncate font-medium">{user.name ?? user.email}</p>
          <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{user.email}</p>
        </div>
        <MenuSeparator />
        <MenuLabel>{tLang("label")}</MenuLabel>
        {LOCALES.map((code) => (
          <MenuItem
            key={code}
            data-testid={`language-${code}`}
            onSelect={() =>
              startTransition(async () => {
                await setLocaleAction({ locale: code });
                router.refresh();
              })
            }
          >
            {tLang(code)}
            {code === locale && (
              <span className="ml-auto text-brand-600" aria-hidden>
                ✓
              </span>
            )}
          </MenuItem>
        ))}
        <MenuSeparator />
        <MenuLabel>{t("theme.label")}</MenuLabel>
        {(["system", "light", "dark"] as const).map((option) => (
          <MenuItem
            key={option}
            onSelect={() => {
              applyTheme(option);
              setTheme(option);
            }}
          >
            {t(`theme.${option}`)}
            {theme === option && (
              <span className="ml-auto text-brand-600" aria-hidden>
                ✓
              </span>
            )}
          </MenuItem>
        ))}
        <MenuSeparator />
        <MenuItem
          onSelect={() =>
            startTransition(async () => {
              await signOutAction();
              router.replace("/login");
              router.refresh();
            })
          }
        >
          {t("signOut")}
        </MenuItem>
        <MenuItem
          data-testid="sign-out-everywhere"
          onSelect={() => {
            if (!window.confirm(t("signOutEverywhereConfirm"))) return;
            startTransition(async () => {
              await signOutEverywhereAction();
              router.replace("/login");
              router.refresh();
            });
          }}
        >
          {t("signOutEverywhere")}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
