"use client";

/**
 * The contact page's live view: the summary and the conversations, or the edit form; a delete
 * button for owners and admins. Another member's change (`contact.updated`) re-renders it from
 * the server, unless this member is editing.
 */
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ContactDetail } from "@/lib/services/contacts/get-contact";
import { useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ContactConversations } from "./contact-conversations";
import { ContactEditForm } from "./contact-edit-form";
import { ContactSummary } from "./contact-summary";
import { DeleteContactButton } from "./delete-contact-button";
import { MergeContact } from "./merge-contact";

export function ContactView({ slug, initial, canDelete }: { slug: string; initial: ContactDetail; canDelete: boolean }) {
  const t = useTranslations("contactPage");
  const router = useRouter();
  const [contact, setContact] = useState(initial);
  // A server render (router.refresh, revalidation) brings new data: show it.
  const [source, setSource] = useState(initial);
  if (source !== initial) {
    setSource(initial);
    setContact(initial);
  }
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useRealtimeEvent("contact.updated", (e) => {
    if (e.contactId === contact.id && !editing) router.refresh();
  });

  const name = contact.name ?? contact.profileName ?? contact.phone ?? (contact.waId ? `+${contact.waId}` : t("unknownContact"));
  return (
    <div data-testid="contact-page">
      <Link
        href={`/w/${slug}/contacts`}
        className="mb-3 inline-block rounded-sm text-sm text-sky-700 underline outline-none focus-visible:ring-2 focus-visible:ring-brand-600 dark:text-sky-300"
      >
        {t("back")}
      </Link>
      <PageHeader
        title={name}
        description={contact.phone ?? undefined}
        actions={
          !editing && (
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t("edit")}
              </Button>
              {canDelete && <DeleteContactButton slug={slug} contactId={contact.id} name={name} onError={setError} />}
            </div>
          )
        }
      />
      {error && (
        <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        {editing ? (
          <Card className="p-5">
            <h2 className="mb-4 text-lg font-semibold">{t("editTitle")}</h2>
            <ContactEditForm
              slug={slug}
              contact={contact}
              onCancel={() => setEditing(false)}
              onSaved={(saved) => {
                setContact(saved);
                setEditing(false);
              }}
            />
          </Card>
        ) : (
          <ContactSummary contact={contact} />
        )}
        <div className="space-y-4">
          <ContactConversations slug={slug} contact={contact} />
          <MergeContact slug={slug} contactId={contact.id} name={name} />
        </div>
      </div>
    </div>
  );
}
