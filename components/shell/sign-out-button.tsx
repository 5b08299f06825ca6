"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { signOutAction } from "@/app/actions/auth";

export function SignOutButton({ className }: { className?: string }) {
  const t = useTranslations("shell");
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className={className ?? "text-sm font-medium text-zinc-700 hover:underline dark:text-zinc-300"}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signOutAction();
          // A full load drops every client cache of the signed-in state.
          window.location.assign("/login");
        })
      }
    >
      {t("signOut")}
    </button>
  );
}
