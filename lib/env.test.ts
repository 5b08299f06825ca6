import { describe, expect, it } from "vitest";
import { assertProductionEnv, missingProductionEnv, PRODUCTION_REQUIRED } from "./env";

const complete = {
  DATABASE_URL: "postgresql://parley@db.example.com:5432/parley",
  AUTH_SECRET: "s".repeat(32),
  APP_ENCRYPTION_KEY: "k".repeat(44),
};

describe("missingProductionEnv", () => {
  it("is empty when every required variable is set", () => {
    expect(missingProductionEnv(complete)).toEqual([]);
  });

  it("names exactly the missing ones, blank counting as missing", () => {
    expect(missingProductionEnv({ ...complete, AUTH_SECRET: undefined })).toEqual(["AUTH_SECRET"]);
    expect(missingProductionEnv({ ...complete, DATABASE_URL: "", APP_ENCRYPTION_KEY: "   " })).toEqual(["DATABASE_URL", "APP_ENCRYPTION_KEY"]);
    expect(missingProductionEnv({})).toEqual([...PRODUCTION_REQUIRED]);
  });

  it("ignores unrelated variables", () => {
    expect(missingProductionEnv({ ...complete, SMTP_URL: undefined, PUSHER_KEY: "" })).toEqual([]);
  });
});

describe("assertProductionEnv", () => {
  it("passes with everything set", () => {
    expect(() => assertProductionEnv(complete)).not.toThrow();
  });

  it("throws one message naming every missing variable and none of the present ones", () => {
    let message = "";
    try {
      assertProductionEnv({ DATABASE_URL: complete.DATABASE_URL });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("AUTH_SECRET");
    expect(message).toContain("APP_ENCRYPTION_KEY");
    expect(message).not.toContain("DATABASE_URL");
  });

  it("never echoes a secret's value", () => {
    let message = "";
    try {
      assertProductionEnv({ ...complete, APP_ENCRYPTION_KEY: "" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("APP_ENCRYPTION_KEY");
    expect(message).not.toContain(complete.AUTH_SECRET);
    expect(message).not.toContain(complete.DATABASE_URL);
  });
});
