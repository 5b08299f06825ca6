/**
 * The webhook route as Meta calls it: the handshake, signature checks (nothing stored unless
 * verified), size and shape limits, and the store-then-process flow with `after()`.
 */
import type * as NextServer from "next/server";
import pg from "pg";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { encryptSecret } from "@/lib/crypto/secrets";
import { prisma } from "@/lib/db";
import { clearSignerCache } from "@/lib/services/webhooks/signing-secrets";
import { signWebhookBody } from "@/lib/whatsapp/webhook/signature";
import { discardAfter, drainAfter, pendingAfter } from "@/test/webhooks/after-queue";
import {
  countRows,
  createNumber,
  fixtureFor,
  loadFixture,
  PLATFORM_SECRET,
  retarget,
  webhookRequest,
  withTag,
  type TestNumber,
} from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";
import { GET, POST } from "./route";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
  process.env.WHATSAPP_WEBHOOK_VERIFY_TOKEN = "platform-verify-token";
});

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (await import("@/test/webhooks/after-queue")).enqueueAfter,
}));

beforeEach(() => {
  discardAfter();
  clearSignerCache();
});

function handshake(params: Record<string, string>): Request {
  return new Request(`http://localhost/api/webhooks/whatsapp?${new URLSearchParams(params)}`);
}

