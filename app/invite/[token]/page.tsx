import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { previewInvitation } from "@/lib/services/invitations/invitations";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Logo } from "@/components/shell/logo";
import { AcceptInvitationButton } from "@/components/workspace/accept-invitation-button";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { LanguageSwitch } from "@/components/shell/language-switch";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("title") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tRoles] = await Promise.all([getTranslations("invite"), getTranslations("roles")]);
  const invitation = token.length <= 200 ? await previewInvitation(token) : null;
  const user = await currentUser();
  const here = `/invite/${encodeURIComponent(token)}`;

  let body: React.ReactNode;
  if (!invitation || invitation.state === "revoked") {
    body = <Alert tone="error">{t("notFound")}</Alert>;
  } else if (invitation.state !== "valid") {
    body = <Alert tone="error">{invitation.state === "expired" ? t("expired") : t("used")}</Alert>;
  } else if (!user) {
    body = (
      <div className="space-y-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("signInToAccept", { email: invitation.email })}</p>
        <Link
          href={`/signup?email=${encodeURIComponent(invitation.email)}&callbackUrl=${encodeURIComponent(here)}`}
          className="flex h-10 items-center justify-center rounded-md bg-brand-600 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t("createAccount")}
        </Link>
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(here)}`}
          className="flex h-10 items-center justify-center rounded-md border border-zinc-300 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {t("signIn")}
        </Link>
      </div>
    );
  } else if (user.email !== invitation.email) {
    body = (
      <div className="space-y-3">
        <Alert tone="error">{t("wrongAccount", { email: invitation.email, current: user.email })}</Alert>
        <SignOutButton />
      </div>
    );
  } else {
    body = <AcceptInvitationButton token={token} />;
  }

  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="mb-8">
        <Logo />
      </div>
      <main className="w-full max-w-sm">
        <Card>
          <h1 className="mb-2 text-xl font-semibold">
            {invitation?.state === "valid" ? t("heading", { workspace: invitation.workspaceName }) : t("title")}
          </h1>
          {invitation?.state === "valid" && (
            <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">
              {t("details", { inviter: invitation.inviterName ?? "—", role: tRoles(invitation.role) })}
            </p>
          )}
          {body}
        </Card>
        <div className="mt-6 flex justify-center">
          <LanguageSwitch />
        </div>
      </main>
    </div>
  );
}
