import { describe, expect, it } from "vitest";
import { assertProductionEnv, configuredAppUrl, missingProductionEnv, PRODUCTION_REQUIRED } from "./env";

const complete = {
  DATABASE_URL: "postgresql://parley@db.example.com:5432/parley",
  AUTH_SECRET: "s".repeat(32),
  APP_ENCRYPTION_KEY: "k".repeat(44),
  APP_URL: "https://parley.example.com",
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

  it("requires APP_URL, or on Vercel its production domain instead", () => {
    const { APP_URL: _unset, ...withoutAppUrl } = complete;
    expect(missingProductionEnv(withoutAppUrl)).toEqual(["APP_URL"]);
    expect(missingProductionEnv({ ...withoutAppUrl, VERCEL_PROJECT_PRODUCTION_URL: "parley.example.com" })).toEqual(["APP_URL"]);
    expect(missingProductionEnv({ ...withoutAppUrl, VERCEL: "1", VERCEL_PROJECT_PRODUCTION_URL: "parley.example.com" })).toEqual([]);
    expect(missingProductionEnv({ ...withoutAppUrl, VERCEL: "1" })).toEqual(["APP_URL"]);
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

describe("configuredAppUrl", () => {
  it("is APP_URL, without a trailing slash", () => {
    expect(configuredAppUrl({ APP_URL: "https://parley.example.com/", NODE_ENV: "production" })).toBe("https://parley.example.com");
  });

  it("falls back on Vercel to its production domain over https", () => {
    expect(configuredAppUrl({ VERCEL: "1", VERCEL_PROJECT_PRODUCTION_URL: "parley.example.com", NODE_ENV: "production" })).toBe("https://parley.example.com");
    expect(configuredAppUrl({ VERCEL: "1", VERCEL_PROJECT_PRODUCTION_URL: "ignored.example.com", APP_URL: "https://own.example.com" })).toBe("https://own.example.com");
  });

  it("is localhost on the configured port in development and tests, and nothing in production", () => {
    expect(configuredAppUrl({ NODE_ENV: "development" })).toBe("http://localhost:3000");
    expect(configuredAppUrl({ NODE_ENV: "development", PORT: "3150" })).toBe("http://localhost:3150");
    expect(configuredAppUrl({ NODE_ENV: "production", PORT: "3000" })).toBeNull();
  });
});
