/** The "preview as" picker: up to 20 contacts of the audience whose name or number matches the query. */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { audienceSchema, type AudienceInput } from "@/lib/campaigns/audience";
import { Invalid } from "@/lib/errors";
import { audienceWhere } from "./audience";

export const AUDIENCE_SEARCH_LIMIT = 20;

export async function searchAudienceContacts(
  ctx: WorkspaceContext,
  input: { audience: AudienceInput; query: string },
): Promise<{ id: string; name: string | null; phone: string | null }[]> {
  authorize(ctx, "campaign:view");
  const audience = audienceSchema.safeParse(input.audience);
  if (!audience.success) throw Invalid("campaignAudienceInvalid", { field: "audience" });
  const where = await audienceWhere(ctx, audience.data);
  const query = input.query.trim().slice(0, 100);
  const digits = query.replace(/[^\d]/g, "");
  const match = query
    ? {
        OR: [
          { name: { contains: query, mode: "insensitive" as const } },
          { profileName: { contains: query, mode: "insensitive" as const } },
          ...(digits ? [{ phone: { contains: digits } }] : []),
        ],
      }
    : {};
  const rows = await tenantDb(ctx).contact.findMany({
    where: { AND: [where, match, { workspaceId: ctx.workspaceId }] },
    select: { id: true, name: true, profileName: true, phone: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: AUDIENCE_SEARCH_LIMIT,
  });
  return rows.map((row) => ({ id: row.id, name: row.name ?? row.profileName, phone: row.phone }));
}
