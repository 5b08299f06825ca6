/**
 * The workspace-scoped database client: `tenantDb(ctx)` is `prisma` with a query extension that
 * confines every model query to `ctx.workspaceId`, so a service that forgets its
 * `where: { workspaceId }` reads and changes nothing of another workspace.
 *
 * What it does, for every model with a `workspaceId` column (TENANT_MODELS, from the generated
 * client's field lists; `Workspace` itself is scoped by its `id`):
 * - reads and bulk writes (findFirst[OrThrow], findMany, count, aggregate, groupBy, updateMany
 *   [AndReturn], deleteMany) get `workspaceId = ctx.workspaceId` added to their `where`;
 * - single-row operations by a unique key (findUnique[OrThrow], update, delete, upsert) get it
 *   added too: Prisma accepts extra filters beside the unique field (`{ id, workspaceId }`), so
 *   another workspace's id finds nothing (null, or P2025 "record not found" for update/delete);
 * - a caller's own `workspaceId` condition is kept (in `AND`), never replaced: two conditions that
 *   disagree match nothing;
 * - creates (create, createMany[AndReturn], upsert's create) get `workspaceId` set when missing,
 *   and are refused (TenantScopeViolation) when they name another workspace; updates that would
 *   move a row to another workspace are refused too;
 * - any other operation on a scoped model is refused, so a new Prisma operation cannot slip by.
 * Models without a workspace column (User, Session, …) pass through untouched.
 *
 * What it does NOT cover — scope these by hand, as before:
 * - raw SQL (`$queryRaw`, `$executeRaw`, and the `pg` pool of lib/db/pool.ts), which the
 *   extension never sees. Where tenant code uses it, the SQL names the workspace itself:
 *   listConversations' page query (inbox/list-conversations.ts, `c."workspaceId" = ${ctx.workspaceId}`)
 *   and its search condition (inbox/conversation-search.ts, on Contact and Message); the webhook
 *   pipeline's status update (webhooks/apply-status.ts, `"workspaceId" = ${workspaceId}`), and its
 *   UPDATEs by a row id it has just found or created in the routed workspace
 *   (webhooks/inbound/contact.ts, conversation.ts);
 * - code that works across workspaces by design and so uses `prisma` itself: the edges that find
 *   the workspace (auth/workspace.ts, realtime/authorize-channel.ts), a user's own workspaces and
 *   sessions, invitation tokens, media URLs (scoped by the viewer's memberships), the background
 *   sweeps (pending sends, media downloads and retention, webhook recovery and retention) and the
 *   webhook pipeline, which routes by Meta's phone_number_id. test/tenant-isolation/
 *   unscoped-queries.test.ts lists each such file with its reason and fails on any other file
 *   that reaches a workspace-owned model, raw SQL or a transaction through `prisma`;
 * - nested writes through relations (`conversation.create({ data: { messages: { create: … } } })`,
 *   `connect` by id): the nested rows are not checked. Connect only rows found through tenantDb;
 * - relations read through `include` / `select` follow foreign keys and are not filtered again
 *   (rows of one workspace only point at rows of the same workspace);
 * - the id itself: it proves the row is the workspace's, not that the member may act on it
 *   (permissions stay in lib/auth/permissions.ts).
 *
 * Cost: `$extends` builds a proxy over the one client (no new connection or pool): about 65 µs
 * per call here, against a millisecond or more per query, so services call `tenantDb(ctx)` where
 * they need it; a WeakMap keyed by the context object hands the same client back for the rest of
 * the request (about 0.2 µs), and lets it go with the context.
 *
 * Services keep their explicit `workspaceId` conditions where they had them: they say what the
 * query means, and the index-critical ones (the inbox list, search and counters, whose composite
 * indexes start with `workspaceId`) should not depend on a layer a reader cannot see. When the
 * caller's condition is the same id, the extension leaves the `where` as it is (no duplicate).
 * New queries may leave it out: the extension is the net, and the plan is the same.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { Prisma, prisma } from "@/lib/db";

/** What a service needs to be scoped: the workspace, nothing more (webhook steps have only the id). */
export type TenantScope = Pick<WorkspaceContext, "workspaceId">;

/** A write or read that tried to leave its workspace. A bug in the caller, never a user's error. */
export class TenantScopeViolation extends Error {
  override readonly name = "TenantScopeViolation";
}

