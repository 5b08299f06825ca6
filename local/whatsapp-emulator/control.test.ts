/** The /_emulator control endpoints, the customer page, and `npm run emulator` (cli.ts). */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { APP_SECRET, CUSTOMER, graph, type Receiver, send, startEmulator, startReceiver, TOKEN, upload, WAMID } from "./test-support";

let receiver: Receiver;
let emulator: RunningEmulator;

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startEmulator(receiver);
});
afterEach(async () => {
  await emulator.settle();
  emulator.reset();
  receiver.received.length = 0;
});
afterAll(async () => {
  await emulator.stop();
  await receiver.close();
});

async function control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${emulator.url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe("the page", () => {
  it("serves the send-as-a-customer page", async () => {
    const response = await fetch(`${emulator.url}/_emulator`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain('<form id="form">');
    expect(html).toContain('<option value="interactive_list_reply">');
    expect(html).toContain("/_emulator/customer-messages");
    expect(html).toContain("Sent by the business");
  });

  it("redirects / to the page", async () => {
    const response = await fetch(`${emulator.url}/`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/_emulator");
  });
});

describe("inspection", () => {
  it("GET /state describes the emulator", async () => {
    const { body } = await control<{ url: string; webhookUrl: string; phoneNumbers: { phoneNumberId: string }[] }>("GET", "/state");
    expect(body).toMatchObject({ url: emulator.url, webhookUrl: receiver.url, phoneNumbers: [{ phoneNumberId: "100000000000001" }] });
  });

  it("GET /sent lists what the business sent, newest first, with statuses", async () => {
    emulator.openWindow(CUSTOMER);
    await send(emulator, { type: "text", text: { body: "first" } });
    await send(emulator, { to: "16505550002", type: "template", template: { name: "hello_world", language: { code: "en_US" } } });
    await emulator.settle();
    const { body } = await control<{ data: { waId: string; type: string; statuses: { status: string }[] }[] }>("GET", "/sent");
    expect(body.data.map((message) => [message.waId, message.type, message.statuses.map((status) => status.status)])).toEqual([
      ["16505550002", "template", ["sent", "delivered", "read"]],
      [CUSTOMER, "text", ["sent", "delivered", "read"]],
    ]);
    const filtered = await control<{ data: unknown[] }>("GET", `/sent?wa_id=%2B${CUSTOMER}&limit=5`);
    expect(filtered.body.data).toHaveLength(1);
  });

  it("GET /inbound, /read-receipts, /media, /templates and /webhooks", async () => {
    const { wamid } = await emulator.sendAsCustomer({ from: CUSTOMER, type: "image" });
    await send(emulator, { to: undefined, status: "read", message_id: wamid });
    expect((await control<{ data: { wamid: string; delivered: boolean }[] }>("GET", "/inbound")).body.data).toEqual([
      expect.objectContaining({ wamid, delivered: true }),
    ]);
    expect((await control<{ data: { messageId: string }[] }>("GET", "/read-receipts")).body.data).toEqual([
      expect.objectContaining({ messageId: wamid }),
    ]);
    expect((await control<{ data: { origin: string; mimeType: string }[] }>("GET", "/media")).body.data).toEqual([
      expect.objectContaining({ origin: "customer", mimeType: "image/jpeg" }),
    ]);
    expect((await control<{ data: { name: string }[] }>("GET", "/templates")).body.data.map((template) => template.name)).toEqual([
      "hello_world",
      "order_shipped",
    ]);
    const webhooks = await control<{ data: { delivered: boolean; attempts: { status: number }[]; payload: unknown }[] }>(
      "GET",
      "/webhooks",
    );
    expect(webhooks.body.data).toEqual([
      expect.objectContaining({ delivered: true, attempts: [expect.objectContaining({ status: 200 })], payload: expect.any(Object) }),
    ]);
  });
});

describe("actions", () => {
  it("POST /templates/status changes a template and sends the webhook", async () => {
    const { status, body } = await control<{ status: string }>("POST", "/templates/status", {
      name: "hello_world",
      language: "en_US",
      status: "PAUSED",
    });
    expect(status).toBe(200);
    expect(body.status).toBe("PAUSED");
    expect(receiver.templateUpdates()).toEqual([expect.objectContaining({ event: "PAUSED", message_template_name: "hello_world" })]);
    expect((await control("POST", "/templates/status", { name: "nope", language: "en_US", status: "APPROVED" })).status).toBe(404);
    expect((await control("POST", "/templates/status", { status: "APPROVED" })).status).toBe(400);
  });

  it("POST /media/expire-urls expires the download URLs", async () => {
    const id = await upload(emulator, Buffer.from("x"), "text/plain");
    const node = await graph<{ url: string }>(emulator, "GET", `/v23.0/${id}`);
    expect((await control("POST", "/media/expire-urls")).body).toEqual({ success: true });
    expect((await fetch(node.body.url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it("POST /windows opens a customer's window without a webhook", async () => {
    expect((await control("POST", "/windows", { waId: "+1 650 555 1234" })).status).toBe(200);
    await send(emulator, { type: "text", text: { body: "inside" } });
    await emulator.settle();
    expect(emulator.sentMessages()[0]!.statuses.at(-1)!.status).toBe("read");
    expect(receiver.messages()).toHaveLength(0);
  });

  it("POST /statuses sends a status of the caller's choosing", async () => {
    const sent = await send(emulator, { type: "template", template: { name: "hello_world", language: { code: "en_US" } } });
    await emulator.settle();
    receiver.received.length = 0;
    const wamid = sent.body.messages[0]!.id;
    expect(
      (
        await control("POST", "/statuses", {
          wamid,
          status: "failed",
          error: {
            code: 131050,
            title:
              "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.",
          },
        })
      ).status,
    ).toBe(200);
    expect(receiver.statuses()).toEqual([
      expect.objectContaining({ id: wamid, status: "failed", errors: [expect.objectContaining({ code: 131050 })] }),
    ]);
    expect((await control("POST", "/statuses", { wamid: "wamid.nope", status: "read" })).status).toBe(404);
  });

  it("POST /reset forgets messages, media and windows, keeps the seed templates", async () => {
    await emulator.sendAsCustomer({ from: CUSTOMER, type: "image" });
    await send(emulator, { type: "text", text: { body: "x" } });
    await graph(emulator, "POST", "/v23.0/200000000000001/message_templates", {
      name: "temp",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "t" }],
    });
    await emulator.settle();
    expect((await control("POST", "/reset")).body).toEqual({ success: true });
    expect(emulator.sentMessages()).toEqual([]);
    expect(emulator.media()).toEqual([]);
    expect(emulator.customerMessages()).toEqual([]);
    expect(emulator.webhookDeliveries()).toEqual([]);
    expect(emulator.templates().map((template) => template.name)).toEqual(["hello_world", "order_shipped"]);
    await send(emulator, { type: "text", text: { body: "window closed again" } });
    await emulator.settle();
    expect(emulator.sentMessages()[0]!.statuses.at(-1)!.errors![0]!.code).toBe(131047);
  });

  it("answers 404 for an unknown control endpoint", async () => {
    expect((await control("GET", "/nope")).status).toBe(404);
  });
});

describe("npm run emulator (cli.ts)", () => {
  it("starts from the environment, prints its URL, serves, and stops on SIGTERM", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", "local/whatsapp-emulator/cli.ts"], {
      cwd: root,
      env: { ...process.env, EMULATOR_PORT: "0", EMULATOR_WEBHOOK_URL: receiver.url, META_APP_SECRET: APP_SECRET },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /WHATSAPP_EMULATOR_URL=(\S+)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`cli exited with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${url}/_emulator/customer-messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ from: CUSTOMER, type: "text", text: "from the cli" }),
      });
      expect(((await response.json()) as { wamid: string }).wamid).toMatch(WAMID);
      expect(receiver.received.at(-1)!.signatureValid).toBe(true);
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
