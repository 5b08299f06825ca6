import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listWorkspacesForUser } from "@/lib/services/workspaces/list-workspaces";
import { regionChoices } from "@/lib/i18n/regions";
import { WORKSPACE_DEFAULTS } from "@/lib/validation/workspace";
import { Card } from "@/components/ui/card";
import { Logo } from "@/components/shell/logo";
import { CreateWorkspaceForm } from "@/components/workspace/create-workspace-form";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { LanguageSwitch } from "@/components/shell/language-switch";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onboarding"))("pageTitle") };
}

export default async function OnboardingPage() {
  const user = await requireUser();
  const [workspaces, t, locale] = await Promise.all([listWorkspacesForUser(user.id), getTranslations("onboarding"), getLocale()]);
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="mb-8">
        <Logo />
      </div>
      <main className="w-full max-w-md">
        <Card>
          <h1 className="text-xl font-semibold">{workspaces.length ? t("titleAnother") : t("title", { name: user.name ?? user.email })}</h1>
          <p className="mt-1 mb-6 text-sm text-zinc-600 dark:text-zinc-400">{t("subtitle")}</p>
          <CreateWorkspaceForm choices={regionChoices(locale)} defaults={WORKSPACE_DEFAULTS} />
        </Card>
        {workspaces.length > 0 && (
          <Card className="mt-4">
            <h2 className="mb-3 text-sm font-semibold">{t("yourWorkspaces")}</h2>
            <ul className="space-y-1">
              {workspaces.map((w) => (
                <li key={w.id}>
                  <Link href={`/w/${w.slug}/inbox`} className="text-sm text-brand-700 hover:underline dark:text-brand-500">
                    {w.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <div className="mt-6 flex items-center justify-between text-sm text-zinc-600 dark:text-zinc-400">
          <span>{t("signedInAs", { email: user.email })}</span>
          <SignOutButton />
        </div>
        <div className="mt-4 flex justify-center">
          <LanguageSwitch />
        </div>
      </main>
    </div>
  );
}
