import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Icon } from "@/components/shell/nav-icons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("campaigns") };
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  await requireWorkspace((await params).slug);
  const t = await getTranslations("campaigns");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EmptyState icon={<Icon name="campaigns" className="size-10" />} title={t("emptyTitle")} description={t("emptyDescription")} />
    </>
  );
}
