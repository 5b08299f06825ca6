"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { signOutAction } from "@/app/actions/auth";

export function SignOutButton({ className }: { className?: string }) {
  const t = useTranslations("shell");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className={className ?? "text-sm font-medium text-zinc-700 hover:underline dark:text-zinc-300"}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signOutAction();
          router.replace("/login");
          router.refresh();
        })
      }
    >
      {t("signOut")}
    </button>
  );
}
