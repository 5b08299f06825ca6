/**
 * Which app secret signs a delivery: for each phone number id it names, the secret of that number's
 * connection (its own app's, else the platform's META_APP_SECRET); for changes that name no number
 * (template status updates), the secret of the connections on the entry's WABA; when a key matches
 * no connection, META_APP_SECRET.
 *
 * The webhook's acknowledgement path should cost one database round trip (the INSERT of the raw
 * event), so known connections are cached in this process for a minute. A cached secret that no
 * longer verifies is looked up again before the delivery is refused (a rotated secret works at
 * once). Unknown numbers are not cached: a connection added a second ago is found.
 */
import { prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import type { RoutingKeys } from "@/lib/whatsapp/webhook/envelope";

const log = logger("webhooks.secrets");

export interface Signer {
  /** "pn:<phone number id>" or "waba:<WABA id>". */
  key: string;
  /** The workspaces this key routes to (none: an unknown number or WABA). */
  workspaceIds: string[];
  /** Null when no secret is configured at all: such a delivery cannot be verified. */
  secret: string | null;
}

const TTL_MS = 60_000;
const MAX_CACHED = 10_000;
const cache = new Map<string, { signer: Signer; expires: number }>();

/** Forget every cached connection (tests; a connection's secret changed in this process). */
export function clearSignerCache(): void {
  cache.clear();
}

function remember(signer: Signer, now: number): void {
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(signer.key, { signer, expires: now + TTL_MS });
}

function appSecret(encrypted: string | null, key: string): string | null {
  if (!encrypted) return env.META_APP_SECRET ?? null;
  try {
    return decryptSecret(encrypted);
  } catch (error) {
    log.error({ key, err: error }, "cannot decrypt the connection's app secret; its webhooks cannot be verified");
    return null;
  }
}

interface Row {
  workspaceId: string;
  phoneNumberId: string;
  wabaId: string;
  appSecretEncrypted: string | null;
}

function signerFor(key: string, rows: Row[]): Signer {
  if (rows.length === 0) return { key, workspaceIds: [], secret: env.META_APP_SECRET ?? null };
  const secrets = new Set(rows.map((row) => appSecret(row.appSecretEncrypted, key)));
  // Connections sharing a WABA but not an app cannot all sign one delivery: refuse to guess.
  const secret = secrets.size === 1 ? ([...secrets][0] ?? null) : null;
  return { key, workspaceIds: [...new Set(rows.map((row) => row.workspaceId))], secret };
}

async function lookUp(keys: RoutingKeys): Promise<Signer[]> {
  const select = { workspaceId: true, phoneNumberId: true, wabaId: true, appSecretEncrypted: true } as const;
  const [byNumber, byWaba] = await Promise.all([
    keys.phoneNumberIds.length > 0
      ? prisma.whatsappConnection.findMany({ where: { phoneNumberId: { in: keys.phoneNumberIds } }, select })
      : [],
    keys.wabaIds.length > 0 ? prisma.whatsappConnection.findMany({ where: { wabaId: { in: keys.wabaIds } }, select }) : [],
  ]);
  return [
    ...keys.phoneNumberIds.map((id) =>
      signerFor(
        `pn:${id}`,
        byNumber.filter((row) => row.phoneNumberId === id),
      ),
    ),
    ...keys.wabaIds.map((id) =>
      signerFor(
        `waba:${id}`,
        byWaba.filter((row) => row.wabaId === id),
      ),
    ),
  ];
}

/**
 * The signer of every routing key. `fresh` skips the cache (the second look after a cached
 * secret failed to verify). A delivery naming no key at all is signed by META_APP_SECRET.
 */
export async function resolveSigners(
  keys: RoutingKeys,
  options: { fresh?: boolean } = {},
): Promise<{ signers: Signer[]; cached: boolean }> {
  if (keys.phoneNumberIds.length === 0 && keys.wabaIds.length === 0) {
    return { signers: [{ key: "platform", workspaceIds: [], secret: env.META_APP_SECRET ?? null }], cached: false };
  }
  const now = Date.now();
  const signers: Signer[] = [];
  const missing: RoutingKeys = { phoneNumberIds: [], wabaIds: [] };
  for (const [prefix, ids, target] of [
    ["pn", keys.phoneNumberIds, missing.phoneNumberIds],
    ["waba", keys.wabaIds, missing.wabaIds],
  ] as const) {
    for (const id of ids) {
      const hit = options.fresh ? undefined : cache.get(`${prefix}:${id}`);
      if (hit && hit.expires > now) signers.push(hit.signer);
      else target.push(id);
    }
  }
  const cached = signers.length > 0;
  if (missing.phoneNumberIds.length > 0 || missing.wabaIds.length > 0) {
    for (const signer of await lookUp(missing)) {
      if (signer.workspaceIds.length > 0 && signer.secret) remember(signer, now);
      signers.push(signer);
    }
  }
  return { signers, cached };
}
