/**
 * Tenant code queries through the scoped client, `tenantDb(ctx)` (lib/db/tenant.ts). The unscoped
 * `prisma` may touch workspace-owned rows only in the files below, each for the reason given:
 * code that works across workspaces by design (edges that find the workspace, background sweeps,
 * the webhook pipeline that routes by Meta's phone number id) or raw SQL, which no extension sees
 * and which names the workspace itself. A new service that reaches for `prisma.message…` fails
 * here until it uses tenantDb or says why it cannot.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findUnscopedQueries, tenantAccessors, type UnscopedQuery } from "./find-unscoped-queries";

const root = path.resolve(import.meta.dirname, "..", "..");

const UNSCOPED_ALLOWED: Record<string, string> = {
  // Edges that find the workspace (and the member's right to it) before any context exists.
  "lib/auth/workspace.ts": "resolves a slug and the user's membership into the WorkspaceContext",
  "lib/realtime/authorize-channel.ts": "checks the user's membership of the channel's workspace",
  "lib/auth/sessions.ts": "a user's own sessions, across the workspaces they belong to (the transaction touches Session rows)",
  "lib/services/workspaces/list-workspaces.ts": "the user's memberships in every workspace (the switcher)",
  "lib/services/workspaces/create-workspace.ts": "creates a new workspace and its owner's membership: no workspace to scope by yet",
  "lib/services/invitations/invitations.ts": "previewInvitation and acceptInvitation find the invitation by its token, which is what names the workspace; acceptInvitation's writes then use tenantDb",
  "lib/services/media/serve-media.ts": "a media URL names no workspace: the viewer's memberships scope the lookup",
  "lib/rate-limit/index.ts": "hands the client to rate-limiter-flexible for its own table (RateLimiterFlexible, no workspace)",
  "lib/services/health.ts": "SELECT 1",
  // Raw SQL, which the extension never sees: each statement names the workspace itself.
  "lib/services/inbox/list-conversations.ts": "the page query's raw SQL carries c.\"workspaceId\" = ctx.workspaceId (inbox-list.integration-test.ts)",
  "lib/services/campaigns/audience.ts": "countAudience's GROUP BY over ids read through tenantDb; the SQL names the workspace again (campaign-pipeline.integration-test.ts)",
  "lib/services/campaigns/send/claim.ts": "the claim's FOR UPDATE SKIP LOCKED and the remaining-work count: raw SQL, each naming the workspace (campaign-pipeline.integration-test.ts)",
  "lib/services/campaigns/send/launch.ts": "the launch's INSERT … SELECT and its counts in one transaction: raw SQL naming the workspace (campaign-pipeline.integration-test.ts)",
  "lib/services/campaigns/send/settle.ts": "a batch's answers in set-based raw SQL (recipients, conversations, messages, contacts, counters), each naming the workspace",
  "lib/services/campaigns/send/pacer.ts": "the SendPacer row of a phone number: no workspace column (a number belongs to one workspace)",
  "app/r/[token]/route.ts": "a click on a tracked link names no workspace: the recipient is found by the token's id, its campaign's workspace then scopes the UPDATE",
  // Background work across workspaces, by design.
  "lib/services/campaigns/auto-retry.ts": "finds the campaigns of every workspace whose retry window is due; each is retried through the tenant client of its own workspace",
  "lib/services/campaigns/send/reconciled-messages.ts": "messages of webhook-settled recipients of every workspace; the contact, campaign and writes all keep the recipient's own workspace (reconcile.integration-test.ts)",
  "lib/services/campaigns/send/reconcile.ts": "reconciles claimed, unconfirmed recipients of every workspace; each statement keeps the row's own workspace",
  "lib/services/inbox/pending-sweep.ts": "the pending-send sweep resolves stale sends in every workspace",
  "lib/services/media/inbound/claim.ts": "claims due media by id for the download runs of every workspace",
  "lib/services/media/inbound/download-media.ts": "loads the claimed row by id; its writes then go through tenantDb(media)",
  "lib/services/media/retention/clean-up-expired-media.ts": "lists the workspaces with a retention setting; each one's media through tenantDb",
  "lib/services/templates/sync-templates.ts": "syncAllTemplates (the scheduled sync) lists the workspaces with a connection; each one's templates through tenantDb",
  "lib/services/webhooks/process-event.ts": "the webhook pipeline's transaction: the workspace is routed from Meta's phone_number_id inside it (webhooks.integration-test.ts)",
  "lib/services/webhooks/recover.ts": "re-processes stored webhook events of every workspace",
  "lib/services/webhooks/process-batch.ts": "the webhook pipeline's batch transaction: each change's workspace is routed from Meta's phone_number_id inside it (webhooks.integration-test.ts)",
  "lib/services/webhooks/retention.ts": "deletes processed webhook events of every workspace",
  "lib/services/webhooks/signing-secrets.ts": "finds the app secrets a delivery may be signed with, before it is routed",
  "lib/services/whatsapp/connection-secrets.ts": "routes a webhook by phone_number_id and answers Meta's handshake by verify token, in any workspace",
  "lib/realtime/webhook-signals.ts": "the webhook's status signals: one lookup per workspace over the messages its events' statuses moved",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.(test|integration-test)\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    // lib/db is the client's own home (the scoped client is built from it there).
    .filter((file) => !file.startsWith(`lib${path.sep}generated${path.sep}`) && !file.startsWith(`lib${path.sep}db${path.sep}`));
}

const accessors = tenantAccessors(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"));
const found: UnscopedQuery[] = ["lib", "app"].flatMap(sourceFiles).flatMap((file) => findUnscopedQueries(file, readFileSync(path.join(root, file), "utf8"), accessors));

describe("unscoped queries", () => {
  it("reaches workspace rows with the unscoped client only where ALLOWED says why", () => {
    const offenders = found.filter((q) => !(q.file in UNSCOPED_ALLOWED)).map((q) => `${q.file}:${q.line} ${q.what}`);
    expect(offenders).toEqual([]);
  });

  it("keeps UNSCOPED_ALLOWED honest: each file still uses the unscoped client", () => {
    const files = new Set(found.map((q) => q.file));
    expect(Object.keys(UNSCOPED_ALLOWED).filter((file) => !files.has(file))).toEqual([]);
  });

  it("knows the workspace-owned models from the schema", () => {
    expect([...accessors]).toEqual(expect.arrayContaining(["workspace", "message", "contact", "membership", "auditLog"]));
    expect(accessors.has("user")).toBe(false);
    expect(accessors.has("session")).toBe(false);
  });
});

describe("findUnscopedQueries", () => {
  const find = (text: string) => findUnscopedQueries("lib/services/x.ts", text, accessors).map((q) => q.what);

  it("finds a tenant model, raw SQL and a transaction on the imported client, under any local name", () => {
    expect(find(`import { prisma } from "@/lib/db";\nexport const a = () => prisma.message.findMany({});`)).toEqual(["prisma.message"]);
    expect(find(`import { prisma as db } from "@/lib/db";\nexport const a = () => db["contact"].count();`)).toEqual(["prisma.contact"]);
    expect(find(`import { prisma } from "@/lib/db";\nprisma.$queryRaw\`SELECT 1\`; prisma.$transaction(async (tx) => tx.note.create({}));`)).toEqual([
      "prisma.$queryRaw",
      "prisma.$transaction",
    ]);
  });

  it("finds the client handed on as a value", () => {
    expect(find(`import { prisma } from "@/lib/db";\nrecordAudit(prisma, ctx, "x");\nconst db = prisma;`)).toEqual(["prisma (as a value)", "prisma (as a value)"]);
  });

  it("leaves models without a workspace, types, tenantDb and other modules' prisma alone", () => {
    expect(find(`import { prisma } from "@/lib/db";\nprisma.user.findUnique({ where: { id } }); type R = typeof prisma.media.findUnique;`)).toEqual([]);
    expect(find(`import { tenantDb } from "@/lib/db/tenant";\ntenantDb(ctx).message.findMany({});`)).toEqual([]);
    expect(find(`import { prisma } from "./elsewhere";\nprisma.message.findMany({});`)).toEqual([]);
  });
});
