/**
 * Segments: saved contact filters with a name, counted live. A segment stores the filter, not its
 * members, so it always means "who matches now"; campaigns resolve it at send time (segmentWhere).
 */
import { z } from "zod";
import type { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Conflict, NotFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { contactFilterSchema, type ContactFilter, type ContactFilterInput } from "./filter/schema";
import { filterWhere } from "./filter/to-where";
import { workspaceFilterContext } from "./filter/context";
import { invalidFromZod } from "./contact-fields";

export const MAX_SEGMENTS = 200;

export const saveSegmentSchema = z.object({
  segmentId: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1, "segmentNameRequired").max(80, "segmentNameTooLong"),
  filter: contactFilterSchema,
});
export type SaveSegmentInput = z.input<typeof saveSegmentSchema>;

export interface SegmentSummary {
  id: string;
  name: string;
  filter: ContactFilter;
  updatedAt: Date;
}

/** A stored filter read back; one that no longer parses (an older shape) is "every contact" rather than a crash. */
function storedFilter(value: Prisma.JsonValue): ContactFilter {
  const parsed = contactFilterSchema.safeParse(value);
  return parsed.success ? parsed.data : { match: "all", conditions: [] };
}

export async function listSegments(ctx: WorkspaceContext): Promise<SegmentSummary[]> {
  authorize(ctx, "contact:view");
  const rows = await tenantDb(ctx).segment.findMany({
    where: { workspaceId: ctx.workspaceId },
    select: { id: true, name: true, filter: true, updatedAt: true },
    orderBy: { name: "asc" },
    take: MAX_SEGMENTS,
  });
  return rows.map((row) => ({ ...row, filter: storedFilter(row.filter) }));
}

export async function saveSegment(ctx: WorkspaceContext, input: SaveSegmentInput): Promise<{ id: string }> {
  authorize(ctx, "contact:write");
  const parsed = saveSegmentSchema.safeParse(input);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  const { segmentId, name, filter } = parsed.data;
  const db = tenantDb(ctx);
  try {
    if (segmentId) {
      const { count } = await db.segment.updateMany({ where: { id: segmentId, workspaceId: ctx.workspaceId }, data: { name, filter } });
      if (count === 0) throw NotFound("segmentNotFound");
      return { id: segmentId };
    }
    if ((await db.segment.count({ where: { workspaceId: ctx.workspaceId } })) >= MAX_SEGMENTS) throw Conflict("segmentLimit", { params: { max: MAX_SEGMENTS } });
    return await db.segment.create({ data: { workspaceId: ctx.workspaceId, name, filter, createdById: ctx.userId }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error)) throw Conflict("segmentNameTaken", { field: "name" });
    throw error;
  }
}

export async function deleteSegment(ctx: WorkspaceContext, segmentId: string): Promise<void> {
  authorize(ctx, "contact:write");
  const { count } = await tenantDb(ctx).segment.deleteMany({ where: { id: segmentId, workspaceId: ctx.workspaceId } });
  if (count === 0) throw NotFound("segmentNotFound");
}

/** The contacts a segment matches now, as a where (for campaigns, exports and counts). */
export async function segmentWhere(ctx: WorkspaceContext, segmentId: string): Promise<Prisma.ContactWhereInput> {
  authorize(ctx, "contact:view");
  const segment = await tenantDb(ctx).segment.findFirst({ where: { id: segmentId, workspaceId: ctx.workspaceId }, select: { filter: true } });
  if (!segment) throw NotFound("segmentNotFound");
  return filterWhere(storedFilter(segment.filter), await workspaceFilterContext(ctx));
}

/** How many contacts a filter matches now: the segment builder's live count. */
export async function countContacts(ctx: WorkspaceContext, filter: ContactFilterInput): Promise<number> {
  authorize(ctx, "contact:view");
  const parsed = contactFilterSchema.safeParse(filter);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  return tenantDb(ctx).contact.count({ where: filterWhere(parsed.data, await workspaceFilterContext(ctx)) });
}