describe("GET (subscription handshake)", () => {
  it("echoes the challenge as plain text for the platform's verify token", async () => {
    const response = await GET(
      handshake({ "hub.mode": "subscribe", "hub.verify_token": "platform-verify-token", "hub.challenge": "1158201444" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe("1158201444");
  });

  it("echoes it for a connection's own verify token", async () => {
    const number = await createNumber("handshake");
    const token = (await prisma.whatsappConnection.findUniqueOrThrow({ where: { id: number.connectionId } })).webhookVerifyToken;
    const response = await GET(handshake({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "abc" }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("abc");
  });

  it("refuses an unknown token, another mode, or a missing challenge with 403", async () => {
    const cases: Record<string, string>[] = [
      { "hub.mode": "subscribe", "hub.verify_token": "nope", "hub.challenge": "1" },
      { "hub.mode": "unsubscribe", "hub.verify_token": "platform-verify-token", "hub.challenge": "1" },
      { "hub.mode": "subscribe", "hub.verify_token": "platform-verify-token" },
      { "hub.mode": "subscribe", "hub.challenge": "1" },
      {},
    ];
    for (const params of cases) {
      const response = await GET(handshake(params));
      expect(response.status, JSON.stringify(params)).toBe(403);
      expect(await response.text()).not.toContain("1");
    }
  });
});

describe("POST", () => {
  let number: TestNumber;
  beforeEach(async () => {
    number = await createNumber("route");
  });

  it("stores the verified event before answering 200, then processes it after the response", async () => {
    const tag = uniqueSuffix();
    const response = await POST(webhookRequest(fixtureFor("text", number, tag)));
    expect(response.status).toBe(200);

    const event = await prisma.webhookEvent.findFirstOrThrow({ where: { workspaceId: number.workspaceId } });
    expect(event).toMatchObject({ phoneNumberId: number.phoneNumberId, processedAt: null, attempts: 0 });
    expect(event.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(await prisma.message.count({ where: { workspaceId: number.workspaceId } })).toBe(0);
    expect(pendingAfter()).toBe(1);

    await drainAfter();
    const processed = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(processed.processedAt).not.toBeNull();
    expect(processed.error).toBeNull();
    const message = await prisma.message.findFirstOrThrow({ where: { workspaceId: number.workspaceId } });
    expect(message).toMatchObject({
      direction: "inbound",
      status: "received",
      type: "text",
      previewText: "Does it come in another color?",
    });
  });

  it("acknowledges a known number's delivery with a single database round trip (the INSERT)", async () => {
    await POST(webhookRequest(fixtureFor("text", number, uniqueSuffix()))); // warms the secret cache
    discardAfter();
    // Every statement of every pooled connection (Prisma's and the raw INSERT's) goes through here.
    const statements = vi.spyOn(pg.Client.prototype, "query");
    try {
      expect((await POST(webhookRequest(fixtureFor("image", number, uniqueSuffix())))).status).toBe(200);
      expect(statements).toHaveBeenCalledTimes(1);
      expect(String(statements.mock.calls[0]?.[0])).toMatch(/^INSERT INTO .*"WebhookEvent"/);
    } finally {
      statements.mockRestore();
    }
  });

  it("a replayed delivery (the same signed bytes again) is answered 200, stored once and processed once", async () => {
    const body = JSON.stringify(fixtureFor("text", number, uniqueSuffix()));
    expect((await POST(webhookRequest(body))).status).toBe(200);
    await drainAfter();
    for (let replay = 0; replay < 3; replay++) expect((await POST(webhookRequest(body))).status).toBe(200);
    expect(pendingAfter()).toBe(0); // nothing scheduled for the replays
    expect(await prisma.webhookEvent.count({ where: { workspaceId: number.workspaceId } })).toBe(1);
    expect(await prisma.message.count({ where: { workspaceId: number.workspaceId } })).toBe(1);

    // The same content in other bytes (Meta batching a message again) is a new delivery: stored,
    // and processing (idempotent by wamid) adds nothing.
    expect((await POST(webhookRequest(JSON.stringify(JSON.parse(body), null, 1)))).status).toBe(200);
    await drainAfter();
    expect(await prisma.webhookEvent.count({ where: { workspaceId: number.workspaceId } })).toBe(2);
    expect(await prisma.message.count({ where: { workspaceId: number.workspaceId } })).toBe(1);
  });

  it("replays arriving at the same moment store one event", async () => {
    const body = JSON.stringify(fixtureFor("image", number, uniqueSuffix()));
    const answers = await Promise.all(Array.from({ length: 8 }, () => POST(webhookRequest(body))));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(await prisma.webhookEvent.count({ where: { workspaceId: number.workspaceId } })).toBe(1);
    expect(pendingAfter()).toBe(1);
  });

  it("a rotated app secret verifies at once, despite the cache", async () => {
    const own = await createNumber("rotating", { appSecret: "old-app-secret" });
    expect((await POST(webhookRequest(fixtureFor("text", own, uniqueSuffix()), { secret: "old-app-secret" }))).status).toBe(200);
    await prisma.whatsappConnection.update({
      where: { id: own.connectionId },
      data: { appSecretEncrypted: encryptSecret("new-app-secret") },
    });
    expect((await POST(webhookRequest(fixtureFor("image", own, uniqueSuffix()), { secret: "new-app-secret" }))).status).toBe(200);
    expect((await POST(webhookRequest(fixtureFor("video", own, uniqueSuffix()), { secret: "old-app-secret" }))).status).toBe(401);
  });

  it("verifies with the connection's own app secret when it has one", async () => {
    const own = await createNumber("own-app", { appSecret: "tenant-own-app-secret" });
    const payload = fixtureFor("text", own, uniqueSuffix());
    expect((await POST(webhookRequest(payload, { secret: PLATFORM_SECRET }))).status).toBe(401);
    expect((await POST(webhookRequest(payload, { secret: "tenant-own-app-secret" }))).status).toBe(200);
    expect(await prisma.webhookEvent.count({ where: { workspaceId: own.workspaceId } })).toBe(1);
  });

  describe("refuses, storing nothing", () => {
    async function expectRefused(request: Request, status: number) {
      const before = await countRows();
      const response = await POST(request);
      expect(response.status).toBe(status);
      expect(await countRows()).toEqual(before);
      expect(pendingAfter()).toBe(0);
    }

    it("401 for a missing signature", async () => {
      await expectRefused(webhookRequest(fixtureFor("text", number, uniqueSuffix()), { signature: null }), 401);
    });

    it("401 for a bad or malformed signature", async () => {
      const payload = fixtureFor("text", number, uniqueSuffix());
      for (const signature of ["sha256=" + "0".repeat(64), "sha256=abc", "sha1=" + "0".repeat(40), "", "sha256=" + "z".repeat(64)]) {
        await expectRefused(webhookRequest(payload, { signature }), 401);
      }
    });

    it("401 for a signature by the wrong secret", async () => {
      await expectRefused(webhookRequest(fixtureFor("text", number, uniqueSuffix()), { secret: "someone-elses-secret" }), 401);
    });

    it("401 when the body was changed after signing", async () => {
      const payload = fixtureFor("text", number, uniqueSuffix());
      const signature = signWebhookBody(JSON.stringify(payload), PLATFORM_SECRET);
      const tampered = JSON.stringify(payload).replace("another color", "a discount");
      await expectRefused(webhookRequest(tampered, { signature }), 401);
    });

    it("400 for malformed JSON or invalid UTF-8, even when signed", async () => {
      await expectRefused(webhookRequest('{"object":"whatsapp_business_account","entry":[', {}), 400);
      await expectRefused(webhookRequest("", {}), 400);
      await expectRefused(webhookRequest(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), {}), 400);
    });

    it("400 for absurd nesting, even when signed", async () => {
      await expectRefused(webhookRequest(`{"object":"whatsapp_business_account","entry":${"[".repeat(50_000)}${"]".repeat(50_000)}}`), 400);
    });

    it("413 for a body over the cap, by Content-Length or by counting", async () => {
      const big = `{"object":"whatsapp_business_account","entry":[],"pad":"${"x".repeat(4 * 1024 * 1024)}"}`;
      await expectRefused(webhookRequest(big), 413);
      const small = webhookRequest("{}");
      await expectRefused(
        new Request(small.url, {
          method: "POST",
          headers: { ...Object.fromEntries(small.headers), "content-length": "99999999" },
          body: "{}",
        }),
        413,
      );
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
          controller.close();
        },
      });
      const streamed = new Request("http://localhost/api/webhooks/whatsapp", {
        method: "POST",
        headers: { "x-hub-signature-256": "sha256=" + "0".repeat(64) },
        body: stream,
        duplex: "half",
      } as RequestInit);
      await expectRefused(streamed, 413);
    });
  });

  describe("a delivery naming several numbers", () => {
    it("is accepted when one secret signs for all of them", async () => {
      const other = await createNumber("platform-2");
      const tag = uniqueSuffix();
      const a = fixtureFor("text", number, tag);
      const b = fixtureFor("image", other, tag);
      const both = { object: "whatsapp_business_account", entry: [...(a.entry as unknown[]), ...(b.entry as unknown[])] };
      expect((await POST(webhookRequest(both))).status).toBe(200);
      const event = await prisma.webhookEvent.findFirstOrThrow({ orderBy: { receivedAt: "desc" } });
      expect(event.workspaceId).toBeNull(); // spans two tenants: belongs to neither
      await drainAfter();
      expect(await prisma.message.count({ where: { workspaceId: number.workspaceId } })).toBe(1);
      expect(await prisma.message.count({ where: { workspaceId: other.workspaceId } })).toBe(1);
    });

    it("is refused whole when any number's secret does not verify it", async () => {
      const own = await createNumber("own-app", { appSecret: "tenant-own-app-secret" });
      const tag = uniqueSuffix();
      const mixed = {
        object: "whatsapp_business_account",
        entry: [...(fixtureFor("text", own, tag).entry as unknown[]), ...(fixtureFor("image", number, tag).entry as unknown[])],
      };
      const before = await countRows();
      expect((await POST(webhookRequest(mixed, { secret: "tenant-own-app-secret" }))).status).toBe(401);
      expect((await POST(webhookRequest(mixed, { secret: PLATFORM_SECRET }))).status).toBe(401);
      expect(await countRows()).toEqual(before);
    });
  });

  it("records a delivery for an unknown number without a workspace, processed with a note", async () => {
    const tag = uniqueSuffix();
    const payload = withTag(retarget(loadFixture("text"), { phoneNumberId: "999000111", wabaId: "999000222" }), tag);
    expect((await POST(webhookRequest(payload))).status).toBe(200);
    await drainAfter();
    const event = await prisma.webhookEvent.findFirstOrThrow({ where: { phoneNumberId: "999000111" } });
    expect(event.workspaceId).toBeNull();
    expect(event.processedAt).not.toBeNull();
    expect(event.error).toMatch(/unknown phone number id 999000111/);
    expect(await prisma.message.count({ where: { wamid: { startsWith: `wamid.${tag}.` } } })).toBe(0);
    expect(await prisma.contact.count({ where: { waId: "16505551234", workspaceId: number.workspaceId } })).toBe(0);
  });

  it("acknowledges a signed delivery of another object, recording it as ignored", async () => {
    const response = await POST(webhookRequest({ object: "page", entry: [{ id: "1", messaging: [] }] }));
    expect(response.status).toBe(200);
    expect(pendingAfter()).toBe(0);
    const event = await prisma.webhookEvent.findFirstOrThrow({ orderBy: { receivedAt: "desc" } });
    expect(event.processedAt).not.toBeNull();
    expect(event.error).toMatch(/ignored/);
  });

  describe("hostile bodies, signed (a leaked secret, a confused sender)", () => {
    async function post(body: unknown): Promise<number> {
      const response = await POST(webhookRequest(typeof body === "string" ? body : JSON.stringify(body)));
      await drainAfter();
      return response.status;
    }

    it("wrong envelopes are acknowledged and recorded as ignored, never processed", async () => {
      for (const body of [
        "null",
        "123",
        '"whatsapp"',
        "[]",
        { object: "whatsapp_business_account", entry: {} },
        { object: ["whatsapp_business_account"], entry: [] },
      ]) {
        const before = await countRows();
        expect(await post(body)).toBe(200);
        expect(await countRows()).toEqual({ ...before, events: before.events! + 1 });
        const event = await prisma.webhookEvent.findFirstOrThrow({ orderBy: { receivedAt: "desc" } });
        expect(event.processedAt).not.toBeNull();
        expect(event.error).toMatch(/ignored/);
      }
    });

    it("wrong types, arrays for objects and numbers for strings inside are skipped with notes, writing nothing", async () => {
      const ours = { display_phone_number: "15550783881", phone_number_id: number.phoneNumberId };
      const body = {
        object: "whatsapp_business_account",
        entry: [
          1,
          "x",
          null,
          [],
          { id: number.wabaId, changes: "x" },
          {
            id: number.wabaId,
            changes: [
              1,
              { field: 5, value: {} },
              { field: "messages", value: [] },
              { field: "messages", value: { metadata: [] } },
              { field: "messages", value: { metadata: { phone_number_id: Number(number.phoneNumberId) } } },
              { field: "messages", value: { metadata: ours, messages: {} } },
              {
                field: "messages",
                value: { metadata: ours, contacts: {}, messages: [{ from: 16505551234, id: "wamid.h1", type: "text", text: "hello" }] },
              },
              {
                field: "messages",
                value: { metadata: ours, messages: [{ from: "16505551234", id: ["wamid.h2"], type: "text", text: { body: "x" } }] },
              },
              {
                field: "messages",
                value: { metadata: ours, messages: [{ from: "16505551234", id: "wamid.h3", type: "text", text: { body: ["x"] } }] },
              },
              {
                field: "messages",
                value: {
                  metadata: ours,
                  messages: [
                    { from: "16505551234", id: "wamid.h4", type: "location", location: { latitude: "37.4", longitude: "-122.1" } },
                  ],
                },
              },
              {
                field: "messages",
                value: { metadata: ours, statuses: [{ id: "wamid.h5", status: ["read"] }, "read", { id: { $gt: "" }, status: "read" }] },
              },
              { field: "message_template_status_update", value: { event: 1, message_template_id: { id: 1 } } },
              {
                field: "messages",
                value: { metadata: ours, messages: [{ from: "1".repeat(5000), id: "wamid.h6", type: "text", text: { body: "x" } }] },
              },
            ],
          },
        ],
      };
      const before = await countRows();
      expect(await post(body)).toBe(200);
      expect(await countRows()).toEqual({ ...before, events: before.events! + 1 });
      const event = await prisma.webhookEvent.findFirstOrThrow({ orderBy: { receivedAt: "desc" } });
      expect(event.processedAt).not.toBeNull();
      expect(event.attempts).toBe(0);
      expect(event.error).toMatch(/entry\[0\]/);
      expect(event.error).toMatch(/wamid\.h4: location: latitude/);
    });

    it("a huge text is stored whole, its preview short", async () => {
      const payload = fixtureFor("text", number, uniqueSuffix());
      const body = "🙂 spam ".repeat(300_000); // ~2.7 MB
      (
        (
          (((payload.entry as Record<string, unknown>[])[0]!.changes as Record<string, unknown>[])[0]!.value as Record<string, unknown>)
            .messages as Record<string, unknown>[]
        )[0]!.text as Record<string, unknown>
      ).body = body;
      expect(await post(payload)).toBe(200);
      const message = await prisma.message.findFirstOrThrow({ where: { workspaceId: number.workspaceId } });
      expect((message.content as { body: string }).body).toBe(body);
      expect(Array.from(message.previewText ?? "")).toHaveLength(500);
      const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: message.conversationId } });
      expect(Array.from(conversation.lastMessagePreview ?? "")).toHaveLength(160);
    });

    it("NUL characters and lone surrogates are stored, repaired", async () => {
      const tag = uniqueSuffix();
      const text = JSON.stringify(fixtureFor("text", number, tag)).replace("Does it come in another color?", "a\\u0000b\\ud800c");
      expect(await post(text)).toBe(200);
      const message = await prisma.message.findFirstOrThrow({ where: { workspaceId: number.workspaceId } });
      expect(message.content).toEqual({ body: "a\uFFFDb\uFFFDc" });
    });
  });
});
