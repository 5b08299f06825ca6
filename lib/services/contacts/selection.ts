/**
 * Which contacts a bulk action is for: rows picked by hand (on any page), or everything a filter
 * matches — "select all 48,210" — minus the rows unticked after. The filter is compiled again on the
 * server at the moment of the action; the client never sends ids it has not seen.
 */
import { z } from "zod";
import type { Prisma } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { contactFilterSchema } from "./filter/schema";
import { filterWhere } from "./filter/to-where";
import { workspaceFilterContext } from "./filter/context";

const contactId = z.string().min(1).max(64);
export const MAX_PICKED = 1_000;

export const selectionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ids"), ids: z.array(contactId).min(1, "selectionEmpty").max(MAX_PICKED, "selectionTooLarge") }),
  z.object({ kind: z.literal("filter"), filter: contactFilterSchema, except: z.array(contactId).max(MAX_PICKED, "selectionTooLarge").default([]) }),
]);
export type ContactSelection = z.infer<typeof selectionSchema>;
export type ContactSelectionInput = z.input<typeof selectionSchema>;

export async function selectionWhere(ctx: WorkspaceContext, selection: ContactSelection): Promise<Prisma.ContactWhereInput> {
  if (selection.kind === "ids") return { workspaceId: ctx.workspaceId, id: { in: selection.ids } };
  const where = filterWhere(selection.filter, await workspaceFilterContext(ctx));
  return selection.except.length > 0 ? { AND: [where, { id: { notIn: selection.except } }] } : where;
}
