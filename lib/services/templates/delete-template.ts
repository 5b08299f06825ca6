/**
 * Deletes a template: `scope: "language"` this one only (Meta: DELETE by name + hsm_id), `"all"`
 * every language of its name (Meta: DELETE by name). Drafts never submitted are deleted here only;
 * rows Meta holds are removed once Meta said success — or said it no longer has the template
 * (deleted on Meta's side already). Meta's refusal keeps the rows, with `lastError`.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { AppError, Invalid } from "@/lib/errors";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import { connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import { WhatsAppApiError } from "@/lib/whatsapp/errors";
import { classifyTemplateCallError } from "./meta-refusal";
import { publishTemplate } from "./shared";

export type DeleteScope = "language" | "all";

export interface DeleteInput {
  id: string;
  scope: DeleteScope;
}

export interface DeleteResult {
  /** The ids of the rows removed. */
  deleted: string[];
}

/** Meta's answer when it holds no such template any more (code 100, "Message template not found"). */
function alreadyGone(error: unknown): boolean {
  return (
    error instanceof WhatsAppApiError && error.code === 100 && /template not found/i.test(`${error.title ?? ""} ${error.userMessage ?? ""}`)
  );
}

export async function deleteTemplate(ctx: WorkspaceContext, input: DeleteInput): Promise<DeleteResult> {
  authorize(ctx, "template:manage");
  const db = tenantDb(ctx);
  const target = await db.template.findUnique({
    where: { id: input.id, workspaceId: ctx.workspaceId },
    select: { id: true, name: true, metaId: true },
  });
  if (!target) throw new AppError("not_found", "templateNotFound");
  const rows = await db.template.findMany({
    where: input.scope === "all" ? { workspaceId: ctx.workspaceId, name: target.name } : { workspaceId: ctx.workspaceId, id: target.id },
    select: { id: true, metaId: true },
  });
  const submitted = rows.filter((row) => row.metaId !== null);

  if (submitted.length > 0) {
    const connection = await connectionForWorkspace(ctx.workspaceId);
    if (!connection) throw Invalid("notConnected");
    try {
      // By name alone Meta deletes every language; with the id, only that one.
      await clientForConnection(connection).deleteTemplate(
        input.scope === "all" ? { name: target.name } : { name: target.name, hsmId: target.metaId ?? undefined },
      );
    } catch (error) {
      if (!alreadyGone(error)) {
        const { stored, error: thrown } = classifyTemplateCallError(error);
        if (stored) {
          await db.template.updateMany({
            where: { workspaceId: ctx.workspaceId, id: { in: submitted.map((row) => row.id) } },
            data: { lastError: stored as unknown as Prisma.InputJsonValue },
          });
        }
        throw thrown;
      }
    }
  }

  const ids = rows.map((row) => row.id);
  await db.template.deleteMany({ where: { workspaceId: ctx.workspaceId, id: { in: ids } } });
  for (const id of ids) await publishTemplate(ctx, { id, status: "DELETED" });
  return { deleted: ids };
}
