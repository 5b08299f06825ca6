import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

/** Templates live on a WhatsApp Business Account: without a connected number nothing reaches Meta. */
export async function NotConnectedNotice({ slug }: { slug: string }) {
  const t = await getTranslations("templates");
  return (
    <Alert className="mb-4">
      {t("notConnected")}{" "}
      <Link href={`/w/${slug}/settings/whatsapp`} className="font-medium underline">
        {t("connectLink")}
      </Link>
    </Alert>
  );
}
