/**
 * The WhatsApp Cloud API client for one business phone number: sends, read receipts, media,
 * templates and the number's details. Every method validates its input before sending (a
 * WhatsAppRequestError means nothing left the process), checks Meta's answer with zod, and
 * throws the typed errors of ./errors. It never retries: only the caller knows whether a retry
 * is safe (a campaign must not deliver twice), and every error says whether and when to retry.
 *
 *   const wa = createWhatsAppClient({ baseUrl, version, accessToken, phoneNumberId, wabaId });
 *   const { wamid } = await wa.sendText("6281234567890", "Halo!", { replyTo: inboundWamid });
 */
import { z } from "zod";
import type { CallOptions } from "./call-options";
import {
  downloadMedia,
  downloadMediaById,
  openMediaStream,
  type DownloadedMedia,
  type DownloadOptions,
  type MediaStream,
} from "./media/download";
import { deleteMedia, getMediaMetadata, type MediaMetadata } from "./media/node";
import { uploadMedia, type MediaUpload } from "./media/upload";
import type { CaptionedMedia, DocumentMedia, MediaRef } from "./messages/common";
import type { ContactCard } from "./messages/content";
import type { ButtonsInteractive, ListInteractive } from "./messages/interactive";
import type { OutboundContent, OutboundContentOf, ReadReceiptOptions, SendOptions } from "./messages/outbound";
import { markAsRead, sendMessage, type SendResult } from "./messages/send";
import type { TemplateSend } from "./messages/template";
import { getPhoneNumber, type PhoneNumberDetails } from "./phone-number";
import {
  createTemplate,
  deleteTemplate,
  editTemplate,
  getTemplate,
  listTemplates,
  type CreatedTemplate,
  type DeleteTemplateInput,
  type EditTemplateInput,
  type ListTemplatesOptions,
  type MessageTemplate,
} from "./templates/api";
import type { TemplateDefinition } from "./templates/definition";
import { uploadSample, type SampleUpload } from "./templates/upload";
import { createGraphTransport, DEFAULT_TIMEOUT_MS } from "./transport";
import { listWabaPhoneNumberIds, subscribeAppToWaba } from "./waba";
import { validateRequest } from "./validate";

export interface WhatsAppClientOptions {
  /** Graph API origin: https://graph.facebook.com, or the emulator's URL. */
  baseUrl: string;
  /** "v23.0"… Meta ships one about each quarter; keep it configurable. */
  version: string;
  accessToken: string;
  phoneNumberId: string;
  wabaId: string;
  /** Per call, default 15 s. */
  timeoutMs?: number;
  /** Injectable for tests; defaults to the global fetch (shared keep-alive pool). */
  fetch?: typeof fetch;
}

/** Options of every send: reply-to, callback data, cancellation and timeout. */
export type MessageOptions = SendOptions & CallOptions;

export interface WhatsAppClient {
  readonly phoneNumberId: string;
  readonly wabaId: string;

  /** Any message kind, built by the caller (the inbox and campaigns store `OutboundContent`). */
  sendMessage(to: string, content: OutboundContent, options?: MessageOptions): Promise<SendResult>;
  sendText(to: string, body: string, options?: MessageOptions & { previewUrl?: boolean }): Promise<SendResult>;
  sendImage(to: string, image: CaptionedMedia, options?: MessageOptions): Promise<SendResult>;
  sendVideo(to: string, video: CaptionedMedia, options?: MessageOptions): Promise<SendResult>;
  sendAudio(to: string, audio: MediaRef, options?: MessageOptions): Promise<SendResult>;
  sendDocument(to: string, document: DocumentMedia, options?: MessageOptions): Promise<SendResult>;
  sendSticker(to: string, sticker: MediaRef, options?: MessageOptions): Promise<SendResult>;
  sendLocation(to: string, location: OutboundContentOf<"location">["location"], options?: MessageOptions): Promise<SendResult>;
  sendContacts(to: string, contacts: ContactCard[], options?: MessageOptions): Promise<SendResult>;
  sendInteractive(to: string, interactive: ButtonsInteractive | ListInteractive, options?: MessageOptions): Promise<SendResult>;
  sendTemplate(to: string, template: TemplateSend, options?: MessageOptions): Promise<SendResult>;
  /** React to a message; `emoji: ""` removes an earlier reaction. */
  sendReaction(to: string, messageId: string, emoji: string, options?: MessageOptions): Promise<SendResult>;
  removeReaction(to: string, messageId: string, options?: MessageOptions): Promise<SendResult>;
  /** Blue ticks for an inbound message (and everything before it), optionally with "typing…". */
  markAsRead(messageId: string, options?: ReadReceiptOptions & CallOptions): Promise<void>;

