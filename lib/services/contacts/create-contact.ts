/**
 * Someone adds a contact by hand (the contacts page, later the API): the phone number normalised
 * to E.164 with the workspace's default country (./phone.ts), refused with the reason when it is
 * not a number; name, email, custom fields checked against the workspace's definitions, tags and
 * groups. A number the workspace already holds is a conflict naming the field, never a second
 * contact. WhatsApp's own id (waId) is left for Meta to tell: in some countries it is not the
 * number's digits, and the first inbound message finds the contact by its phone.
 */
import { z } from "zod";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { isUniqueViolation } from "@/lib/db/errors";
import { tenantDb } from "@/lib/db/tenant";
import { Conflict, Invalid } from "@/lib/errors";
import { contactFields, invalidFromZod } from "./contact-fields";
import { setContactLabels } from "./contact-labels";
import { readCustomFieldValues } from "./custom-field-values";
import { normalizePhone } from "./phone";

export const createContactSchema = z.object({
  phone: z.string().max(40, "phoneTooLong"),
  ...contactFields,
  customFields: z.record(z.string().max(64), z.unknown()).optional(),
  /** The customer agreed to marketing messages, as the member adding them records (source manual). */
  optedIn: z.boolean().optional(),
});
export type CreateContactInput = z.input<typeof createContactSchema>;

export async function createContact(ctx: WorkspaceContext, input: CreateContactInput): Promise<{ id: string; phone: string }> {
  authorize(ctx, "contact:write");
  const parsed = createContactSchema.safeParse(input);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  const data = parsed.data;
  const db = tenantDb(ctx);

  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { defaultCountry: true } });
  const phone = normalizePhone(data.phone, workspace.defaultCountry);
  if (!phone.ok) throw Invalid(phone.problem, { field: "phone" });

  const definitions = data.customFields ? await db.customField.findMany({ where: { workspaceId: ctx.workspaceId }, select: { key: true, label: true, type: true, options: true } }) : [];
  const custom = readCustomFieldValues(definitions, data.customFields ?? {});
  const problem = custom.errors[0];
  if (problem) throw Invalid(problem.problem, { field: `customFields.${problem.key}` });

  try {
    return await db.$transaction(async (tx) => {
      const contact = await tx.contact.create({
        data: {
          workspaceId: ctx.workspaceId,
          phone: phone.e164,
          name: data.name ?? null,
          email: data.email ?? null,
          customFields: custom.set,
          ...(data.optedIn ? { optedInAt: new Date(), optInSource: "manual" as const } : {}),
        },
        select: { id: true, phone: true },
      });
      await setContactLabels(tx, ctx.workspaceId, contact.id, { tags: data.tags, groupIds: data.groupIds });
      return { id: contact.id, phone: phone.e164 };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw Conflict("contactPhoneTaken", { field: "phone" });
    throw error;
  }
}
