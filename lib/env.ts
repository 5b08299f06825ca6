/**
 * The one place that reads process.env (STYLE.md). Every variable Parley knows is declared here,
 * validated once, and typed for the rest of the code.
 *
 * The three secrets production cannot run without are optional in the schema so that `next build`
 * (which needs none of them) succeeds; `assertProductionEnv()` enforces them when the server starts.
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "1");

const port = z.coerce.number().int().min(1).max(65535);

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // Postgres; unset in development means the embedded PGlite started by `npm run dev`.
    DATABASE_URL: z.string().url().optional(),
    // Signs sessions, password-reset links and invitations.
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    AUTH_TRUST_HOST: bool,
    // 32 bytes, base64 or hex, optionally prefixed by a key id ("k2:BASE64"); several keys
    // separated by commas, the first encrypts and all decrypt (rotation).
    APP_ENCRYPTION_KEY: z.string().min(32).optional(),
    // Public origin of the app, used in links sent by email and in the webhook URL shown to admins.
    // Required in production (on Vercel, VERCEL_PROJECT_PRODUCTION_URL stands in); links are never
    // built from a request's Host header, which a proxy may pass on from the client.
    APP_URL: z.string().url().optional(),
    // Set by Vercel: the project's production domain, without a scheme (e.g. parley.example.com).
    VERCEL_PROJECT_PRODUCTION_URL: z.string().optional(),
    // The port `next dev` / `next start` listen on; development links default to http://localhost:PORT.
    PORT: port.optional(),

    WHATSAPP_GRAPH_API_URL: z.string().url().optional(),
    WHATSAPP_GRAPH_API_VERSION: z
      .string()
      .regex(/^v\d+\.\d+$/, "WHATSAPP_GRAPH_API_VERSION looks like v23.0")
      .default("v23.0"),
    META_APP_SECRET: z.string().min(8).optional(),
    // The Meta app's id: template media samples are uploaded to it (Resumable Upload API,
    // POST /{app-id}/uploads). Needed against Meta; against the emulator a fixed local id is used.
    META_APP_ID: z.string().regex(/^\d{1,30}$/, "META_APP_ID is the app's numeric id").optional(),
    WHATSAPP_WEBHOOK_VERIFY_TOKEN: z.string().min(8).optional(),

    // Set: background tasks run on Trigger.dev (lib/jobs); unset: on the embedded pg-boss runner.
    TRIGGER_SECRET_KEY: z.string().optional(),
    // Trigger.dev's API origin; default its cloud. A self-hosted instance (or a test's stand-in).
    TRIGGER_API_URL: z.string().url().optional(),
    // The Trigger.dev project ref ("proj_…") trigger.config.ts deploys to.
    TRIGGER_PROJECT_REF: z.string().optional(),
    // Vercel Cron sends it as a bearer token to GET /api/cron/webhooks (the webhook recovery sweep).
    CRON_SECRET: z.string().min(16).optional(),

    // Real-time (lib/realtime). Unset PUSHER_KEY: real-time is off (publishing is a no-op) — `npm run
    // dev` and the e2e server start the local Pusher-protocol server and set these. With
    // PUSHER_CLUSTER and no PUSHER_HOST, Pusher's cloud (api-<cluster>.pusher.com) is used.
    PUSHER_APP_ID: z.string().optional(),
    PUSHER_KEY: z.string().optional(),
    PUSHER_SECRET: z.string().optional(),
    PUSHER_HOST: z.string().optional(),
    PUSHER_PORT: port.optional(),
    // Unset: TLS for Pusher's cloud (PUSHER_CLUSTER), plain for a host of our own.
    PUSHER_USE_TLS: z
      .enum(["true", "false", "1", "0"])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
    PUSHER_CLUSTER: z.string().optional(),
    // Where browsers open the WebSocket when it differs from where the server publishes (a server
    // reaching the real-time server on a private address). Default: PUSHER_HOST / PUSHER_PORT.
    PUSHER_PUBLIC_HOST: z.string().optional(),
    PUSHER_PUBLIC_PORT: port.optional(),

    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().optional(),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: bool,
    // S3 only: "true" streams media through the app instead of redirecting browsers to short-lived
    // presigned URLs — for an endpoint browsers cannot reach (a MinIO on a private network).
    S3_PROXY_DOWNLOADS: bool,
    // Disk storage only (no S3_BUCKET): the folder holding media files, default `.data/storage`
    // relative to the working directory. Refused on Vercel, whose disk does not persist.
    STORAGE_DIR: z.string().optional(),

    // Outgoing mail (password resets, invitations). Unset: links are written to the server log.
    SMTP_URL: z.string().url().optional(),
    EMAIL_FROM: z.string().default("Parley <no-reply@parley.local>"),

    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    // Benchmarks only: "1" opens the /api/bench/* reference routes (404 otherwise, and always on Vercel).
    PARLEY_BENCH_ROUTES: bool,
    // How many reverse proxies in front of Parley append to X-Forwarded-For (lib/auth/client-ip.ts):
    // 0 = none, Parley is reached directly; 1 = one load balancer or nginx; ignored on Vercel.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Processed webhook events older than this are deleted (lib/services/webhooks/retention.ts).
    WEBHOOK_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    // Set by Vercel; used to refuse embedded defaults that would lose data there.
    VERCEL: z.string().optional(),
  },
  client: {
    NEXT_PUBLIC_PUSHER_KEY: z.string().optional(),
    NEXT_PUBLIC_PUSHER_HOST: z.string().optional(),
    NEXT_PUBLIC_PUSHER_PORT: port.optional(),
    NEXT_PUBLIC_PUSHER_CLUSTER: z.string().optional(),
  },
  experimental__runtimeEnv: {
    NEXT_PUBLIC_PUSHER_KEY: process.env.NEXT_PUBLIC_PUSHER_KEY,
    NEXT_PUBLIC_PUSHER_HOST: process.env.NEXT_PUBLIC_PUSHER_HOST,
    NEXT_PUBLIC_PUSHER_PORT: process.env.NEXT_PUBLIC_PUSHER_PORT,
    NEXT_PUBLIC_PUSHER_CLUSTER: process.env.NEXT_PUBLIC_PUSHER_CLUSTER,
  },
  emptyStringAsUndefined: true,
});

/** Variables production refuses to start without: there is no safe default for any of them. */
export const PRODUCTION_REQUIRED = ["DATABASE_URL", "AUTH_SECRET", "APP_ENCRYPTION_KEY", "APP_URL"] as const;

