"use client";

import { useEffect, useState } from "react";
import { searchCannedRepliesAction } from "@/app/actions/inbox/messages";

export interface CannedOption {
  id: string;
  shortcut: string;
  title: string;
  body: string;
}

/** Canned replies matching `query` (null = the popover is closed), fetched after a short pause in typing. */
export function useCannedReplies(slug: string, query: string | null): CannedOption[] {
  const [found, setFound] = useState<{ query: string; options: CannedOption[] }>({ query: "", options: [] });
  useEffect(() => {
    if (query === null) return;
    let live = true;
    const timer = setTimeout(async () => {
      const result = await searchCannedRepliesAction({ slug, query: query || undefined }).catch(() => undefined);
      if (live && result?.data) setFound({ query, options: result.data.map(({ id, shortcut, title, body }) => ({ id, shortcut, title, body })) });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [slug, query]);
  return query === null ? [] : found.options;
}