  uploadMedia(upload: MediaUpload, options?: CallOptions): Promise<{ id: string }>;
  getMediaMetadata(mediaId: string, options?: CallOptions): Promise<MediaMetadata>;
  /** The bytes behind a URL from getMediaMetadata (valid 5 minutes). */
  downloadMedia(url: string, options?: DownloadOptions): Promise<DownloadedMedia>;
  openMediaStream(url: string, options?: DownloadOptions): Promise<MediaStream>;
  /** Metadata + bytes in one go, checked against Meta's size and sha256. */
  downloadMediaById(mediaId: string, options?: DownloadOptions): Promise<MediaMetadata & { bytes: Buffer }>;
  deleteMedia(mediaId: string, options?: CallOptions): Promise<void>;

  /** Every template of the WABA (all pages), optionally filtered. */
  listTemplates(options?: ListTemplatesOptions): Promise<MessageTemplate[]>;
  /** One template by its id (GET /{template-id}). */
  getTemplate(templateId: string, options?: CallOptions): Promise<MessageTemplate>;
  createTemplate(definition: TemplateDefinition, options?: CallOptions): Promise<CreatedTemplate>;
  /** POST /{template-id}: new components and/or category; the template goes back to review. */
  editTemplate(templateId: string, edit: EditTemplateInput, options?: CallOptions): Promise<void>;
  deleteTemplate(input: DeleteTemplateInput, options?: CallOptions): Promise<void>;
  /** A header sample through the Resumable Upload API: the handle for `example.header_handle`. */
  uploadSample(upload: SampleUpload, options?: CallOptions): Promise<{ handle: string }>;

  getPhoneNumber(options?: CallOptions): Promise<PhoneNumberDetails>;
  /** The ids of every phone number on the WABA (all pages). */
  listWabaPhoneNumberIds(options?: CallOptions): Promise<string[]>;
  /** Subscribes the token's app to the WABA's webhooks. */
  subscribeAppToWaba(options?: CallOptions): Promise<void>;
}

const graphId = z.string().regex(/^\d{1,30}$/, "expected a numeric Graph id");
const optionsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  version: z.string().regex(/^v\d+\.\d+$/, 'expected a Graph version such as "v23.0"'),
  accessToken: z.string().min(1, "missing access token"),
  phoneNumberId: graphId,
  wabaId: graphId,
  timeoutMs: z.number().int().positive().optional(),
});