type Source = Record<string, string | undefined>;
const isSet = (value: string | undefined) => Boolean(value?.trim());

/**
 * The public origin links point at, from configuration only (never a request header): APP_URL, else
 * on Vercel its production domain, else in development http://localhost:PORT. Null in production
 * without either — assertProductionEnv refuses to start then.
 */
export function configuredAppUrl(source: Source): string | null {
  if (isSet(source.APP_URL)) return source.APP_URL!.trim().replace(/\/+$/, "");
  if (isSet(source.VERCEL) && isSet(source.VERCEL_PROJECT_PRODUCTION_URL)) return `https://${source.VERCEL_PROJECT_PRODUCTION_URL!.trim().replace(/\/+$/, "")}`;
  if (source.NODE_ENV === "production") return null;
  return `http://localhost:${source.PORT?.trim() || "3000"}`;
}

export function missingProductionEnv(source: Source = process.env): string[] {
  return PRODUCTION_REQUIRED.filter((name) =>
    name === "APP_URL" ? configuredAppUrl({ ...source, NODE_ENV: "production" }) === null : !isSet(source[name]),
  );
}

/** Throws one message naming every missing variable; called when the production server starts. */
export function assertProductionEnv(source: Source = process.env): void {
  const missing = missingProductionEnv(source);
  if (missing.length > 0) {
    throw new Error(
      `Parley cannot start in production: missing ${missing.join(", ")}. ` +
        `Set ${missing.length === 1 ? "it" : "them"} in the environment (see README, "Deploy on Vercel"). ` +
        "Production never falls back to the embedded database or generated secrets, and builds links only from APP_URL.",
    );
  }
}

/**
 * Read when called, not when this module loads: the database layer and the server's start, which
 * scripts configure after import (npm run dev sets DATABASE_URL once the embedded Postgres is up,
 * each vitest file points it at a schema of its own, PGlite needs DATABASE_POOL_MAX=1).
 */
export const liveEnv = {
  databaseUrl: (): string | undefined => process.env.DATABASE_URL || undefined,
  /** DATABASE_POOL_MAX: a positive integer, or undefined for the default. */
  databasePoolMax: (): number | undefined => {
    const configured = Number(process.env.DATABASE_POOL_MAX);
    return Number.isInteger(configured) && configured > 0 ? configured : undefined;
  },
  isDevelopment: (): boolean => process.env.NODE_ENV === "development",
  isProduction: (): boolean => process.env.NODE_ENV === "production",
  /** `next build` loads the server's instrumentation too: no timers then. */
  isBuildPhase: (): boolean => process.env.NEXT_PHASE === "phase-production-build",
  /**
   * JOBS_MAINTENANCE_SECONDS: how often the embedded runner expires runs a killed server left
   * active and retries them (default 30); the runner's tests make it 1.
   */
  jobsMaintenanceSeconds: (): number => {
    const configured = Number(process.env.JOBS_MAINTENANCE_SECONDS);
    return Number.isInteger(configured) && configured > 0 ? configured : 30;
  },
  /** Background tasks go to Trigger.dev (TRIGGER_SECRET_KEY), else to the embedded runner. */
  triggerDev: (): { secretKey: string; apiUrl: string | undefined } | null =>
    process.env.TRIGGER_SECRET_KEY ? { secretKey: process.env.TRIGGER_SECRET_KEY, apiUrl: process.env.TRIGGER_API_URL || undefined } : null,
  /** DEBUG_SCHEMA_ENGINE=1 prints the migration engine's log lines. */
  debugSchemaEngine: (): boolean => Boolean(process.env.DEBUG_SCHEMA_ENGINE),
};
