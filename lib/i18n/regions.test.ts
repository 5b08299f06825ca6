import { describe, expect, it } from "vitest";
import { timezoneSchema } from "@/lib/validation/workspace";
import { regionChoices } from "./regions";

describe("regionChoices", () => {
  it("names the countries in the page's language, sorted by name", () => {
    const en = regionChoices("en").countries;
    expect(en.find((c) => c.code === "DE")?.name).toBe("Germany");
    expect(regionChoices("id").countries.find((c) => c.code === "DE")?.name).toBe("Jerman");
    const names = en.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("offers only time zones the server accepts", () => {
    const { timezones } = regionChoices("en");
    expect(timezones).toContain("Asia/Jakarta");
    expect(timezones.filter((tz) => !timezoneSchema.safeParse(tz).success)).toEqual([]);
  });
});
