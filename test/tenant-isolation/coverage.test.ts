/**
 * Keeps the isolation suite complete. Every exported function under lib/ and app/ that takes a
 * workspace — a `WorkspaceContext` (any name, any position, also `Pick<…>`, intersections, object
 * types with `workspaceId`) or a workspace id (`workspaceId: string`, `{ workspaceId }`) — is found
 * from the syntax tree (find-tenant-functions.ts) and must either have a `describe("<its name>", …)`
 * in test/tenant-isolation/*.integration-test.ts, or be in ALLOWED below with its reason.
 * Server actions built from `workspaceAction` must be named in the suite (actions.integration-test.ts
 * and the domain files call each one with another tenant's slug and ids).
 * A new service fails this test until someone writes its isolation test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findTenantFunctions, type TenantFunction } from "./find-tenant-functions";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

/**
 * Tenant functions with no isolation test of their own, each for the reason given. Keep it short:
 * a function that reads or writes rows found by an id a caller passes belongs in the suite.
 */
const ALLOWED: Record<string, string> = {
  storeSentMessages:
    "internal writer of settleBatch and the reconciliation sweep, handed the recipient's own workspace; every statement names it and joins the conversation within it (send-pipeline and reconcile integration tests)",
  // The edges that build the context: they check membership, and their own tests prove it.
  withWorkspace: "the route-handler wrapper that resolves the WorkspaceContext (lib/http/route.integration-test.ts)",
  scopeArgs: "the scoped client's own rewrite of query arguments, proven through tenantDb (scoped-client.integration-test.ts)",
  // Pure: names and keys computed from the workspace id they are given, no database.
  workspaceChannel: "pure: the Pusher channel name of a workspace id",
  keyBelongsTo: "pure: whether a storage key lies under the given workspace's prefix",
  mediaKey: "pure: the storage key of a media row under its workspace's prefix",
  searchCondition: "pure: builds listConversations' SQL condition (covered through listConversations)",
  signalCampaignProgress: "publishes what readCampaignProgress reads for the workspace it is given (its describe, campaign-pipeline.integration-test.ts)",
  skipReasonSql: "pure: builds the skip rule's SQL for the workspace it is given (covered through countAudience and the launch)",
  // Real-time publishing to the workspace named by the caller's own context or row.
  toWorkspace: "publishes to the caller's workspace channel; channel auth is tested in realtime.integration-test.ts",
  publishToWorkspace: "publishes to the caller's workspace channel; channel auth is tested in realtime.integration-test.ts",
  publishConversationUpdated: "publishes to the workspace of a row the service already found in scope",
  publishMessageCreated: "publishes to the workspace of a row the service already found in scope",
  publishMessageStatus: "publishes to the workspace of a row the service already found in scope",
  publishTemplate: "publishes template.updated to the caller's workspace channel, for a row the service found in scope",
  // Internal steps of a tested service, called only with rows found through the caller's scope.
  recordAudit: "appends an audit row for ctx inside the calling service's transaction; reads nothing",
  deliver: "sendMessage/retryMessage's Graph call on a message row they found in scope (tested through them)",
  resolveContent: "sendMessage's content step on the caller's ctx (tested through sendMessage)",
  toTimelineMessages: "maps rows listMessages/getMessage found in scope (tested through them)",
  storeMediaBytes: "stores the bytes of a media row its caller found in scope; no lookup by id",
  writeBatch: "runContactImport's batch write for the import it claimed in scope (tested through it)",
  // The webhook pipeline: the workspace comes from Meta's phone_number_id, not from a caller.
  applyStatus: "webhook pipeline: workspace routed from Meta's payload (webhooks.integration-test.ts)",
  storeWebhookEvent: "webhook pipeline: stores the raw event for the routed workspace (webhooks.integration-test.ts)",
  upsertContact: "webhook pipeline: workspace routed from Meta's payload (webhooks.integration-test.ts)",
  changeIdentity: "webhook pipeline: workspace routed from Meta's payload (webhooks.integration-test.ts)",
  openConversation: "webhook pipeline: workspace routed from Meta's payload (webhooks.integration-test.ts)",
  applyInboundConsent: "webhook pipeline: workspace routed from Meta's payload, contact found in it (contacts/consent.integration-test.ts)",
  applyMetaOptOut: "webhook pipeline: workspace routed from Meta's payload, message found by (id, workspace) (contacts/consent.integration-test.ts)",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.(test|integration-test)\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(path.join("lib", "generated") + path.sep));
}

const found: TenantFunction[] = ["lib", "app"]
  .flatMap(sourceFiles)
  .flatMap((file) => findTenantFunctions(file, readFileSync(path.join(root, file), "utf8")));
const suite = readdirSync(path.join(root, "test/tenant-isolation"))
  .filter((name) => name.endsWith(".integration-test.ts"))
  .map((name) => readFileSync(path.join(root, "test/tenant-isolation", name), "utf8"))
  .join("\n");

const services = found.filter((f) => f.kind === "service");
const actions = found.filter((f) => f.kind === "action");
const where = (f: TenantFunction) => `${f.name} (${f.file}:${f.line}, ${f.because})`;

describe("tenant-isolation coverage", () => {
  it("finds the functions that take a workspace, in every form", () => {
    expect(services.map((s) => s.name)).toEqual(
      expect.arrayContaining(["listMembers", "listContacts", "updateWorkspace", "connectionById", "applyStatus", "withWorkspace"]),
    );
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(["updateWorkspaceAction", "loadConversations"]));
  });

  it("has an isolation test for each service, or a reason in ALLOWED", () => {
    const missing = services.filter(({ name }) => !(name in ALLOWED) && !suite.includes(`describe("${name}"`));
    expect(missing.map(where)).toEqual([]);
  });

  it("has each workspace action called in the suite", () => {
    const missing = actions.filter(({ name }) => !new RegExp(`\\b${name}\\b`).test(suite));
    expect(missing.map(where)).toEqual([]);
  });

  it("keeps ALLOWED honest: each entry is a tenant function that has no describe of its own", () => {
    const names = new Set(services.map((s) => s.name));
    expect(Object.keys(ALLOWED).filter((name) => !names.has(name) || suite.includes(`describe("${name}"`))).toEqual([]);
  });
});