export function createWhatsAppClient(options: WhatsAppClientOptions): WhatsAppClient {
  const config = validateRequest("create WhatsApp client", optionsSchema, { ...options, fetch: undefined });
  const transport = createGraphTransport({
    baseUrl: config.baseUrl,
    version: config.version,
    accessToken: config.accessToken,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch,
  });
  const { phoneNumberId, wabaId } = config;
  const send = (to: string, content: OutboundContent, opts?: MessageOptions) => sendMessage(transport, phoneNumberId, to, content, opts);

  return {
    phoneNumberId,
    wabaId,

    sendMessage: send,
    sendText: (to, body, opts = {}) => {
      const { previewUrl, ...rest } = opts;
      return send(to, { type: "text", text: { body, ...(previewUrl === undefined ? {} : { preview_url: previewUrl }) } }, rest);
    },
    sendImage: (to, image, opts) => send(to, { type: "image", image }, opts),
    sendVideo: (to, video, opts) => send(to, { type: "video", video }, opts),
    sendAudio: (to, audio, opts) => send(to, { type: "audio", audio }, opts),
    sendDocument: (to, document, opts) => send(to, { type: "document", document }, opts),
    sendSticker: (to, sticker, opts) => send(to, { type: "sticker", sticker }, opts),
    sendLocation: (to, location, opts) => send(to, { type: "location", location }, opts),
    sendContacts: (to, contacts, opts) => send(to, { type: "contacts", contacts }, opts),
    sendInteractive: (to, interactive, opts) => send(to, { type: "interactive", interactive }, opts),
    sendTemplate: (to, template, opts) => send(to, { type: "template", template }, opts),
    sendReaction: (to, messageId, emoji, opts) => send(to, { type: "reaction", reaction: { message_id: messageId, emoji } }, opts),
    removeReaction: (to, messageId, opts) => send(to, { type: "reaction", reaction: { message_id: messageId, emoji: "" } }, opts),
    markAsRead: (messageId, opts) => markAsRead(transport, phoneNumberId, messageId, opts),

    uploadMedia: (upload, opts) => uploadMedia(transport, phoneNumberId, upload, opts),
    getMediaMetadata: (mediaId, opts) => getMediaMetadata(transport, phoneNumberId, mediaId, opts),
    downloadMedia: (url, opts) => downloadMedia(transport, url, opts),
    openMediaStream: (url, opts) => openMediaStream(transport, url, opts),
    downloadMediaById: (mediaId, opts) => downloadMediaById(transport, phoneNumberId, mediaId, opts),
    deleteMedia: (mediaId, opts) => deleteMedia(transport, phoneNumberId, mediaId, opts),

    listTemplates: (opts) => listTemplates(transport, wabaId, opts),
    getTemplate: (templateId, opts) => getTemplate(transport, templateId, opts),
    createTemplate: (definition, opts) => createTemplate(transport, wabaId, definition, opts),
    editTemplate: (templateId, edit, opts) => editTemplate(transport, templateId, edit, opts),
    deleteTemplate: (input, opts) => deleteTemplate(transport, wabaId, input, opts),
    uploadSample: (upload, opts) => uploadSample(transport, upload, opts),

    getPhoneNumber: (opts) => getPhoneNumber(transport, phoneNumberId, opts),
    listWabaPhoneNumberIds: (opts) => listWabaPhoneNumberIds(transport, wabaId, opts),
    subscribeAppToWaba: (opts) => subscribeAppToWaba(transport, wabaId, opts),
  };
}

// The types callers need, from one import.
export type { CallOptions } from "./call-options";
export type { DownloadedMedia, DownloadOptions, MediaStream } from "./media/download";
export type { MediaMetadata } from "./media/node";
export type { MediaUpload } from "./media/upload";
export type { CaptionedMedia, DocumentMedia, MediaRef } from "./messages/common";
export type { ContactCard } from "./messages/content";
export type { ButtonsInteractive, ListInteractive } from "./messages/interactive";
export type {
  MessagePayload,
  OutboundContent,
  OutboundContentOf,
  OutboundMessageType,
  ReadReceiptOptions,
  SendOptions,
} from "./messages/outbound";
export type { MessageStatus, SendResult } from "./messages/send";
export type { TemplateSend } from "./messages/template";
export type { PhoneNumberDetails, QualityRating, ThroughputLevel } from "./phone-number";
export type {
  CreatedTemplate,
  DeleteTemplateInput,
  EditTemplateInput,
  ListTemplatesOptions,
  MessageTemplate,
  TemplateStatus,
} from "./templates/api";
export type { SampleUpload } from "./templates/upload";
export type { TemplateCategory, TemplateDefinition, TemplateDefinitionComponent } from "./templates/definition";
