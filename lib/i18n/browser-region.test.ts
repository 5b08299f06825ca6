import { describe, expect, it } from "vitest";
import { countryForTimezone, matchTimezone, suggestRegion } from "./browser-region";

const offered = {
  countries: ["DE", "DK", "GB", "ID", "IN", "SG", "UA", "US"],
  timezones: ["UTC", "Asia/Jakarta", "Asia/Makassar", "Asia/Kolkata", "Europe/Berlin", "Europe/Copenhagen", "Europe/Kyiv", "America/New_York"],
};

describe("countryForTimezone", () => {
  it("names the country a zone is first of", () => {
    expect(countryForTimezone("Asia/Jakarta")).toBe("ID");
    expect(countryForTimezone("Asia/Makassar")).toBe("ID");
    // Europe/Berlin also serves Denmark, Norway and Sweden since tzdata merged them; Germany comes first.
    expect(countryForTimezone("Europe/Berlin")).toBe("DE");
    expect(countryForTimezone("Europe/Copenhagen")).toBe("DK");
    expect(countryForTimezone("America/New_York")).toBe("US");
  });

  it("knows zones by their old names", () => {
    expect(countryForTimezone("Asia/Calcutta")).toBe("IN");
    expect(countryForTimezone("Europe/Kiev")).toBe("UA");
  });

  it("names none for zones of no country", () => {
    expect(countryForTimezone("UTC")).toBeUndefined();
    expect(countryForTimezone("Etc/GMT+5")).toBeUndefined();
    expect(countryForTimezone("Mars/Olympus_Mons")).toBeUndefined();
  });
});

describe("matchTimezone", () => {
  it("takes an offered zone as it is", () => {
    expect(matchTimezone("Asia/Jakarta", offered.timezones)).toBe("Asia/Jakarta");
    expect(matchTimezone("UTC", offered.timezones)).toBe("UTC");
  });

  it("finds the offered spelling of a zone the browser names otherwise", () => {
    expect(matchTimezone("Asia/Calcutta", offered.timezones)).toBe("Asia/Kolkata");
    expect(matchTimezone("Europe/Kiev", offered.timezones)).toBe("Europe/Kyiv");
    expect(matchTimezone("Asia/Kolkata", ["Asia/Calcutta"])).toBe("Asia/Calcutta");
  });

  it("finds nothing for a zone not offered", () => {
    expect(matchTimezone("Asia/Tokyo", offered.timezones)).toBeUndefined();
  });
});

describe("suggestRegion", () => {
  it("proposes the browser's zone and that zone's country over its language's region", () => {
    expect(suggestRegion({ timeZone: "Asia/Jakarta", languages: ["en-US", "en"] }, offered)).toEqual({ timezone: "Asia/Jakarta", country: "ID" });
    expect(suggestRegion({ timeZone: "Europe/Berlin", languages: ["en-US"] }, offered)).toEqual({ timezone: "Europe/Berlin", country: "DE" });
  });

  it("falls back on the first language that names an offered region", () => {
    expect(suggestRegion({ timeZone: "UTC", languages: ["id", "en-GB", "en-US"] }, offered)).toEqual({ timezone: "UTC", country: "GB" });
    expect(suggestRegion({ timeZone: "Asia/Singapore", languages: ["not a tag", "en-SG"] }, offered)).toEqual({ timezone: undefined, country: "SG" });
  });

  it("skips a country that is not offered", () => {
    expect(suggestRegion({ timeZone: "Asia/Tokyo", languages: ["ja-JP"] }, offered)).toEqual({ timezone: undefined, country: undefined });
  });
});
