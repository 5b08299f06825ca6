import { describe, expect, it } from "vitest";
import { mapUrl, payload, text } from "./content";

describe("payload", () => {
  it("reads inbound (flat) and outbound (nested) shapes alike", () => {
    expect(payload({ body: "hi" }, "text")).toEqual({ body: "hi" });
    expect(payload({ type: "text", text: { body: "hi" } }, "text")).toEqual({ body: "hi" });
  });
  it("never trusts a wrong shape", () => {
    expect(text(payload({ text: 42 }, "text").body)).toBeNull();
  });
});

describe("mapUrl", () => {
  it("points OpenStreetMap at the coordinates", () => {
    expect(mapUrl(-6.2, 106.8)).toBe("https://www.openstreetmap.org/?mlat=-6.2&mlon=106.8#map=16/-6.2/106.8");
  });
});
