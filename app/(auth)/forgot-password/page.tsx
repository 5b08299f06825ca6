import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("forgotPassword") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">{t("forgotTitle")}</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">{t("forgotSubtitle")}</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-center text-sm">
        <Link href="/login" className="text-brand-700 hover:underline dark:text-brand-500">
          {t("backToSignIn")}
        </Link>
      </p>
    </Card>
  );
}
