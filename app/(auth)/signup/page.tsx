import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { SignupForm } from "@/components/auth/signup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUp") };
}

export default async function SignupPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; email?: string }> }) {
  const { callbackUrl, email } = await searchParams;
  const t = await getTranslations("auth");
  const loginHref = callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login";
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">{t("signUpTitle")}</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">{t("signUpSubtitle")}</p>
      <SignupForm callbackUrl={callbackUrl} email={email} />
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        {t("haveAccount")}{" "}
        <Link href={loginHref} className="font-medium text-brand-700 hover:underline dark:text-brand-500">
          {t("signIn")}
        </Link>
      </p>
    </Card>
  );
}
