"use client";

import type { ReactNode } from "react";
import { useParams } from "next/navigation";
import { cn } from "@/components/ui/cn";

/**
 * The two panes: list left, conversation right. On narrow screens one at a time: the list until
 * a conversation is open, then the conversation (its header has a way back).
 */
export function InboxPanes({ list, children }: { list: ReactNode; children: ReactNode }) {
  const open = Boolean(useParams<{ conversationId?: string }>().conversationId);
  return (
    // Fills the app shell's main area edge to edge (cancelling its padding), below its 3.5rem header.
    <div className="-m-4 flex h-[calc(100dvh-3.5rem)] min-h-0 overflow-hidden bg-white md:-m-8 dark:bg-zinc-950">
      <div className={cn("w-full shrink-0 border-r border-zinc-200 md:block md:w-80 lg:w-96 dark:border-zinc-800", open ? "hidden" : "block")}>{list}</div>
      <div className={cn("min-w-0 flex-1 md:flex", open ? "flex" : "hidden")}>{children}</div>
    </div>
  );
}
