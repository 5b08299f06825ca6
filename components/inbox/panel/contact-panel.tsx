"use client";

/**
 * The contact side panel: details, groups, tags, opt-out, the ad they came from, an edit form and
 * a link to the contact's own page. Collapsible (the choice is remembered in this browser;
 * collapsed by default on narrow screens). Kept live by `contact.updated`.
 */
import { useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ContactPanel as Panel } from "@/lib/services/contacts/contact-panel";
import type { Referral } from "@/lib/whatsapp/webhook/referral";
import { useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { loadContactPanel } from "@/app/actions/inbox/contacts";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ContactDetails } from "./contact-details";
import { ContactForm } from "./contact-form";

const STORAGE_KEY = "parley.inbox.contactPanel";
const CHANGED = "parley:contact-panel";

/** Open or not: the choice saved in this browser, else open on wide screens only. */
function readOpen(): boolean {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return saved ? saved === "open" : window.matchMedia("(min-width: 80rem)").matches;
}

function writeOpen(open: boolean): void {
  window.localStorage.setItem(STORAGE_KEY, open ? "open" : "closed");
  window.dispatchEvent(new Event(CHANGED));
}

function subscribeOpen(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function ContactPanel({
  slug,
  initial,
  conversationReferral = null,
}: {
  slug: string;
  initial: Panel;
  conversationReferral?: Referral | null;
}) {
  const t = useTranslations("contactPanel");
  const [contact, setContact] = useState(initial);
  // A server refresh (router.refresh, another conversation) brings new data: show it.
  const [source, setSource] = useState(initial);
  if (source !== initial) {
    setSource(initial);
    setContact(initial);
  }
  const [editing, setEditing] = useState(false);
  const open = useSyncExternalStore(subscribeOpen, readOpen, () => true);
  const toggle = () => writeOpen(!open);

  useRealtimeEvent("contact.updated", async (e) => {
    if (e.contactId !== contact.id || editing) return;
    const result = await loadContactPanel({ slug, contactId: contact.id }).catch(() => undefined);
    if (result?.data) setContact(result.data);
  });

  const name = contact.name ?? contact.profileName ?? contact.phone ?? t("unknownContact");
  return (
    <aside
      aria-label={t("label")}
      className={cn("flex shrink-0 flex-col border-l border-zinc-200 bg-zinc-50/60 dark:border-zinc-800 dark:bg-zinc-900/60", open ? "w-full max-w-80 sm:w-80" : "w-11")}
    >
      <div className="flex items-center gap-2 border-b border-zinc-200 px-2 py-2 dark:border-zinc-800">
        <button
          type="button"
          onClick={toggle}
          aria-expanded={open}
          aria-controls="contact-panel-body"
          aria-label={open ? t("collapse") : t("expand")}
          className="grid size-7 place-items-center rounded-md text-zinc-600 outline-none hover:bg-zinc-200 focus-visible:ring-2 focus-visible:ring-brand-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          <span aria-hidden>{open ? "⟩" : "⟨"}</span>
        </button>
        {open && <h2 className="truncate text-sm font-semibold">{name}</h2>}
      </div>
      {open && (
        <div id="contact-panel-body" className="min-h-0 flex-1 overflow-y-auto p-4">
          {editing ? (
            <ContactForm
              slug={slug}
              contact={contact}
              onCancel={() => setEditing(false)}
              onSaved={(saved) => {
                setContact(saved);
                setEditing(false);
              }}
            />
          ) : (
            <>
              <ContactDetails contact={contact} conversationReferral={conversationReferral} />
              <div className="mt-6 flex flex-wrap items-center gap-x-4 gap-y-2">
                <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
                  {t("edit")}
                </Button>
                <Link
                  href={`/w/${slug}/contacts/${contact.id}`}
                  className="rounded-sm text-sm text-sky-700 underline outline-none focus-visible:ring-2 focus-visible:ring-brand-600 dark:text-sky-300"
                >
                  {t("openContactPage")}
                </Link>
              </div>
            </>
          )}
        </div>
      )}
    </aside>
  );
}
