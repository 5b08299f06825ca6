import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { isResetTokenValid } from "@/lib/services/auth/password-reset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("setPassword") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  const valid = typeof token === "string" && token.length < 1000 && (await isResetTokenValid(token));
  return (
    <Card>
      <h1 className="mb-6 text-xl font-semibold">{t("resetTitle")}</h1>
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="space-y-4">
          <Alert tone="error">{t("resetLinkInvalid")}</Alert>
          <Link href="/forgot-password" className="text-sm text-brand-700 hover:underline dark:text-brand-500">
            {t("requestNewLink")}
          </Link>
        </div>
      )}
    </Card>
  );
}
