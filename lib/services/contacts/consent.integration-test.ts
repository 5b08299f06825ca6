/**
 * Consent through the webhook pipeline, from Meta-format deliveries: a customer's STOP / START,
 * a sentence that is not a keyword, a redelivery, and Meta's 131050 on one of our messages.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createNumber, createOutbound, deliver, FIXTURE_WA_ID, fixtureFor, redelivery, tagged, type Payload, type TestNumber } from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

let number: TestNumber;
let tag: string;
beforeEach(async () => {
  number = await createNumber("consent");
  tag = uniqueSuffix();
});

const value = (payload: Payload) => ((((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload));

/** The text fixture with `body`, a wamid of its own, written `secondsLater` after the fixture's time. */
function customerWrites(body: string, n: number): Payload {
  const payload = fixtureFor("text", number, `${tag}-${n}`);
  const message = (value(payload).messages as Record<string, unknown>[])[0]!;
  message.text = { body };
  message.timestamp = String(Math.floor(Date.now() / 1000) - 60 + n);
  return payload;
}

// No hooks: what onProcessed does with the outcome (the confirmation task) has its own test.
const noHooks = { hooks: {} };
const contact = () => prisma.contact.findUniqueOrThrow({ where: { workspaceId_waId: { workspaceId: number.workspaceId, waId: FIXTURE_WA_ID } } });
const events = async () => (await prisma.consentEvent.findMany({ where: { workspaceId: number.workspaceId }, orderBy: { createdAt: "asc" } })).map((e) => [e.kind, e.source, e.detail]);

describe("consent keywords", () => {
  it("opts a customer out on STOP (once, however often Meta redelivers it) and back in on START", async () => {
    const stop = customerWrites("Stop!", 1);
    const outcome = await deliver(stop, noHooks);
    const stopped = await contact();
    expect(stopped).toMatchObject({ optOutSource: "keyword", optOutReason: "Wrote STOP" });
    expect(stopped.optedOutAt).toBeInstanceOf(Date);
    expect(outcome.consent).toEqual([{ workspaceId: number.workspaceId, contactId: stopped.id, messageId: expect.any(String), kind: "opt_out", source: "keyword" }]);
    // The keyword is still a message in the inbox.
    expect(await prisma.message.findUniqueOrThrow({ where: { id: outcome.consent[0]!.messageId } })).toMatchObject({ previewText: "Stop!", direction: "inbound" });

    // Meta redelivers the same message in other bytes: nothing new.
    const again = await deliver(redelivery(stop, 2), noHooks);
    expect(again.consent).toEqual([]);
    // A second STOP while opted out changes nothing either (no second confirmation).
    expect((await deliver(customerWrites("STOP", 2), noHooks)).consent).toEqual([]);

    const start = await deliver(customerWrites("start", 3), noHooks);
    expect(start.consent).toMatchObject([{ kind: "opt_in", source: "keyword" }]);
    expect(await contact()).toMatchObject({ optedOutAt: null, optOutReason: null, optOutSource: null, optInSource: "keyword" });
    expect((await contact()).optedInAt).toBeInstanceOf(Date);
    expect(await events()).toEqual([
      ["opt_out", "keyword", "STOP"],
      ["opt_in", "keyword", "START"],
    ]);
  });

  it("leaves a sentence that contains a keyword alone, and follows the workspace's own list", async () => {
    expect((await deliver(customerWrites("please don't stop the promos", 1), noHooks)).consent).toEqual([]);
    expect((await contact()).optedOutAt).toBeNull();
    await prisma.workspace.update({ where: { id: number.workspaceId }, data: { optOutKeywords: ["CANCEL"] } });
    expect((await deliver(customerWrites("stop", 2), noHooks)).consent).toEqual([]);
    expect((await deliver(customerWrites("Cancel", 3), noHooks)).consent).toMatchObject([{ kind: "opt_out" }]);
    expect(await events()).toEqual([["opt_out", "keyword", "CANCEL"]]);
  });
});

describe("Meta's 131050", () => {
  it("opts out the contact of the message Meta refused, once", async () => {
    const wamid = tagged("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNkE4OTQ5NTE4NkVFMDNENDcA", tag);
    const messageId = await createOutbound(number, wamid, "sent");
    const payload = fixtureFor("status-failed", number, tag);
    const status = (value(payload).statuses as Record<string, unknown>[])[0]!;
    status.errors = [{ code: 131050, title: "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.", message: "Unable to deliver" }];

    const outcome = await deliver(payload, noHooks);
    expect(outcome.consent).toEqual([{ workspaceId: number.workspaceId, contactId: (await contact()).id, messageId, kind: "opt_out", source: "meta" }]);
    expect(await contact()).toMatchObject({ optOutSource: "meta", optOutReason: expect.stringContaining("stop receiving marketing messages") });
    expect((await deliver(redelivery(payload, 2), noHooks)).consent).toEqual([]);
    expect(await events()).toEqual([["opt_out", "meta", expect.stringContaining("stop receiving")]]);
  });

  it("changes no consent for another failure", async () => {
    const wamid = tagged("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNkE4OTQ5NTE4NkVFMDNENDcA", tag);
    await createOutbound(number, wamid, "sent");
    expect((await deliver(fixtureFor("status-failed", number, tag), noHooks)).consent).toEqual([]);
    expect((await contact()).optedOutAt).toBeNull();
  });
});
