/**
 * "Test connection": asks Meta for the number's details with the stored token and keeps what it
 * says (display number, verified name, quality rating, throughput tier) for the settings page.
 */
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { WhatsAppApiError, WhatsAppRequestError, isWhatsAppError } from "@/lib/whatsapp/errors";
import { logger } from "@/lib/log";
import { connectionForWorkspace } from "./connection-secrets";
import { clientForConnection } from "./client-for";

const log = logger("whatsapp.connection");

export async function testConnection(ctx: WorkspaceContext) {
  authorize(ctx, "connection:manage");
  const connection = await connectionForWorkspace(ctx.workspaceId);
  if (!connection) throw new AppError("invalid", "notConnected");
  try {
    const details = await clientForConnection(connection).getPhoneNumber();
    await tenantDb(ctx).whatsappConnection.updateMany({
      where: { id: connection.id, workspaceId: ctx.workspaceId },
      data: {
        displayPhoneNumber: details.displayPhoneNumber,
        verifiedName: details.verifiedName,
        qualityRating: details.qualityRating,
        throughputLevel: details.throughputLevel,
        lastCheckedAt: new Date(),
      },
    });
    return { displayPhoneNumber: details.displayPhoneNumber, verifiedName: details.verifiedName };
  } catch (error) {
    if (error instanceof WhatsAppApiError) {
      const reason = `${error.details ?? error.title ?? error.message}${error.code !== null ? ` (#${error.code})` : ""}`;
      throw new AppError("invalid", "connectionTestFailed", { params: { reason }, cause: error });
    }
    if (error instanceof WhatsAppRequestError) {
      // Stored settings Meta would refuse (ids that are not numeric, an empty token): nothing was sent.
      const reason = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
      throw new AppError("invalid", "connectionTestFailed", { params: { reason }, cause: error });
    }
    if (isWhatsAppError(error)) {
      log.warn({ err: error }, "connection test failed");
      throw new AppError("invalid", "connectionUnreachable", { cause: error });
    }
    throw error;
  }
}
