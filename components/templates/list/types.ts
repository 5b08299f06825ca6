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

/** The filters the address bar names (?q=&status=&category=&language=&quality=), so a view can be shared. */
export function filtersFromQuery(query: Record<string, string | string[] | undefined>): TemplateFilters {
  const one = (key: string) => {
    const value = query[key];
    return typeof value === "string" ? value.slice(0, 200) : "";
  };
  return { search: one("q"), status: one("status"), category: one("category"), language: one("language"), quality: one("quality") };
}

/** Rows from the action (dates may arrive as Date objects). */
export function toRow(row: Omit<TemplateRow, "updatedAt"> & { updatedAt: Date | string }): TemplateRow {
  return {
    id: row.id,
    name: row.name,
    language: row.language,
    category: row.category,
    status: row.status,
    rejectedReason: row.rejectedReason,
    qualityScore: row.qualityScore,
    updatedAt: typeof row.updatedAt === "string" ? row.updatedAt : row.updatedAt.toISOString(),
  };
}
