import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Logo } from "@/components/shell/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="mb-8">
        <Logo />
      </div>
      <main className="w-full max-w-sm">{children}</main>
      <div className="mt-8">
        <LanguageSwitch />
      </div>
    </div>
  );
}
