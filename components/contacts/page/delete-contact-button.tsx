"use client";

/** Owners and admins: delete the contact, with their conversations, after one confirmation. */
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteContactPageAction } from "@/app/actions/contacts/contact-page";
import { Button } from "@/components/ui/button";
import { outcomeText } from "@/components/inbox/header/outcome-text";

export function DeleteContactButton({ slug, contactId, name, onError }: { slug: string; contactId: string; name: string; onError: (message: string | null) => void }) {
  const t = useTranslations("contactPage");
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [gone, setGone] = useState(false);

  const remove = () => {
    if (!window.confirm(t("deleteConfirm", { name }))) return;
    startTransition(async () => {
      const outcome = await deleteContactPageAction({ slug, contactId }).catch(() => undefined);
      const message = outcomeText(tAll, outcome);
      onError(message);
      if (message) return;
      setGone(true);
      router.replace(`/w/${slug}/contacts`);
    });
  };

  return (
    <Button variant="danger" onClick={remove} pending={pending || gone}>
      {t("delete")}
    </Button>
  );
}
