/**
 * The Trigger.dev path of enqueue, off the wire: the real @trigger.dev/sdk, pointed by
 * TRIGGER_API_URL at a local stand-in of the API that records what the SDK sends.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTriggerApiStandIn, type TriggerApiStandIn } from "@/local/trigger-api/stand-in";
import { echoTask } from "@/test/jobs/tasks";
import { enqueue } from "./enqueue";

let api: TriggerApiStandIn;
beforeAll(async () => {
  api = await startTriggerApiStandIn();
  process.env.TRIGGER_SECRET_KEY = "tr_dev_standin_secret";
  process.env.TRIGGER_API_URL = api.url;
});
afterAll(async () => {
  delete process.env.TRIGGER_SECRET_KEY;
  delete process.env.TRIGGER_API_URL;
  await api.close();
});

describe("enqueue on Trigger.dev", () => {
  it("triggers the task with its payload, queue, idempotency key, concurrency key and delay", async () => {
    const before = Date.now();
    const run = await enqueue(echoTask, { recordId: "imp_1", count: 3 }, { idempotencyKey: "contact-import:imp_1", concurrencyKey: "ws_1", delayMs: 60_000 });
    expect(run).toEqual({ id: expect.stringMatching(/^run_/), isCached: false });

    const [request] = api.requests;
    expect(request).toMatchObject({ method: "POST", path: "/api/v1/tasks/test-echo/trigger", authorization: "Bearer tr_dev_standin_secret" });
    const [body] = api.triggers("test-echo");
    expect(body!.options.payloadType).toBe("application/super+json");
    expect((JSON.parse(body!.payload) as { json: unknown }).json).toEqual({ recordId: "imp_1", count: 3 });
    expect(body!.options.queue).toEqual({ name: "test-jobs" });
    expect(body!.options.concurrencyKey).toBe("ws_1");
    // A global idempotency key travels hashed, with the key it was made from beside it.
    expect(body!.options.idempotencyKeyOptions).toEqual({ key: "contact-import:imp_1", scope: "global" });
    expect(body!.options.idempotencyKey).toBe(createHash("sha256").update("contact-import:imp_1").digest("hex"));
    const delay = new Date(body!.options.delay!).getTime();
    expect(delay).toBeGreaterThanOrEqual(before + 60_000);
    expect(delay).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it("reports a repeated idempotency key as the same, cached run", async () => {
    const first = await enqueue(echoTask, { recordId: "imp_2", count: 1 }, { idempotencyKey: "contact-import:imp_2" });
    const second = await enqueue(echoTask, { recordId: "imp_2", count: 1 }, { idempotencyKey: "contact-import:imp_2" });
    expect(second).toEqual({ id: first.id, isCached: true });
    const bodies = api.triggers("test-echo").slice(-2);
    expect(bodies[0]!.options.idempotencyKey).toBe(bodies[1]!.options.idempotencyKey);
    // No delay asked, none sent; no concurrency key either.
    expect(bodies[1]!.options.delay).toBeUndefined();
    expect(bodies[1]!.options.concurrencyKey).toBeUndefined();
  });

  it("refuses a payload its schema refuses, before anything leaves", async () => {
    const sent = api.requests.length;
    // @ts-expect-error — count must be a number: the point is what happens when a caller gets it wrong.
    await expect(enqueue(echoTask, { recordId: "imp_3", count: "three" }, { idempotencyKey: "x" })).rejects.toThrow();
    await expect(enqueue(echoTask, { recordId: "", count: 1 }, { idempotencyKey: "y" })).rejects.toThrow();
    expect(api.requests.length).toBe(sent);
  });
});
