/**
 * A WhatsApp connection with its secrets decrypted, for server-side use only (sending, verifying
 * webhooks). Never returned to a browser: pages get `connectionView` instead.
 */
import { prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { decryptSecret } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";

export interface ConnectionWithSecrets {
  id: string;
  workspaceId: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  /** The secret that signs this number's webhooks: its own app's, else the platform's META_APP_SECRET. */
  appSecret: string | null;
  webhookVerifyToken: string;
  throughputCap: number;
}

type ConnectionRow = NonNullable<Awaited<ReturnType<typeof prisma.whatsappConnection.findUnique>>>;

function withSecrets(row: ConnectionRow): ConnectionWithSecrets {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    phoneNumberId: row.phoneNumberId,
    wabaId: row.wabaId,
    accessToken: decryptSecret(row.accessTokenEncrypted),
    appSecret: row.appSecretEncrypted ? decryptSecret(row.appSecretEncrypted) : (env.META_APP_SECRET ?? null),
    webhookVerifyToken: row.webhookVerifyToken,
    throughputCap: row.throughputCap,
  };
}

/** Routes a webhook: the connection Meta names by `metadata.phone_number_id`, in any workspace (by design). */
export async function connectionByPhoneNumberId(phoneNumberId: string): Promise<ConnectionWithSecrets | null> {
  const row = await prisma.whatsappConnection.findUnique({ where: { phoneNumberId } });
  return row ? withSecrets(row) : null;
}

/** The workspace's connection (one number per workspace today), for sending. */
export async function connectionForWorkspace(workspaceId: string): Promise<ConnectionWithSecrets | null> {
  const row = await tenantDb({ workspaceId }).whatsappConnection.findFirst({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
  return row ? withSecrets(row) : null;
}

/** One connection of the workspace by id (the number a message came through), for fetching its media. */
export async function connectionById(workspaceId: string, connectionId: string): Promise<ConnectionWithSecrets | null> {
  const row = await tenantDb({ workspaceId }).whatsappConnection.findFirst({ where: { id: connectionId, workspaceId } });
  return row ? withSecrets(row) : null;
}

/** Whether any connection (or the platform) answers Meta's subscription handshake with this token. */
export async function isKnownVerifyToken(token: string): Promise<boolean> {
  if (env.WHATSAPP_WEBHOOK_VERIFY_TOKEN && token === env.WHATSAPP_WEBHOOK_VERIFY_TOKEN) return true;
  return (await prisma.whatsappConnection.count({ where: { webhookVerifyToken: token } })) > 0;
}
