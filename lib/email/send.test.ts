import { afterEach, describe, expect, it, vi } from "vitest";

/** What the email module logged, captured at the logger (the log sink is the boundary here). */
const logged = vi.hoisted(() => [] as { level: string; fields: unknown; message?: string }[]);
vi.mock("@/lib/log", () => ({
  logger: () => ({
    info: (fields: unknown, message?: string) => logged.push({ level: "info", fields, message }),
    warn: (fields: unknown, message?: string) => logged.push({ level: "warn", fields, message }),
  }),
}));

const LINK = "https://parley.test/reset-password?token=secret-token-value";

async function sendWith(nodeEnv: "development" | "production" | "test") {
  vi.stubEnv("NODE_ENV", nodeEnv);
  vi.stubEnv("SMTP_URL", "");
  vi.resetModules(); // lib/env reads the environment once per module graph
  const { sendEmail } = await import("./send");
  await sendEmail({ to: "siti@example.com", subject: "Reset your password", text: `Open ${LINK} within an hour.` });
}

afterEach(() => {
  logged.length = 0;
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("sendEmail without SMTP_URL", () => {
  it("writes the message, link included, to the log in development, so a local user can follow it", async () => {
    await sendWith("development");
    expect(JSON.stringify(logged)).toContain(LINK);
  });

  for (const nodeEnv of ["production", "test"] as const) {
    it(`never logs the body in ${nodeEnv}: only recipient and subject, as a warning`, async () => {
      await sendWith(nodeEnv);
      expect(logged).toEqual([{ level: "warn", fields: { to: "siti@example.com", subject: "Reset your password" }, message: expect.any(String) }]);
      expect(JSON.stringify(logged)).not.toContain("secret-token-value");
    });
  }
});
