/**
 * A campaign send as a message of the contact's conversation: the template Meta was sent and how it
 * rendered, stored in the contact's open conversation (created when there is none). Written by the
 * sender when Meta accepts a batch (settle.ts), and by reconciliation for a recipient whose send
 * Meta confirmed only by status webhook (a sender killed between Meta's answer and its write-back).
 * One Message per recipient and per wamid (both unique): whichever writer comes second does nothing.
 */
import type { Prisma } from "@/lib/db";
import { resolveVariables, type MappingContact, type VariableMapping } from "@/lib/campaigns/mapping";
import { buildTemplateSend, type MediaResolver } from "@/lib/services/inbox/template-send";
import { sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";

export interface SentMessage {
  recipientId: string;
  contactId: string;
  wamid: string;
  at: Date;
  /** Meta's request and the rendered template, as the timeline stores a template message. */
  content: Prisma.InputJsonObject;
  preview: string;
}

type BuiltSend = Awaited<ReturnType<typeof buildTemplateSend>>;

/**
 * The template send one recipient gets: its variables from the contact, its tracked links naming the
 * recipient (the click token is the recipient's id). The sender and reconciliation build it alike.
 */
export function buildRecipientSend(
  campaign: { template: Parameters<typeof buildTemplateSend>[0]; mapping: VariableMapping; origin: string; resolveMedia: MediaResolver },
  recipient: MappingContact & { id: string },
): Promise<BuiltSend> {
  const variables = resolveVariables(campaign.mapping, recipient, { clickToken: recipient.id, appUrl: campaign.origin });
  return buildTemplateSend(campaign.template, variables, campaign.resolveMedia);
}

/** The stored content and list preview of a built template send. */
export function sentMessageContent(built: BuiltSend): Pick<SentMessage, "content" | "preview"> {
  return {
    // RenderedTemplate is plain JSON; its interfaces just lack the index signature Prisma's type wants.
    content: { ...built.send, rendered: built.rendered } as unknown as Prisma.InputJsonObject,
    preview: `📋 ${built.preview}`.slice(0, 200),
  };
}

/** Stores the messages of one workspace's campaign sends from one number, in two statements. */
export async function storeSentMessages(tx: Prisma.TransactionClient, workspaceId: string, connectionId: string, sent: SentMessage[], now = new Date()): Promise<void> {
  if (sent.length === 0) return;
  const contactIds = sent.map((a) => a.contactId);
  const previews = sent.map((a) => a.preview);
  await tx.$executeRaw`
    INSERT INTO ${sqlName("Conversation")} (id, "workspaceId", "contactId", "connectionId", "isOpen", "lastMessagePreview", "lastMessageAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${workspaceId}, v.contact, ${connectionId}, true, v.preview, ${sqlTimestamp(now)}, ${sqlTimestamp(now)}, ${sqlTimestamp(now)}
    FROM unnest(${contactIds}::text[], ${previews}::text[]) AS v(contact, preview)
    ON CONFLICT ("contactId", "isOpen") DO UPDATE SET
      "lastMessagePreview" = EXCLUDED."lastMessagePreview", "lastMessageAt" = EXCLUDED."lastMessageAt", "updatedAt" = EXCLUDED."updatedAt"`;
  await tx.$executeRaw`
    INSERT INTO ${sqlName("Message")} (id, "workspaceId", "conversationId", "contactId", "connectionId", direction, type, content, "previewText", wamid, status, "sentAt", "campaignRecipientId", timestamp, "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${workspaceId}, conv.id, v.contact, ${connectionId}, 'outbound', 'template', v.content::jsonb, v.preview, v.wamid, 'sent',
           v.at AT TIME ZONE 'UTC', v.recipient, v.at AT TIME ZONE 'UTC', ${sqlTimestamp(now)}, ${sqlTimestamp(now)}
    FROM unnest(${sent.map((a) => a.recipientId)}::text[], ${contactIds}::text[], ${sent.map((a) => a.wamid)}::text[], ${sent.map((a) => JSON.stringify(a.content))}::text[],
                ${previews}::text[], ${sent.map((a) => a.at.toISOString())}::timestamptz[]) AS v(recipient, contact, wamid, content, preview, at)
    JOIN ${sqlName("Conversation")} conv ON conv."contactId" = v.contact AND conv."isOpen" = true AND conv."workspaceId" = ${workspaceId}
    ON CONFLICT DO NOTHING`;
}
