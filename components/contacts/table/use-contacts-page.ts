"use client";

/**
 * The page of contacts the table shows, fetched again whenever the filter, the sort or the page
 * boundary changes, and when another member changes contacts (real-time). Only the newest request
 * counts: a slow answer to an older filter never overwrites a newer one.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { listContactsAction } from "@/app/actions/contacts/table";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { useRealtimeCatchUp, useRealtimeEvent } from "@/components/realtime/realtime-provider";
import type { ContactFilter } from "@/lib/services/contacts/filter/schema";
import type { ContactSort } from "@/lib/services/contacts/filter/sort";
import type { ContactsPage } from "./types";

export interface PageBoundary {
  after?: string;
  before?: string;
}

export function useContactsPage(slug: string, initial: ContactsPage, filter: ContactFilter, sort: ContactSort, boundary: PageBoundary) {
  const t = useTranslations();
  const [page, setPage] = useState(initial);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const request = JSON.stringify({ filter, sort, boundary });
  // What is on screen, and what should be: a reload (real-time, a bulk action) always fetches the
  // view as it is now, never the one a timer or an event captured earlier.
  const shown = useRef(request);
  const wanted = useRef(request);

  const load = useCallback(async () => {
    const id = ++latest.current;
    const asked = wanted.current;
    setLoading(true);
    const { filter: f, sort: s, boundary: b } = JSON.parse(asked) as { filter: ContactFilter; sort: ContactSort; boundary: PageBoundary };
    let outcome;
    try {
      outcome = await listContactsAction({ slug, filter: f, sort: s, ...b });
    } catch {
      outcome = undefined;
    }
    if (id !== latest.current) return;
    setLoading(false);
    if (outcome?.data) {
      setPage(outcome.data);
      setError(null);
      shown.current = asked;
    } else setError(actionErrorText(t, outcome));
  }, [slug, t]);

  useEffect(() => {
    wanted.current = request;
    // The server rendered the first page for the first request; fetch only what differs from it.
    if (request === shown.current) return;
    void load();
  }, [request, load]);

  // Another member (or an import) changed contacts: this page again, a moment later if a burst.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const soon = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(), 400);
  }, [load]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useRealtimeEvent("contacts.changed", soon);
  useRealtimeEvent("contact.updated", soon);
  useRealtimeCatchUp(soon);

  return { page, loading, error, reload: load };
}
