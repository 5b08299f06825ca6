import { describe, expect, it } from "vitest";
import { DEFAULT_EMULATOR_PORT, emulatorPort } from "./port";

describe("emulatorPort", () => {
  it("takes EMULATOR_PORT, 0 included (any free port)", () => {
    expect(emulatorPort({ EMULATOR_PORT: "4510" })).toBe(4510);
    expect(emulatorPort({ EMULATOR_PORT: "0" })).toBe(0);
  });

  it("falls back to the default when unset or blank", () => {
    expect(emulatorPort({})).toBe(DEFAULT_EMULATOR_PORT);
    expect(emulatorPort({ EMULATOR_PORT: " " })).toBe(DEFAULT_EMULATOR_PORT);
  });

  it("refuses what is not a port instead of silently using another", () => {
    for (const bad of ["70000", "-1", "40a", "4010.5"]) expect(() => emulatorPort({ EMULATOR_PORT: bad })).toThrow(/EMULATOR_PORT/);
  });
});
