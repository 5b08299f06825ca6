/**
 * Loads what signals carry (wire.ts): list rows and timeline bubbles of one workspace, read once
 * on the server for every open browser. `attach` then fits them into an event within Pusher's
 * 10 KB; what does not fit is left for the client to read.
 */
import { conversationListItems } from "@/lib/services/inbox/list-conversations";
import { timelineMessagesById } from "@/lib/services/inbox/list-messages";
import { fitsInSignal, messageToWire, rowToWire, type WireMessage, type WireRow } from "./wire";

export interface SignalItems {
  row(conversationId: string): WireRow | undefined;
  message(messageId: string): WireMessage | undefined;
}

export async function loadSignalItems(workspaceId: string, want: { conversationIds?: string[]; messageIds?: string[] }): Promise<SignalItems> {
  const [rows, messages] = await Promise.all([
    conversationListItems(workspaceId, [...new Set(want.conversationIds ?? [])]),
    timelineMessagesById(workspaceId, [...new Set(want.messageIds ?? [])]),
  ]);
  const rowById = new Map(rows.map((row) => [row.id, rowToWire(row)]));
  const messageById = new Map(messages.map((message) => [message.id, messageToWire(message)]));
  return { row: (id) => rowById.get(id), message: (id) => messageById.get(id) };
}

/** Best effort: a failed read leaves the signal without items (browsers read them as before). */
export async function loadSignalItemsOrNone(workspaceId: string, want: { conversationIds?: string[]; messageIds?: string[] }): Promise<SignalItems> {
  try {
    return await loadSignalItems(workspaceId, want);
  } catch {
    return { row: () => undefined, message: () => undefined };
  }
}

/** The payload with the bubble and the row that fit in one event (the bubble first). */
export function attach<P extends object>(payload: P, items: { message?: WireMessage; row?: WireRow }): P & { message?: WireMessage; row?: WireRow } {
  const message = fitsInSignal(items.message);
  const row = fitsInSignal(items.row, message.bytes);
  return { ...payload, ...(message.item ? { message: message.item } : {}), ...(row.item ? { row: row.item } : {}) };
}
