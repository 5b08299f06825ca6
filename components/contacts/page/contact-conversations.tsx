"use client";

/** The contact's conversations, newest first, each opening in the inbox. */
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ContactDetail } from "@/lib/services/contacts/get-contact";
import { cn } from "@/components/ui/cn";
import { Section } from "./section";

export function ContactConversations({ slug, contact }: { slug: string; contact: ContactDetail }) {
  const t = useTranslations("contactPage");
  const format = useFormatter();
  return (
    <Section id="contact-conversations" title={t("conversations")}>
      {contact.conversations.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("noConversations")}</p>
      ) : (
        <ul className="-mx-2 divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="contact-conversations">
          {contact.conversations.map((c) => (
            <li key={c.id}>
              <Link
                href={`/w/${slug}/inbox/${c.id}`}
                className="block rounded-md px-2 py-2.5 outline-none hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-brand-600 dark:hover:bg-zinc-800/60"
              >
                <div className="flex items-center justify-between gap-2 text-sm">
                  <span
                    className={cn(
                      "rounded-full px-2 py-0.5 text-xs font-medium",
                      c.status === "open" ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
                    )}
                  >
                    {t("conversationStatus", { status: c.status })}
                  </span>
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">
                    {c.lastMessageAt
                      ? t("lastMessageAt", { date: format.dateTime(new Date(c.lastMessageAt), { dateStyle: "medium", timeStyle: "short" }) })
                      : t("noMessages")}
                  </span>
                </div>
                {c.lastMessagePreview && <p className="mt-1 truncate text-sm text-zinc-700 dark:text-zinc-300">{c.lastMessagePreview}</p>}
                <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{c.assignee ? t("assignedTo", { name: c.assignee.name }) : t("unassigned")}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {contact.moreConversations && <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">{t("moreConversations", { count: contact.conversations.length })}</p>}
    </Section>
  );
}