/**
 * Every model's scalar fields, from the generated client: `satisfies` makes a new model fail the
 * typecheck until it is listed here, and TENANT_MODELS (below) follows its fields by itself.
 */
const SCALAR_FIELDS = {
  User: Prisma.UserScalarFieldEnum,
  Account: Prisma.AccountScalarFieldEnum,
  Session: Prisma.SessionScalarFieldEnum,
  VerificationToken: Prisma.VerificationTokenScalarFieldEnum,
  RateLimiterFlexible: Prisma.RateLimiterFlexibleScalarFieldEnum,
  Workspace: Prisma.WorkspaceScalarFieldEnum,
  Membership: Prisma.MembershipScalarFieldEnum,
  Invitation: Prisma.InvitationScalarFieldEnum,
  WhatsappConnection: Prisma.WhatsappConnectionScalarFieldEnum,
  Contact: Prisma.ContactScalarFieldEnum,
  CustomField: Prisma.CustomFieldScalarFieldEnum,
  ContactGroup: Prisma.ContactGroupScalarFieldEnum,
  ContactGroupMember: Prisma.ContactGroupMemberScalarFieldEnum,
  Tag: Prisma.TagScalarFieldEnum,
  ContactTag: Prisma.ContactTagScalarFieldEnum,
  Conversation: Prisma.ConversationScalarFieldEnum,
  Message: Prisma.MessageScalarFieldEnum,
  Media: Prisma.MediaScalarFieldEnum,
  Note: Prisma.NoteScalarFieldEnum,
  CannedReply: Prisma.CannedReplyScalarFieldEnum,
  Template: Prisma.TemplateScalarFieldEnum,
  Campaign: Prisma.CampaignScalarFieldEnum,
  CampaignRecipient: Prisma.CampaignRecipientScalarFieldEnum,
  WebhookEvent: Prisma.WebhookEventScalarFieldEnum,
  ApiKey: Prisma.ApiKeyScalarFieldEnum,
  AutoReplyRule: Prisma.AutoReplyRuleScalarFieldEnum,
  AuditLog: Prisma.AuditLogScalarFieldEnum,
  ConsentEvent: Prisma.ConsentEventScalarFieldEnum,
  ContactImport: Prisma.ContactImportScalarFieldEnum,
  ContactImportRejection: Prisma.ContactImportRejectionScalarFieldEnum,
  ContactImportPhone: Prisma.ContactImportPhoneScalarFieldEnum,
  Segment: Prisma.SegmentScalarFieldEnum,
  SendPacer: Prisma.SendPacerScalarFieldEnum,
} satisfies Record<Prisma.ModelName, Record<string, string>>;

type ModelName = keyof typeof SCALAR_FIELDS;

/** The models a workspace owns, by their `workspaceId` column. */
export const TENANT_MODELS: readonly ModelName[] = (Object.keys(SCALAR_FIELDS) as ModelName[]).filter(
  (model) => "workspaceId" in SCALAR_FIELDS[model],
);

/** The column that names a model's workspace: `workspaceId`, or the Workspace's own `id`. */
function scopeColumn(model: string | undefined): "workspaceId" | "id" | null {
  if (model === "Workspace") return "id";
  return model !== undefined && (TENANT_MODELS as readonly string[]).includes(model) ? "workspaceId" : null;
}

type Args = Record<string, unknown>;

const WHERE_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "updateMany",
  "updateManyAndReturn",
  "deleteMany",
  "update",
  "delete",
  "upsert",
]);
const CREATE_OPERATIONS = new Set(["create", "createMany", "createManyAndReturn"]);
const UPDATE_DATA_OPERATIONS = new Set(["update", "updateMany", "updateManyAndReturn"]);

