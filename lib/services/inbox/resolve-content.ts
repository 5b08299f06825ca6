/**
 * The agent's `content` → what is stored and what is sent: the Meta-shaped payload
 * (`OutboundContent`), the Message's type and stored content (the type's object, as inbound rows
 * store it), the list preview, and the rows it depends on — the uploaded attachment, the approved
 * template, the message reacted to — all looked up inside the workspace and conversation.
 */
import { type Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { AppError, Invalid } from "@/lib/errors";
import type { MessageType } from "@/lib/generated/prisma/enums";
import type { OutboundContent } from "@/lib/whatsapp/client";
import { mediaTypeOf } from "@/lib/whatsapp/media/limits";
import { shorten } from "@/lib/whatsapp/webhook/preview";
import type { SendContent } from "./send-input";
import { workspaceMediaResolver } from "@/lib/services/media/outbound/media-resolver";
import { buildTemplateSend } from "./template-send";

export interface ResolvedContent {
  type: MessageType;
  outbound: OutboundContent;
  /** The type's object (`outbound[type]`), stored in Message.content. */
  stored: Prisma.InputJsonObject;
  preview: string | null;
  /** Free-form content needs the customer-service window; templates do not. */
  freeForm: boolean;
  /** The uploaded attachment this message carries. */
  mediaId?: string;
  /** A reaction's target (stored in replyToWamid, where the timeline folds reactions from). */
  reactionTargetWamid?: string;
  /** The bubble a reaction belongs to: sendMessage answers with it. */
  reactionTargetId?: string;
}

const MARKS = { image: "📷", video: "🎥", audio: "🎵", document: "📄", sticker: "💟" } as const;

const preview = (text: string | null | undefined) => (text ? shorten(text) || null : null);

async function mediaContent(workspaceId: string, content: Extract<SendContent, { type: "media" }>): Promise<ResolvedContent> {
  const media = await tenantDb({ workspaceId }).media.findFirst({
    where: { id: content.mediaUploadId, workspaceId, direction: "outbound" },
    select: { id: true, status: true, metaMediaId: true, mimeType: true, filename: true, messageId: true },
  });
  if (!media || media.status !== "stored" || !media.metaMediaId) throw new AppError("invalid", "attachmentNotFound", { field: "file" });
  if (media.messageId) throw new AppError("conflict", "attachmentAlreadySent", { field: "file" });
  const kind = mediaTypeOf(media.mimeType)?.kind;
  if (!kind) throw new AppError("invalid", "mediaTypeNotSupported", { params: { type: media.mimeType }, field: "file" });
  const ref = { id: media.metaMediaId };
  const caption = content.caption?.trim() || undefined;
  if (caption && (kind === "audio" || kind === "sticker")) throw Invalid("captionNotAllowed", { field: "caption" });

  let outbound: OutboundContent;
  let text: string | null | undefined = caption;
  switch (kind) {
    case "image":
      outbound = { type: "image", image: { ...ref, ...(caption ? { caption } : {}) } };
      break;
    case "video":
      outbound = { type: "video", video: { ...ref, ...(caption ? { caption } : {}) } };
      break;
    case "document": {
      const filename = content.filename?.trim() || media.filename || undefined;
      outbound = { type: "document", document: { ...ref, ...(caption ? { caption } : {}), ...(filename ? { filename } : {}) } };
      text = filename ?? caption;
      break;
    }
    case "audio":
      outbound = { type: "audio", audio: ref };
      break;
    case "sticker":
      outbound = { type: "sticker", sticker: ref };
      break;
  }
  const stored = (outbound as Record<string, unknown>)[kind] as Prisma.InputJsonObject;
  return { type: kind, outbound, stored, preview: preview(text ? `${MARKS[kind]} ${text}` : MARKS[kind]), freeForm: true, mediaId: media.id };
}

async function templateContent(workspaceId: string, content: Extract<SendContent, { type: "template" }>): Promise<ResolvedContent> {
  const template = await tenantDb({ workspaceId }).template.findFirst({
    where: { id: content.templateId, workspaceId },
    select: { name: true, language: true, status: true, components: true },
  });
  if (!template) throw new AppError("not_found", "templateNotFound", { field: "templateId" });
  if (template.status !== "APPROVED") throw new AppError("invalid", "templateNotApproved", { params: { status: template.status }, field: "templateId" });
  const { send, preview: text, rendered } = await buildTemplateSend(template, content.variables, workspaceMediaResolver({ workspaceId }));
  return {
    type: "template",
    outbound: { type: "template", template: send },
    // Meta's request, and beside it the template as the customer sees it (the timeline draws it).
    // RenderedTemplate is plain JSON; its interfaces just lack the index signature Prisma's type wants.
    stored: { ...send, rendered } as unknown as Prisma.InputJsonObject,
    preview: preview(`📋 ${text}`),
    freeForm: false,
  };
}

async function reactionContent(
  workspaceId: string,
  conversationId: string,
  content: Extract<SendContent, { type: "reaction" }>,
): Promise<ResolvedContent> {
  const target = await tenantDb({ workspaceId }).message.findFirst({
    where: { id: content.messageId, workspaceId, conversationId, type: { not: "reaction" } },
    select: { id: true, wamid: true },
  });
  if (!target) throw new AppError("not_found", "messageNotFound", { field: "messageId" });
  if (!target.wamid) throw Invalid("messageNotSent", { field: "messageId" });
  const reaction = { message_id: target.wamid, emoji: content.emoji };
  return {
    type: "reaction",
    outbound: { type: "reaction", reaction },
    stored: reaction,
    preview: preview(content.emoji),
    freeForm: true,
    reactionTargetWamid: target.wamid,
    reactionTargetId: target.id,
  };
}

export async function resolveContent(workspaceId: string, conversationId: string, content: SendContent): Promise<ResolvedContent> {
  switch (content.type) {
    case "text": {
      const text = { body: content.body, ...(content.previewUrl ? { preview_url: true } : {}) };
      return { type: "text", outbound: { type: "text", text }, stored: text, preview: preview(content.body), freeForm: true };
    }
    case "media":
      return mediaContent(workspaceId, content);
    case "template":
      return templateContent(workspaceId, content);
    case "reaction":
      return reactionContent(workspaceId, conversationId, content);
  }
}

/**
 * The payload again from a stored outbound message (a retry sends exactly what was sent): a
 * template's stored `rendered` parts are Parley's, not Meta's, and stay out of the request.
 */
export function storedOutbound(type: MessageType, content: Prisma.JsonValue): OutboundContent {
  if (type === "template" && typeof content === "object" && content !== null && !Array.isArray(content)) {
    const { rendered: _rendered, ...request } = content;
    return { type, template: request } as OutboundContent;
  }
  return { type, [type]: content } as OutboundContent;
}
