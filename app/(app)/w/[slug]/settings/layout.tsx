import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { SettingsTabs } from "@/components/workspace/settings-tabs";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const t = await getTranslations("settings");
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} />
      <SettingsTabs slug={slug} />
      <div className="mt-6">{children}</div>
    </div>
  );
}
