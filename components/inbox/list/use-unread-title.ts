"use client";

import { useEffect } from "react";

/** "(3) Inbox · Parley" while conversations are unread; the plain title otherwise. */
export function useUnreadTitle(unread: number, title: string): void {
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${title}` : title;
  }, [unread, title]);
}
