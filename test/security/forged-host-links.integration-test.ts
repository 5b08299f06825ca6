/**
 * Reset and invitation links point at APP_URL whatever Host a request claims: behind a proxy that
 * forwards Host (or X-Forwarded-Host), a link built from the request would send a victim's reset
 * token to an attacker's site. Driven through the real server actions, with the request's headers
 * forged and the mail server as the boundary.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import * as email from "@/lib/email/send";
import { signUp } from "@/lib/services/auth/sign-up";
import { createTenant, uniqueEmail } from "@/test/fixtures/tenants";

// APP_URL unset, as in a deployment that forgot it: links must still not follow the request, and
// fall back to the configured development/test origin (production refuses to start without it).
vi.hoisted(() => vi.stubEnv("APP_URL", ""));
const ORIGIN = "http://localhost:3000";
const FORGED = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" };
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(FORGED),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const auth = await import("@/app/actions/auth");
const members = await import("@/app/actions/members");

let sent: MockInstance<typeof email.sendEmail>;
beforeEach(() => {
  sent = vi.spyOn(email, "sendEmail").mockResolvedValue();
});
afterEach(() => vi.restoreAllMocks());

/** Every URL in the mails sent so far. */
const linksSent = () => sent.mock.calls.flatMap(([mail]) => mail.text.match(/https?:\/\/\S+/g) ?? []);

describe("links in emails under a forged Host", () => {
  it("a password-reset link points at the configured origin", async () => {
    const address = uniqueEmail("victim");
    await signUp({ name: "Victim", email: address, password: "a long password" });
    const result = await auth.requestPasswordResetAction({ email: address });
    expect(result?.data).toEqual({ sent: true });
    const links = linksSent();
    expect(links).toHaveLength(1);
    expect(links[0]?.startsWith(`${ORIGIN}/reset-password?token=`)).toBe(true);
    expect(links.join(" ")).not.toContain("evil.example");
  });

  it("an invitation link (also returned to the inviter) points at the configured origin", async () => {
    const tenant = await createTenant("L");
    session.user = { id: tenant.owner.userId, email: tenant.owner.email, name: tenant.owner.name, locale: null };
    const result = await members.inviteMemberAction({ slug: tenant.workspace.slug, email: uniqueEmail("invitee"), role: "agent" });
    expect(result?.data?.url?.startsWith(`${ORIGIN}/invite/`)).toBe(true);
    expect(linksSent()).toEqual([result?.data?.url]);
  });
});
