import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { LoginForm } from "@/components/auth/login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("auth");
  const signupHref = callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signup";
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">{t("signInTitle")}</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">{t("signInSubtitle")}</p>
      <LoginForm callbackUrl={callbackUrl} />
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        {t("noAccount")}{" "}
        <Link href={signupHref} className="font-medium text-brand-700 hover:underline dark:text-brand-500">
          {t("signUp")}
        </Link>
      </p>
    </Card>
  );
}
