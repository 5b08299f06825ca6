/**
 * The one limiter on the real Postgres store: atomic under concurrency, one error shape with the
 * wait, and each limit checked where it guards (before anything is written or sent).
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { prisma } from "@/lib/db";
import * as email from "@/lib/email/send";
import { createInvitation } from "@/lib/services/invitations/invitations";
import { requestPasswordReset } from "@/lib/services/auth/password-reset";
import { sendMessage } from "@/lib/services/inbox/send-message";
import { uploadAttachment } from "@/lib/services/inbox/upload-attachment";
import { createTenant, uniqueEmail, uniqueSuffix } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import { LIMITS, consumeLimit, refundLimit, resetLimit, retryAfterSeconds, type LimitName } from "./index";

afterEach(() => vi.restoreAllMocks());

/** Uses up `name`'s allowance for `key`, as earlier requests would have. */
async function exhaust(name: LimitName, key: string): Promise<void> {
  for (let i = 0; i < LIMITS[name].points; i++) await consumeLimit(name, key);
}

describe("consumeLimit", () => {
  it("lets exactly the limit's worth through when attempts arrive in parallel", async () => {
    const key = `parallel-${uniqueSuffix()}`;
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => consumeLimit("sign-in:account", key)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(LIMITS["sign-in:account"].points);
    for (const refused of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(refused.reason).toMatchObject({ code: "rate_limited", messageKey: "tooManySignInAttempts", status: 429 });
    }
  });

  it("says how long to wait, for the message and for Retry-After", async () => {
    const key = `wait-${uniqueSuffix()}`;
    await exhaust("message-send:member", key);
    const error = await rejection(consumeLimit("message-send:member", key));
    expect(error).toMatchObject({ code: "rate_limited", messageKey: "sendingTooFast" });
    expect(error.params.seconds).toBeGreaterThan(50);
    expect(error.params.seconds).toBeLessThanOrEqual(60);
    expect(error.params.minutes).toBe(1);
    expect(retryAfterSeconds(error)).toBe(error.params.seconds);
    expect(retryAfterSeconds(new Error("other"))).toBeNull();
  });

  it("counts keys and limits apart", async () => {
    const key = `apart-${uniqueSuffix()}`;
    await exhaust("sign-in:account", key);
    await expect(consumeLimit("sign-in:account", `${key}-other`)).resolves.toBeUndefined();
    await expect(consumeLimit("password-reset:ip", key)).resolves.toBeUndefined();
  });

  it("starts again after a reset, and gives back one attempt on a refund", async () => {
    const key = `reset-${uniqueSuffix()}`;
    await exhaust("sign-in:account", key);
    await refundLimit("sign-in:account", key);
    await expect(consumeLimit("sign-in:account", key)).resolves.toBeUndefined();
    await expect(consumeLimit("sign-in:account", key)).rejects.toMatchObject({ code: "rate_limited" });
    await resetLimit("sign-in:account", key);
    await expect(consumeLimit("sign-in:account", key)).resolves.toBeUndefined();
  });
});

describe("where each limit bites", () => {
  it("password reset: per address, registered or not, with the same answer for both", async () => {
    vi.spyOn(email, "sendEmail").mockResolvedValue();
    for (const address of [uniqueEmail("nobody"), uniqueEmail("somebody")]) {
      for (let i = 0; i < LIMITS["password-reset:email"].points; i++) await requestPasswordReset({ email: address, locale: "en" });
      expect(await rejection(requestPasswordReset({ email: address, locale: "en" }))).toMatchObject({ messageKey: "tooManyPasswordResets" });
    }
    await expect(requestPasswordReset({ email: uniqueEmail("fresh"), locale: "en" })).resolves.toBeUndefined();
  });

  it("invitations: per inviting member, before anything is written or mailed", async () => {
    const sent: MockInstance<typeof email.sendEmail> = vi.spyOn(email, "sendEmail").mockResolvedValue();
    const t = await createTenant("R");
    await exhaust("invitation:member", `${t.workspace.id}:${t.owner.userId}`);
    const before = await prisma.invitation.count({ where: { workspaceId: t.workspace.id } });
    expect(await rejection(createInvitation(t.owner.ctx, { email: uniqueEmail("invitee"), role: "agent" }, { locale: "en" }))).toMatchObject({
      messageKey: "tooManyInvitations",
    });
    expect(await prisma.invitation.count({ where: { workspaceId: t.workspace.id } })).toBe(before);
    expect(sent).not.toHaveBeenCalled();
    // Another manager of the same workspace may still invite.
    await expect(createInvitation(t.admin.ctx, { email: uniqueEmail("invitee"), role: "agent" }, { locale: "en" })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("invitations: per workspace, whoever invites", async () => {
    vi.spyOn(email, "sendEmail").mockResolvedValue();
    const t = await createTenant("R");
    await exhaust("invitation:workspace", t.workspace.id);
    expect(await rejection(createInvitation(t.admin.ctx, { email: uniqueEmail("invitee"), role: "agent" }, { locale: "en" }))).toMatchObject({
      messageKey: "tooManyInvitations",
    });
  });

  it("inbox sends: per member and per workspace, before anything is written", async () => {
    const t = await createTenant("R");
    const conversationId = t.conversations[0]!.id;
    const send = (ctx = t.agent.ctx) =>
      sendMessage(ctx, { conversationId, idempotencyKey: randomUUID(), content: { type: "text", body: "hello" } });
    const messages = () => prisma.message.count({ where: { workspaceId: t.workspace.id } });
    const before = await messages();

    await exhaust("message-send:member", `${t.workspace.id}:${t.agent.userId}`);
    expect(await rejection(send())).toMatchObject({ code: "rate_limited", messageKey: "sendingTooFast" });
    expect(await messages()).toBe(before);

    await exhaust("message-send:workspace", t.workspace.id);
    expect(await rejection(send(t.admin.ctx))).toMatchObject({ code: "rate_limited", messageKey: "sendingTooFast" });
    expect(await messages()).toBe(before);
  });

  it("media uploads: per member", async () => {
    const t = await createTenant("R");
    await exhaust("media-upload:member", `${t.workspace.id}:${t.agent.userId}`);
    const file = new File([new Uint8Array([1, 2, 3])], "note.txt", { type: "text/plain" });
    expect(await rejection(uploadAttachment(t.agent.ctx, { conversationId: t.conversations[0]!.id, file }))).toMatchObject({
      messageKey: "uploadingTooFast",
    });
    expect(await prisma.media.count({ where: { workspaceId: t.workspace.id } })).toBe(0);
  });
});
