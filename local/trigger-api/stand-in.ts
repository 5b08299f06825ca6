/**
 * A local stand-in for Trigger.dev's API, enough for the trigger path of lib/jobs: it answers
 * `POST /api/v1/tasks/{taskId}/trigger` the way the platform does (`{ id, isCached }`, the same run
 * for an idempotency key it has seen) and records every request as it came off the wire, so a
 * test drives the real `@trigger.dev/sdk` (TRIGGER_API_URL pointed here) and asserts what it sent.
 * Any other path answers 404 and is recorded too.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

/** A trigger request's body, as the SDK sends it (STACK.md, "Trigger.dev 4.8"). */
export interface TriggerBody {
  payload: string;
  options: {
    queue?: { name: string };
    concurrencyKey?: string;
    payloadType?: string;
    idempotencyKey?: string;
    idempotencyKeyOptions?: { key: string; scope: string };
    delay?: string;
  };
}

export interface TriggerApiStandIn {
  url: string;
  requests: RecordedRequest[];
  /** The trigger requests of one task, bodies typed. */
  triggers(taskId: string): TriggerBody[];
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startTriggerApiStandIn(): Promise<TriggerApiStandIn> {
  const requests: RecordedRequest[] = [];
  const runsByKey = new Map<string, string>();
  let runs = 0;

  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? "/", "http://stand-in").pathname;
      const body = await readJson(request);
      requests.push({ method: request.method ?? "GET", path, authorization: request.headers.authorization, body });
      const trigger = request.method === "POST" ? /^\/api\/v1\/tasks\/([^/]+)\/trigger$/.exec(path) : null;
      response.setHeader("content-type", "application/json");
      if (!trigger) {
        response.statusCode = 404;
        response.end(JSON.stringify({ error: "Not found" }));
        return;
      }
      if (!request.headers.authorization?.startsWith("Bearer ")) {
        response.statusCode = 401;
        response.end(JSON.stringify({ error: "Invalid or Missing API key" }));
        return;
      }
      const key = (body as TriggerBody | undefined)?.options?.idempotencyKey;
      const seen = key ? runsByKey.get(`${trigger[1]}:${key}`) : undefined;
      const id = seen ?? `run_standin${++runs}`;
      if (key && !seen) runsByKey.set(`${trigger[1]}:${key}`, id);
      response.end(JSON.stringify({ id, isCached: Boolean(seen) }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    triggers: (taskId) =>
      requests.filter((r) => r.method === "POST" && r.path === `/api/v1/tasks/${encodeURIComponent(taskId)}/trigger`).map((r) => r.body as TriggerBody),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
