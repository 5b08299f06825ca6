"use client";

import { useEffect, useRef } from "react";

/**
 * Calls `onVisible` when the returned sentinel element scrolls into view. `loaded` (e.g. the row
 * count) re-arms it: a sentinel still in view after a short page would otherwise never fire again.
 */
export function useInfiniteScroll(onVisible: () => void, enabled: boolean, loaded: number) {
  const sentinel = useRef<HTMLLIElement | null>(null);
  const latest = useRef(onVisible);
  useEffect(() => {
    latest.current = onVisible;
  });
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !enabled) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) latest.current();
    }, { rootMargin: "200px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled, loaded]);
  return sentinel;
}
