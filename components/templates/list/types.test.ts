import { describe, expect, it } from "vitest";
import { filterRows, filtersFromQuery, type TemplateRow } from "./types";

const row = (name: string, patch: Partial<TemplateRow> = {}): TemplateRow => ({
  id: name,
  name,
  language: "en_US",
  category: "MARKETING",
  status: "APPROVED",
  rejectedReason: null,
  qualityScore: null,
  updatedAt: "2026-12-07T00:00:00.000Z",
  ...patch,
});

describe("filterRows", () => {
  const rows = [row("spring_sale"), row("order_update", { category: "UTILITY", status: "REJECTED", language: "id" }), row("otp", { category: "AUTHENTICATION", qualityScore: "RED" })];
  const none = filtersFromQuery({});

  it("keeps every row without filters, and searches names by part", () => {
    expect(filterRows(rows, none)).toHaveLength(3);
    expect(filterRows(rows, { ...none, search: "SALE" }).map((r) => r.name)).toEqual(["spring_sale"]);
  });

  it("matches status, category, language exactly, and an unrated template as UNKNOWN quality", () => {
    expect(filterRows(rows, { ...none, status: "REJECTED" }).map((r) => r.name)).toEqual(["order_update"]);
    expect(filterRows(rows, { ...none, category: "AUTHENTICATION", quality: "RED" }).map((r) => r.name)).toEqual(["otp"]);
    expect(filterRows(rows, { ...none, language: "id" }).map((r) => r.name)).toEqual(["order_update"]);
    expect(filterRows(rows, { ...none, quality: "UNKNOWN" }).map((r) => r.name)).toEqual(["spring_sale", "order_update"]);
  });
});

describe("filtersFromQuery", () => {
  it("reads the address's filters and ignores repeated or missing ones", () => {
    expect(filtersFromQuery({ q: "sale", status: "PENDING", category: ["A", "B"] })).toEqual({ search: "sale", status: "PENDING", category: "", language: "", quality: "" });
  });
});
