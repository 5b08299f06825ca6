import { describe, expect, it } from "vitest";
import { normalizePhone } from "./phone";

const e164 = (input: string, country: string) => {
  const result = normalizePhone(input, country);
  return result.ok ? result.e164 : result.problem;
};

describe("normalizePhone", () => {
  it("reads national numbers with the workspace's country, in the ways people write them", () => {
    const cases: [string, string, string][] = [
      ["0812 3456 7890", "ID", "+6281234567890"],
      ["0812-3456-7890", "ID", "+6281234567890"],
      ["(021) 5794 6789", "ID", "+622157946789"],
      ["(415) 555-2671", "US", "+14155552671"],
      ["415.555.2671", "US", "+14155552671"],
      ["020 7946 0958", "GB", "+442079460958"],
      ["07911 123456", "GB", "+447911123456"],
      ["030 901820", "DE", "+4930901820"],
      ["0151 23456789", "DE", "+4915123456789"],
      ["98765 43210", "IN", "+919876543210"],
      ["(11) 98765-4321", "BR", "+5511987654321"],
      ["0803 123 4567", "NG", "+2348031234567"],
      ["55 1234 5678", "MX", "+525512345678"],
      ["8123 4567", "SG", "+6581234567"],
      ["050 123 4567", "AE", "+971501234567"],
    ];
    for (const [input, country, expected] of cases) expect(e164(input, country), `${input} (${country})`).toBe(expected);
  });

  it("reads international numbers whatever the default country, with +, 00 or only digits", () => {
    expect(e164("+44 20 7946 0958", "ID")).toBe("+442079460958");
    expect(e164("+1 (415) 555-2671", "DE")).toBe("+14155552671");
    expect(e164("00 49 30 901820", "ID")).toBe("+4930901820");
    expect(e164("6281234567890", "ID")).toBe("+6281234567890");
    expect(e164("4915123456789", "ID")).toBe("+4915123456789");
    expect(e164("447911123456", "US")).toBe("+447911123456");
  });

  it("gives WhatsApp's id and the number's country", () => {
    expect(normalizePhone("0812 3456 7890", "id")).toEqual({ ok: true, e164: "+6281234567890", waId: "6281234567890", country: "ID" });
  });

  it("says why a number is refused", () => {
    expect(e164("", "ID")).toBe("phoneEmpty");
    expect(e164("   ", "ID")).toBe("phoneEmpty");
    expect(e164("call me", "ID")).toBe("phoneNotANumber");
    expect(e164("+999 1234567", "ID")).toBe("phoneUnknownCountry");
    expect(e164("0812", "ID")).toBe("phoneTooShort");
    expect(e164("0812345678901234567", "ID")).toBe("phoneTooLong");
    // The right length but not in the US number plan (area codes never start with 1).
    expect(e164("(123) 555-2671", "US")).toBe("phoneInvalid");
  });
});
