/**
 * The table's selection: rows ticked by hand (kept across pages), or "every contact the filter
 * matches" minus the rows unticked after. What the bulk actions send is built from it
 * (lib/services/contacts/selection.ts judges it again on the server).
 */
import type { ContactFilter } from "@/lib/services/contacts/filter/schema";
import type { ContactSelectionInput } from "@/lib/services/contacts/selection";

export type TableSelection = { kind: "ids"; ids: ReadonlySet<string> } | { kind: "all"; except: ReadonlySet<string> };

export const NOTHING: TableSelection = { kind: "ids", ids: new Set() };

export function isSelected(selection: TableSelection, id: string): boolean {
  return selection.kind === "ids" ? selection.ids.has(id) : !selection.except.has(id);
}

export function toggle(selection: TableSelection, id: string, on: boolean): TableSelection {
  const set = new Set(selection.kind === "ids" ? selection.ids : selection.except);
  // In "all" mode the set holds the unticked rows, so ticking removes from it.
  if (on === (selection.kind === "ids")) set.add(id);
  else set.delete(id);
  return selection.kind === "ids" ? { kind: "ids", ids: set } : { kind: "all", except: set };
}

export function selectedCount(selection: TableSelection, total: number): number {
  return selection.kind === "ids" ? selection.ids.size : Math.max(total - selection.except.size, 0);
}

export function forServer(selection: TableSelection, filter: ContactFilter): ContactSelectionInput {
  return selection.kind === "ids" ? { kind: "ids", ids: [...selection.ids] } : { kind: "filter", filter, except: [...selection.except] };
}
