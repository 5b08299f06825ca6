/** A row of the templates page, as the list service returns it (dates as ISO strings over the wire). */
export interface TemplateRow {
  id: string;
  name: string;
  language: string;
  category: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  status: string;
  rejectedReason: string | null;
  qualityScore: string | null;
  updatedAt: string;
}

export interface TemplateFilters {
  search: string;
  status: string;
  category: string;
  language: string;
  quality: string;
}

export const NO_FILTERS: TemplateFilters = { search: "", status: "", category: "", language: "", quality: "" };

/** The rows a filter keeps: search over name (and language), the rest exact. */
export function filterRows(rows: TemplateRow[], filters: TemplateFilters): TemplateRow[] {
  const needle = filters.search.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!needle || row.name.toLowerCase().includes(needle) || row.language.toLowerCase() === needle) &&
      (!filters.status || row.status === filters.status) &&
      (!filters.category || row.category === filters.category) &&
      (!filters.language || row.language === filters.language) &&
      (!filters.quality || (row.qualityScore ?? "UNKNOWN") === filters.quality),
  );
}
