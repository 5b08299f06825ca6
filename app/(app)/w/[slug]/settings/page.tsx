import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { can } from "@/lib/auth/permissions";
import { regionChoices } from "@/lib/i18n/regions";
import { Card } from "@/components/ui/card";
import { WorkspaceSettingsForm } from "@/components/workspace/workspace-settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("general") };
}

export default async function GeneralSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace, ctx } = await requireWorkspace((await params).slug);
  const [t, locale] = await Promise.all([getTranslations("settings"), getLocale()]);
  return (
    <Card>
      <h2 className="mb-4 text-base font-semibold">{t("workspaceDetails")}</h2>
      <WorkspaceSettingsForm workspace={workspace} canEdit={can(ctx.role, "workspace:update")} choices={regionChoices(locale)} />
    </Card>
  );
}