function isRecord(value: unknown): value is Args {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `where` AND this workspace; the caller's own condition on the column stays, inside `AND`. */
function scopeWhere(where: unknown, column: string, workspaceId: string): Args {
  const own: Args = isRecord(where) ? { ...where } : {};
  if (!(column in own) || own[column] === workspaceId) return { ...own, [column]: workspaceId };
  const theirs = own[column];
  const and = own.AND === undefined ? [] : Array.isArray(own.AND) ? own.AND : [own.AND];
  return { ...own, [column]: workspaceId, AND: [...and, { [column]: theirs }] };
}

/** A value naming a workspace: a plain id, `{ set: id }`, or a relation `connect`. */
function namedWorkspace(data: Args): unknown {
  if ("workspaceId" in data) {
    const value = data.workspaceId;
    return isRecord(value) && "set" in value ? value.set : value;
  }
  if (isRecord(data.workspace)) {
    const connect = data.workspace.connect;
    return isRecord(connect) ? connect.id : data.workspace;
  }
  return undefined;
}

/** Create data in this workspace: its workspace set when missing, refused when it names another. */
function scopeCreateData(model: string, data: unknown, workspaceId: string): unknown {
  if (Array.isArray(data)) return data.map((row) => scopeCreateData(model, row, workspaceId));
  if (!isRecord(data)) return data;
  const named = namedWorkspace(data);
  if (named !== undefined) {
    if (named !== workspaceId) throw new TenantScopeViolation(`${model}: create names another workspace`);
    return data;
  }
  // Checked input (relations as objects) takes `workspace: { connect }`, unchecked takes the column.
  const scalars: Record<string, string> = SCALAR_FIELDS[model as ModelName];
  const checked = Object.keys(data).some((key) => !(key in scalars));
  return checked ? { ...data, workspace: { connect: { id: workspaceId } } } : { ...data, workspaceId };
}

/** Update data may not move a row to another workspace. */
function checkUpdateData(model: string, data: unknown, workspaceId: string): void {
  if (!isRecord(data)) return;
  const named = namedWorkspace(data);
  if (named !== undefined && named !== workspaceId) throw new TenantScopeViolation(`${model}: update moves a row to another workspace`);
}

/** The arguments of `operation` on `model`, confined to `workspaceId`. Exported for the unit test. */
export function scopeArgs(model: string | undefined, operation: string, args: unknown, workspaceId: string): unknown {
  const column = scopeColumn(model);
  if (column === null || model === undefined) return args;
  const scoped: Args = isRecord(args) ? { ...args } : {};
  if (column === "id") {
    // The Workspace: read and change only this one; a tenant never creates another.
    if (!WHERE_OPERATIONS.has(operation) || operation === "upsert") throw new TenantScopeViolation(`Workspace.${operation} is not for a tenant`);
    if (UPDATE_DATA_OPERATIONS.has(operation) && isRecord(scoped.data) && "id" in scoped.data && scoped.data.id !== workspaceId) {
      throw new TenantScopeViolation("Workspace: update changes its id");
    }
    return { ...scoped, where: scopeWhere(scoped.where, "id", workspaceId) };
  }
  if (CREATE_OPERATIONS.has(operation)) return { ...scoped, data: scopeCreateData(model, scoped.data, workspaceId) };
  if (!WHERE_OPERATIONS.has(operation)) throw new TenantScopeViolation(`${model}.${operation} is not scoped by tenantDb`);
  if (UPDATE_DATA_OPERATIONS.has(operation)) checkUpdateData(model, scoped.data, workspaceId);
  if (operation === "upsert") {
    checkUpdateData(model, scoped.update, workspaceId);
    scoped.create = scopeCreateData(model, scoped.create, workspaceId);
  }
  return { ...scoped, where: scopeWhere(scoped.where, "workspaceId", workspaceId) };
}

function createTenantDb(workspaceId: string) {
  return prisma.$extends({
    name: "tenant",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, args, workspaceId) as typeof args);
        },
      },
    },
  });
}

/** The client tenantDb gives: `prisma`'s models and `$transaction`, every query confined. */
export type TenantDb = ReturnType<typeof createTenantDb>;
/** What `tenantDb(ctx).$transaction(async (tx) => …)` hands its callback. */
export type TenantTx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

const cache = new WeakMap<TenantScope, TenantDb>();
const scopedTo = new WeakMap<TenantDb, string>();

/** `prisma`, confined to `scope.workspaceId` (see the header). */
export function tenantDb(scope: TenantScope): TenantDb {
  const workspaceId = scope.workspaceId;
  if (typeof workspaceId !== "string" || workspaceId === "") throw new TenantScopeViolation("tenantDb needs a workspace id");
  let db = cache.get(scope);
  // A context whose workspace changed (tests reuse objects) gets a new client, never the old scope.
  if (!db || scopedTo.get(db) !== workspaceId) {
    db = createTenantDb(workspaceId);
    scopedTo.set(db, workspaceId);
    cache.set(scope, db);
  }
  return db;
}
