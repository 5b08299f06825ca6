/**
 * Helpers for the emulator's tests: a webhook receiver that checks Meta's signature with the app
 * secret, an emulator with fast statuses, and a small Graph API client over real HTTP.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type EmulatorOptions, type RunningEmulator, startWhatsAppEmulator } from "./index";

export const APP_SECRET = "test-app-secret-0123456789";
export const TOKEN = "emulator-access-token";
export const PHONE_ID = "100000000000001";
export const WABA_ID = "200000000000001";
export const CUSTOMER = "16505551234";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  raw: string;
  /** The X-Hub-Signature-256 matched the HMAC of the raw body with APP_SECRET. */
  signatureValid: boolean;
  payload: WebhookBody;
}

/** Loose view of a webhook body, enough to walk it in tests. */
export interface WebhookBody {
  object: string;
  entry: {
    id: string;
    time?: number;
    changes: {
      field: string;
      value: Record<string, unknown> & { statuses?: Status[]; messages?: Record<string, unknown>[]; contacts?: unknown[] };
    }[];
  }[];
}

export interface Status {
  id: string;
  status: string;
  timestamp: string;
  recipient_id: string;
  biz_opaque_callback_data?: string;
  conversation?: { id: string; expiration_timestamp?: string; origin: { type: string } };
  pricing?: { billable: boolean; pricing_model: string; type: string; category: string };
  errors?: { code: number; title: string; message: string; error_data: { details: string } }[];
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** HTTP status to answer the nth POST (0-based, counted over the receiver's life, see `requests`); default 200. */
  respond: (index: number) => number;
  /** POSTs received so far, answered 2xx or not. */
  requests: number;
  statuses(): Status[];
  messages(): Record<string, unknown>[];
  templateUpdates(): Record<string, unknown>[];
  /** The `value` of every change of one field (message_template_quality_update, template_category_update, …). */
  changes(field: string): Record<string, unknown>[];
  close(): Promise<void>;
}

export function verifySignature(raw: string, header: string | string[] | undefined, secret = APP_SECRET): boolean {
  if (typeof header !== "string" || !header.startsWith("sha256=")) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(raw).digest("hex"));
  const given = Buffer.from(header.slice("sha256=".length));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: "",
    received: [],
    respond: () => 200,
    requests: 0,
    statuses: () => receiver.received.flatMap((r) => r.payload.entry.flatMap((e) => e.changes.flatMap((c) => c.value.statuses ?? []))),
    messages: () => receiver.received.flatMap((r) => r.payload.entry.flatMap((e) => e.changes.flatMap((c) => c.value.messages ?? []))),
    templateUpdates: () => receiver.changes("message_template_status_update"),
    changes: (field) =>
      receiver.received.flatMap((r) => r.payload.entry.flatMap((e) => e.changes.filter((c) => c.field === field).map((c) => c.value))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const status = receiver.respond(receiver.requests++);
      if (status >= 200 && status < 300) {
        receiver.received.push({
          headers: req.headers,
          raw,
          signatureValid: verifySignature(raw, req.headers["x-hub-signature-256"]),
          payload: JSON.parse(raw) as WebhookBody,
        });
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/whatsapp`;
  return receiver;
}

export const FAST_STATUSES = { sentDelayMs: 5, deliveredDelayMs: 10, readDelayMs: 15, deliveredProbability: 1, readProbability: 1 };

export function startEmulator(receiver: Receiver | undefined, options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  return startWhatsAppEmulator({
    port: 0,
    appSecret: APP_SECRET,
    webhookUrl: receiver?.url,
    statuses: FAST_STATUSES,
    templateReview: { delayMs: 10 },
    webhookRetry: { attempts: 3, baseDelayMs: 5 },
    ...options,
  });
}

export interface GraphResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product: string; details: string };
    fbtrace_id: string;
    error_user_title?: string;
    error_user_msg?: string;
    is_transient?: boolean;
  };
}

export async function graph<T = Record<string, unknown>>(
  emulator: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = TOKEN,
): Promise<GraphResponse<T>> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let payload: string | FormData | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${emulator.url}${path}`, { method, headers, body: payload });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
}

/** POST /v23.0/{phone}/messages. */
export function send(
  emulator: RunningEmulator,
  message: Record<string, unknown>,
  options: { version?: string; token?: string | null; phoneId?: string } = {},
) {
  return graph<SendResponse & GraphErrorBody>(
    emulator,
    "POST",
    `/${options.version ?? "v23.0"}/${options.phoneId ?? PHONE_ID}/messages`,
    { messaging_product: "whatsapp", to: CUSTOMER, ...message },
    options.token === undefined ? TOKEN : options.token,
  );
}

export interface SendResponse {
  messaging_product: string;
  contacts: { input: string; wa_id: string }[];
  messages: { id: string; message_status: string }[];
}

export function uploadForm(
  bytes: Buffer,
  mimeType: string,
  filename = "file.bin",
  fields: Record<string, string> = { messaging_product: "whatsapp" },
): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append("type", mimeType);
  form.append("file", new Blob([new Uint8Array(bytes)], { type: mimeType }), filename);
  return form;
}

export async function upload(emulator: RunningEmulator, bytes: Buffer, mimeType: string, filename?: string): Promise<string> {
  const response = await graph<{ id: string }>(emulator, "POST", `/v23.0/${PHONE_ID}/media`, uploadForm(bytes, mimeType, filename));
  if (response.status !== 200) throw new Error(`upload failed: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** Any numeric id is an app id to the emulator's POST /{app-id}/uploads. */
export const APP_ID = "584544743160774";

/** A template media sample through the Resumable Upload API over HTTP, in one POST; its file handle. */
export async function uploadSample(emulator: RunningEmulator, bytes: Buffer, fileType: string, fileName = "sample.bin"): Promise<string> {
  const query = new URLSearchParams({ file_name: fileName, file_length: String(bytes.length), file_type: fileType });
  const session = await graph<{ id: string }>(emulator, "POST", `/v23.0/${APP_ID}/uploads?${query}`);
  if (session.status !== 200) throw new Error(`upload session failed: ${JSON.stringify(session.body)}`);
  const response = await fetch(`${emulator.url}/v23.0/${session.body.id}`, {
    method: "POST",
    headers: { authorization: `OAuth ${TOKEN}`, file_offset: "0" },
    body: new Uint8Array(bytes),
  });
  const answer = (await response.json()) as { h?: string };
  if (!answer.h) throw new Error(`upload failed: ${JSON.stringify(answer)}`);
  return answer.h;
}

/** A wamid as Meta makes them: "wamid." + base64. */
export const WAMID = /^wamid\.[A-Za-z0-9+/]+={0,2}$/;
