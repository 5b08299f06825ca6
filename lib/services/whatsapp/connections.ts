/**
 * The workspace's WhatsApp connection, as admins manage it. Secrets go in encrypted and never come
 * back out through here: the view tells only whether each is set.
 */
import { randomBytes } from "node:crypto";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { Conflict, Invalid } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { recordAudit } from "@/lib/services/audit/record";
import type { SaveConnectionInput } from "@/lib/validation/whatsapp";
import { logger } from "@/lib/log";
import { syncTemplates } from "@/lib/services/templates/sync-templates";
import { proveOwnership } from "./prove-ownership";

const log = logger("whatsapp.connections");

export interface ConnectionView {
  id: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
  throughputLevel: string | null;
  throughputCap: number;
  webhookVerifyToken: string;
  hasAccessToken: boolean;
  /** false: webhooks are verified with the platform's META_APP_SECRET. */
  hasOwnAppSecret: boolean;
  lastCheckedAt: Date | null;
}

export async function getConnectionView(ctx: WorkspaceContext): Promise<ConnectionView | null> {
  authorize(ctx, "connection:view");
  const row = await tenantDb(ctx).whatsappConnection.findFirst({ where: { workspaceId: ctx.workspaceId }, orderBy: { createdAt: "asc" } });
  if (!row) return null;
  return {
    id: row.id,
    phoneNumberId: row.phoneNumberId,
    wabaId: row.wabaId,
    displayPhoneNumber: row.displayPhoneNumber,
    verifiedName: row.verifiedName,
    qualityRating: row.qualityRating,
    throughputLevel: row.throughputLevel,
    throughputCap: row.throughputCap,
    webhookVerifyToken: row.webhookVerifyToken,
    hasAccessToken: row.accessTokenEncrypted.length > 0,
    hasOwnAppSecret: row.appSecretEncrypted !== null,
    lastCheckedAt: row.lastCheckedAt,
  };
}

export function suggestVerifyToken(): string {
  return randomBytes(18).toString("base64url");
}

/** Creates or updates the workspace's connection. Empty secret fields keep the stored ones. */
export async function saveConnection(ctx: WorkspaceContext, input: Omit<SaveConnectionInput, "slug">): Promise<ConnectionView> {
  authorize(ctx, "connection:manage");
  const existing = await tenantDb(ctx).whatsappConnection.findFirst({ where: { workspaceId: ctx.workspaceId }, orderBy: { createdAt: "asc" } });
  if (!existing && !input.accessToken) throw Invalid("accessTokenRequired", { field: "accessToken" });

  // A new number, WABA or token must be proven with Meta before anything is saved (prove-ownership.ts);
  // only then may "in use by another workspace" be said, to someone who owns the number.
  const claimChanged =
    !existing || existing.phoneNumberId !== input.phoneNumberId || existing.wabaId !== input.wabaId || Boolean(input.accessToken);
  const details = claimChanged
    ? await proveOwnership({
        phoneNumberId: input.phoneNumberId,
        wabaId: input.wabaId,
        accessToken: input.accessToken || decryptSecret(existing!.accessTokenEncrypted),
      })
    : null;
  const data = {
    phoneNumberId: input.phoneNumberId,
    wabaId: input.wabaId,
    webhookVerifyToken: input.webhookVerifyToken,
    throughputCap: input.throughputCap,
    ...(input.accessToken ? { accessTokenEncrypted: encryptSecret(input.accessToken) } : {}),
    ...(input.appSecret ? { appSecretEncrypted: encryptSecret(input.appSecret) } : {}),
    ...(details
      ? {
          displayPhoneNumber: details.displayPhoneNumber,
          verifiedName: details.verifiedName,
          qualityRating: details.qualityRating,
          throughputLevel: details.throughputLevel,
          lastCheckedAt: new Date(),
        }
      : {}),
  };
  try {
    await tenantDb(ctx).$transaction(async (tx) => {
      const saved = existing
        ? await tx.whatsappConnection.update({ where: { id: existing.id }, data })
        : await tx.whatsappConnection.create({ data: { ...data, workspaceId: ctx.workspaceId, accessTokenEncrypted: encryptSecret(input.accessToken) } });
      await recordAudit(tx, ctx, existing ? "whatsapp.connection_updated" : "whatsapp.connected", { type: "whatsapp_connection", id: saved.id }, {
        phoneNumberId: input.phoneNumberId,
        wabaId: input.wabaId,
        accessTokenChanged: Boolean(input.accessToken),
        appSecretChanged: Boolean(input.appSecret),
      });
    });
  } catch (error) {
    // A phone number id routes webhooks to exactly one workspace.
    if (isUniqueViolation(error)) throw Conflict("phoneNumberInUse", { field: "phoneNumberId" });
    throw error;
  }
  // The account's templates arrive with the number, not at the first "Sync now"; a failure here
  // leaves them to the page's sync and the scheduled one, never undoes the connection.
  if (claimChanged) {
    await syncTemplates(ctx).catch((error: unknown) => log.warn({ err: error, workspaceId: ctx.workspaceId }, "template sync after connecting failed"));
  }
  return (await getConnectionView(ctx))!;
}

/** Goes back to the platform-wide META_APP_SECRET for this number's webhooks. */
export async function clearOwnAppSecret(ctx: WorkspaceContext): Promise<void> {
  authorize(ctx, "connection:manage");
  await tenantDb(ctx).whatsappConnection.updateMany({ where: { workspaceId: ctx.workspaceId }, data: { appSecretEncrypted: null } });
}

export async function disconnect(ctx: WorkspaceContext): Promise<void> {
  authorize(ctx, "connection:manage");
  await tenantDb(ctx).$transaction(async (tx) => {
    const { count } = await tx.whatsappConnection.deleteMany({ where: { workspaceId: ctx.workspaceId } });
    if (count > 0) await recordAudit(tx, ctx, "whatsapp.disconnected");
  });
}
