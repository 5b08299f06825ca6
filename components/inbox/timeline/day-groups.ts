/**
 * The timeline's order and its date separators: messages and internal notes interleaved by time,
 * a separator whenever the calendar day (in the workspace's time zone) changes, and the sender's
 * name shown only where the sender changes.
 */
import type { ViewMessage, ViewNote } from "./types";

export type DayLabel = { kind: "today" } | { kind: "yesterday" } | { kind: "date"; date: Date };

export type TimelineItem =
  | { kind: "day"; key: string; label: DayLabel }
  | { kind: "message"; key: string; message: ViewMessage; showAuthor: boolean }
  | { kind: "note"; key: string; note: ViewNote };

/** "2026-11-25" for the instant's calendar day in `timeZone`. */
export function dayKey(date: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

function previousDayKey(key: string): string {
  const date = new Date(`${key}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** `today` is today's `dayKey` in the same time zone. */
export function dayLabel(date: Date, today: string, timeZone: string): DayLabel {
  const key = dayKey(date, timeZone);
  if (key === today) return { kind: "today" };
  if (key === previousDayKey(today)) return { kind: "yesterday" };
  return { kind: "date", date };
}

type Entry = { at: Date; message: ViewMessage } | { at: Date; note: ViewNote };

/** Who a bubble is from, for "show the name when it changes": agents by id, the customer as one. */
function senderOf(message: ViewMessage): string {
  if (message.direction === "inbound") return "customer";
  return message.author ? `agent:${message.author.id}` : "business";
}

export function buildTimeline(messages: ViewMessage[], notes: ViewNote[], options: { today: string; timeZone: string }): TimelineItem[] {
  const entries: Entry[] = [
    ...messages.map((message) => ({ at: message.timestamp, message })),
    ...notes.map((note) => ({ at: note.createdAt, note })),
  ];
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());

  const items: TimelineItem[] = [];
  let currentDay: string | null = null;
  let lastSender: string | null = null;
  for (const entry of entries) {
    const key = dayKey(entry.at, options.timeZone);
    if (key !== currentDay) {
      items.push({ kind: "day", key: `day-${key}`, label: dayLabel(entry.at, options.today, options.timeZone) });
      currentDay = key;
      lastSender = null;
    }
    if ("message" in entry) {
      const sender = senderOf(entry.message);
      items.push({ kind: "message", key: entry.message.clientKey ?? entry.message.id, message: entry.message, showAuthor: sender !== lastSender });
      lastSender = sender;
    } else {
      items.push({ kind: "note", key: `note-${entry.note.id}`, note: entry.note });
      lastSender = null;
    }
  }
  return items;
}
