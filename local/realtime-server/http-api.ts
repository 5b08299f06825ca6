/**
 * Pusher's HTTP API as the `pusher` server SDK calls it: `POST /apps/{id}/events`,
 * `POST /apps/{id}/batch_events`, `GET /apps/{id}/channels` and
 * `POST /apps/{id}/users/{user_id}/terminate_connections`, every request signed
 * (lib signing.ts). Answers and error statuses follow Pusher's: 401 bad signature, 400 bad body,
 * 413 data over 10 KB, 404 unknown app or path.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Channels } from "./channels";
import {
  isValidChannelName,
  MAX_BATCH_EVENTS,
  MAX_CHANNELS_PER_EVENT,
  MAX_EVENT_DATA_BYTES,
  MAX_EVENT_NAME_LENGTH,
  MAX_HTTP_BODY_BYTES,
} from "./limits";
import { checkApiSignature, type AppCredentials } from "./signing";
import type { Users } from "./users";

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const channelName = z.string().refine(isValidChannelName, "Invalid channel name");
const eventName = z.string().min(1).max(MAX_EVENT_NAME_LENGTH);
const socketId = z.string().regex(/^\d+\.\d+$/, "Invalid socket_id");
const info = z.string().optional();

const eventBody = z
  .object({
    name: eventName,
    data: z.string(),
    channels: z.array(channelName).min(1).max(MAX_CHANNELS_PER_EVENT).optional(),
    channel: channelName.optional(),
    socket_id: socketId.optional(),
    info,
  })
  .refine((body) => Boolean(body.channels) !== Boolean(body.channel), "Give exactly one of channel or channels");

const batchBody = z.object({
  batch: z
    .array(z.object({ name: eventName, data: z.string(), channel: channelName, socket_id: socketId.optional(), info }))
    .max(MAX_BATCH_EVENTS, `Batch too large (at most ${MAX_BATCH_EVENTS} events)`),
});

const API_PATH = /^\/apps\/([^/]+)\/(events|batch_events|channels)$/;
const TERMINATE_PATH = /^\/apps\/([^/]+)\/users\/([^/]+)\/terminate_connections$/;

export async function handleApiRequest(app: AppCredentials, channels: Channels, users: Users, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://realtime.local");
    const terminate = TERMINATE_PATH.exec(url.pathname);
    const match = terminate ? [terminate[0], terminate[1], "terminate_connections"] : API_PATH.exec(url.pathname);
    if (!match) throw new HttpError(404, "Not found");
    const [, appId, action] = match;
    if (appId !== app.appId) throw new HttpError(404, `Unknown app id ${appId}`);
    const method = req.method ?? "GET";
    const expected = action === "channels" ? "GET" : "POST";
    if (method !== expected) throw new HttpError(405, `Use ${expected}`);

    const body = await readBody(req);
    const check = checkApiSignature(app, method, url.pathname, url.searchParams, body);
    if (!check.ok) throw new HttpError(check.status, check.message);

    if (action === "channels") return sendJson(res, 200, listChannels(channels, url.searchParams));
    if (action === "terminate_connections") {
      users.terminate(decodeURIComponent(terminate![2]!));
      return sendJson(res, 200, {});
    }
    const json = parseJson(body);
    if (action === "events") return sendJson(res, 200, triggerEvent(channels, json));
    return sendJson(res, 200, triggerBatch(channels, json));
  } catch (error) {
    if (error instanceof HttpError) return sendText(res, error.status, error.message);
    sendText(res, 500, "Internal error");
  }
}

function triggerEvent(channels: Channels, json: unknown): Record<string, never> {
  const event = parseOrThrow(eventBody, json);
  checkDataSize(event.data);
  for (const channel of event.channels ?? [event.channel!]) channels.publish(channel, event.name, event.data, event.socket_id);
  return {};
}

function triggerBatch(channels: Channels, json: unknown): { batch: Record<string, never>[] } {
  const { batch } = parseOrThrow(batchBody, json);
  // All or nothing, like Pusher: one oversized event refuses the whole batch.
  for (const event of batch) checkDataSize(event.data);
  for (const event of batch) channels.publish(event.channel, event.name, event.data, event.socket_id);
  return { batch: batch.map(() => ({})) };
}

function listChannels(channels: Channels, query: URLSearchParams): { channels: Record<string, Record<string, never>> } {
  const prefix = query.get("filter_by_prefix") ?? "";
  return { channels: Object.fromEntries(channels.occupied(prefix).map((name) => [name, {}])) };
}

function checkDataSize(data: string): void {
  if (Buffer.byteLength(data) > MAX_EVENT_DATA_BYTES) throw new HttpError(413, `Payload too large: event data over ${MAX_EVENT_DATA_BYTES} bytes`);
}

function parseOrThrow<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  return parsed.data;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpError(400, "Body is not JSON");
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_HTTP_BODY_BYTES) throw new HttpError(413, "Request entity too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(`${text}\n`);
}
