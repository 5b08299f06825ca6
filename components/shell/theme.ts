/**
 * Light / dark / system theme with no flash and no script: the choice lives in a cookie, the
 * server renders it as <html class="light|dark|system">, and the `dark:` variant (globals.css)
 * follows `.dark`, or the OS preference under `.system`.
 */
export type ThemeChoice = "system" | "light" | "dark";
export const THEME_COOKIE = "parley_theme";

export function parseTheme(value: string | undefined | null): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

export function applyTheme(choice: ThemeChoice): void {
  document.cookie = `${THEME_COOKIE}=${choice}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.classList.remove("light", "dark", "system");
  document.documentElement.classList.add(choice);
}

export function currentTheme(): ThemeChoice {
  return parseTheme(document.documentElement.classList.contains("dark") ? "dark" : document.documentElement.classList.contains("light") ? "light" : "system");
}
