import { describe, expect, it } from "vitest";
import { readCustomFieldValues, type CustomFieldDefinition } from "./custom-field-values";

const fields: CustomFieldDefinition[] = [
  { key: "city", label: "City", type: "text", options: null },
  { key: "orders", label: "Orders", type: "number", options: null },
  { key: "birthday", label: "Birthday", type: "date", options: null },
  { key: "vip", label: "VIP", type: "boolean", options: null },
  { key: "size", label: "Size", type: "select", options: ["S", "M", "L"] },
];

describe("readCustomFieldValues", () => {
  it("reads each type from what a form or a CSV gives", () => {
    expect(readCustomFieldValues(fields, { city: " Medan ", orders: "12", birthday: "1990-02-28", vip: "yes", size: "m" })).toEqual({
      set: { city: "Medan", orders: 12, birthday: "1990-02-28", vip: true, size: "M" },
      clear: [],
      errors: [],
    });
    expect(readCustomFieldValues(fields, { orders: -1.5, vip: false, size: "L" }).set).toEqual({ orders: -1.5, vip: false, size: "L" });
    expect(readCustomFieldValues(fields, { vip: "Tidak" }).set).toEqual({ vip: false });
  });

  it("treats an empty value as clearing the field", () => {
    expect(readCustomFieldValues(fields, { city: "", orders: null, size: "  " })).toEqual({ set: {}, clear: ["city", "orders", "size"], errors: [] });
  });

  it("reports every problem with its field, and keeps the good values", () => {
    const result = readCustomFieldValues(fields, {
      city: "x".repeat(1_001),
      orders: "twelve",
      birthday: "1990-02-30",
      vip: "maybe",
      size: "XL",
      shoe: "42",
      ok: undefined,
    });
    expect(result.errors).toEqual([
      { key: "city", problem: "customFieldTooLong" },
      { key: "orders", problem: "customFieldNotANumber" },
      { key: "birthday", problem: "customFieldNotADate" },
      { key: "vip", problem: "customFieldNotABoolean" },
      { key: "size", problem: "customFieldNotAChoice" },
      { key: "shoe", problem: "customFieldUnknown" },
      { key: "ok", problem: "customFieldUnknown" },
    ]);
    expect(readCustomFieldValues(fields, { orders: "1e3", birthday: "28/02/1990" }).errors.map((e) => e.problem)).toEqual(["customFieldNotANumber", "customFieldNotADate"]);
  });
});
