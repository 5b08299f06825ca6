/**
 * The WhatsApp Business Account's own edges that connecting a number needs: the numbers it holds
 * (`GET /{waba-id}/phone_numbers`, every page) and the app's webhook subscription
 * (`POST /{waba-id}/subscribed_apps`, which makes Meta send this WABA's webhooks to our app).
 */
import type { CallOptions } from "./call-options";
import { successSchema, wabaPhoneNumbersPageSchema } from "./responses";
import { graphPath, type GraphTransport } from "./transport";

const MAX_PAGES = 50; // a WABA holds at most a few dozen numbers; a guard against endless paging

/** The ids of every phone number registered on the WABA. */
export async function listWabaPhoneNumberIds(transport: GraphTransport, wabaId: string, options: CallOptions = {}): Promise<string[]> {
  const ids: string[] = [];
  const seen = new Set<string>();
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await transport.call({
      operation: "GET /{waba-id}/phone_numbers",
      method: "GET",
      path: graphPath(wabaId, "phone_numbers"),
      query: { fields: "id", limit: 100, after },
      schema: wabaPhoneNumbersPageSchema,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    });
    ids.push(...response.data.map((node) => node.id));
    // As for templates: Graph leaves `next` out on the last page.
    const next = response.paging?.next ? response.paging.cursors?.after : undefined;
    if (!next || seen.has(next) || response.data.length === 0) break;
    seen.add(next);
    after = next;
  }
  return ids;
}

/** Subscribes the app that owns the access token to the WABA's webhooks (idempotent at Meta). */
export async function subscribeAppToWaba(transport: GraphTransport, wabaId: string, options: CallOptions = {}): Promise<void> {
  await transport.call({
    operation: "POST /{waba-id}/subscribed_apps",
    method: "POST",
    path: graphPath(wabaId, "subscribed_apps"),
    schema: successSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
}
