/**
 * The contact page (/w/[slug]/contacts/[contactId]): everything the workspace knows about one
 * contact — details, consent state with its source, the click-to-WhatsApp ad they first came from,
 * custom fields labelled by their definitions, groups, tags, and their conversations newest first —
 * plus what the edit form picks from (the workspace's groups, tags and field definitions).
 * Another workspace's id, an unknown id and a malformed one are all `contactNotFound`.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { NotFound } from "@/lib/errors";
import type { ConsentSource, ConversationStatus, CustomFieldType } from "@/lib/generated/prisma/enums";
import { parseReferral, type Referral } from "@/lib/whatsapp/webhook/referral";
import { type CustomFieldValue, storedCustomFields } from "./custom-field-values";
import { workspaceLabels } from "./workspace-labels";

/** The newest conversations listed; a contact with more says so (`moreConversations`). */
export const CONTACT_CONVERSATIONS_SHOWN = 50;

export interface ContactCustomField {
  key: string;
  label: string;
  type: CustomFieldType;
  /** A select's choices, in order; [] for other types. */
  options: string[];
  /** The stored value, or null when the contact has none. */
  value: CustomFieldValue | null;
}

export interface ContactConversation {
  id: string;
  status: ConversationStatus;
  lastMessageAt: Date | null;
  lastMessagePreview: string | null;
  createdAt: Date;
  assignee: { id: string; name: string } | null;
}

export interface ContactDetail {
  id: string;
  name: string | null;
  profileName: string | null;
  /** E.164; null for a username-only WhatsApp user (then `waId` may say who they are). */
  phone: string | null;
  waId: string | null;
  email: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastInboundAt: Date | null;
  optedOutAt: Date | null;
  optOutReason: string | null;
  optOutSource: ConsentSource | null;
  optedInAt: Date | null;
  optInSource: ConsentSource | null;
  referral: Referral | null;
  referredAt: Date | null;
  /** Every field the workspace defines, oldest first, each with this contact's value (or null). */
  customFields: ContactCustomField[];
  groups: { id: string; name: string }[];
  tags: { id: string; name: string; color: string | null }[];
  conversations: ContactConversation[];
  moreConversations: boolean;
  /** Every group and tag of the workspace, for the edit form. */
  options: { groups: { id: string; name: string }[]; tags: { id: string; name: string; color: string | null }[] };
}

const asChoices = (value: unknown): string[] => (Array.isArray(value) ? value.filter((o): o is string => typeof o === "string") : []);
const asValue = (value: unknown): CustomFieldValue | null =>
  typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)) ? value : null;

export async function getContact(ctx: WorkspaceContext, contactId: string): Promise<ContactDetail> {
  authorize(ctx, "contact:view");
  if (typeof contactId !== "string" || contactId.length === 0 || contactId.length > 64) throw NotFound("contactNotFound");
  const db = tenantDb(ctx);
  const contact = await db.contact.findFirst({
    where: { id: contactId, workspaceId: ctx.workspaceId },
    select: {
      id: true,
      name: true,
      profileName: true,
      phone: true,
      waId: true,
      email: true,
      customFields: true,
      createdAt: true,
      updatedAt: true,
      lastInboundAt: true,
      optedOutAt: true,
      optOutReason: true,
      optOutSource: true,
      optedInAt: true,
      optInSource: true,
      referral: true,
      referredAt: true,
      groups: { select: { group: { select: { id: true, name: true } } } },
      tags: { select: { tag: { select: { id: true, name: true, color: true } } } },
    },
  });
  if (!contact) throw NotFound("contactNotFound");

  const [conversations, definitions, { groups, tags }] = await Promise.all([
    db.conversation.findMany({
      where: { contactId: contact.id, workspaceId: ctx.workspaceId },
      // Newest activity first; a conversation with no message yet by when it was opened.
      orderBy: [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
      take: CONTACT_CONVERSATIONS_SHOWN + 1,
      select: {
        id: true,
        status: true,
        lastMessageAt: true,
        lastMessagePreview: true,
        createdAt: true,
        assignee: { select: { id: true, name: true, email: true } },
      },
    }),
    db.customField.findMany({
      where: { workspaceId: ctx.workspaceId },
      orderBy: [{ createdAt: "asc" }, { key: "asc" }],
      select: { key: true, label: true, type: true, options: true },
    }),
    workspaceLabels(ctx),
  ]);

  const stored = storedCustomFields(contact.customFields);
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  const { customFields: _raw, groups: memberOf, tags: tagged, referral, ...details } = contact;
  return {
    ...details,
    // Re-read within the same bounds as when it was stored, whatever the row holds.
    referral: parseReferral(referral),
    // A value without a definition is invisible (custom-field-definitions.ts): only defined fields show.
    customFields: definitions.map((d) => ({ key: d.key, label: d.label, type: d.type, options: asChoices(d.options), value: asValue(stored[d.key]) })),
    groups: memberOf.map((g) => g.group).sort(byName),
    tags: tagged.map((t) => t.tag).sort(byName),
    conversations: conversations.slice(0, CONTACT_CONVERSATIONS_SHOWN).map(({ assignee, ...c }) => ({
      ...c,
      assignee: assignee ? { id: assignee.id, name: assignee.name ?? assignee.email } : null,
    })),
    moreConversations: conversations.length > CONTACT_CONVERSATIONS_SHOWN,
    options: { groups, tags },
  };
}
