/**
 * The contact side panel of a conversation: who the customer is, their groups and tags, whether
 * they opted out (and why), custom fields, the click-to-WhatsApp ad they first came from, plus the
 * workspace's groups and tags to pick from when editing.
 */
import { type Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { workspaceLabels } from "./workspace-labels";
import { storedCustomFields } from "./custom-field-values";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { NotFound } from "@/lib/errors";
import { parseReferral, type Referral } from "@/lib/whatsapp/webhook/referral";

export interface ContactPanel {
  id: string;
  name: string | null;
  profileName: string | null;
  phone: string | null;
  waId: string | null;
  email: string | null;
  customFields: Prisma.JsonValue;
  optedOutAt: Date | null;
  optOutReason: string | null;
  lastInboundAt: Date | null;
  /** The click-to-WhatsApp ad (or post) of the contact's first message that carried one, and when. */
  referral: Referral | null;
  referredAt: Date | null;
  createdAt: Date;
  groups: { id: string; name: string }[];
  tags: { id: string; name: string; color: string | null }[];
  /** Every group and tag of the workspace, for the edit form. */
  fieldValues: { key: string; label: string; value: string | number | boolean }[];
  options: { groups: { id: string; name: string }[]; tags: { id: string; name: string; color: string | null }[] };
}

export async function getContactPanel(ctx: WorkspaceContext, contactId: string): Promise<ContactPanel> {
  authorize(ctx, "contact:view");
  const contact = await tenantDb(ctx).contact.findFirst({
    where: { id: contactId, workspaceId: ctx.workspaceId },
    select: {
      id: true,
      name: true,
      profileName: true,
      phone: true,
      waId: true,
      email: true,
      customFields: true,
      optedOutAt: true,
      optOutReason: true,
      lastInboundAt: true,
      referral: true,
      referredAt: true,
      createdAt: true,
      groups: { select: { group: { select: { id: true, name: true } } } },
      tags: { select: { tag: { select: { id: true, name: true, color: true } } } },
    },
  });
  if (!contact) throw NotFound("contactNotFound");
  const [{ groups, tags }, definitions] = await Promise.all([
    workspaceLabels(ctx),
    tenantDb(ctx).customField.findMany({ where: { workspaceId: ctx.workspaceId }, select: { key: true, label: true }, orderBy: [{ createdAt: "asc" }, { key: "asc" }] }),
  ]);
  const values = storedCustomFields(contact.customFields);
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return {
    ...contact,
    // Re-read within the same bounds as when it was stored, whatever the row holds.
    referral: parseReferral(contact.referral),
    groups: contact.groups.map((g) => g.group).sort(byName),
    tags: contact.tags.map((t) => t.tag).sort(byName),
    options: { groups, tags },
    // The workspace's fields by their labels, in their order; a stored key without a field is not shown.
    fieldValues: definitions.flatMap((d) => {
      const value = values[d.key];
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? [{ key: d.key, label: d.label, value }] : [];
    }),
  };
}
