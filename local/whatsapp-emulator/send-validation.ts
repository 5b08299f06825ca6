/**
 * Checks a POST /{phone-number-id}/messages body the way Meta does, in Meta's order: the envelope
 * (messaging_product, recipient, type), the type's object, then what needs the emulator's state
 * (uploaded media, approved templates and their parameters). Throws a GraphError; returns what
 * the send needs, including an async failure to announce (a media link that cannot be fetched).
 */
import { errors, statusError } from "./graph-errors";
import { isObject, type JsonObject } from "./http";
import { normalizeWaId } from "./ids";
import { baseMimeType, type MediaStore } from "./media-store";
import { displayDigits } from "./phone-numbers";
import {
  INTERACTIVE_TYPES,
  interactiveSchema,
  issueDetails,
  MEDIA_TYPES,
  MESSAGE_TYPES,
  type MediaType,
  type MessageType,
  typeSchema,
} from "./send-schema";
import { componentOf, templateVariables, type Templates } from "./templates";
import type { EmulatorPhoneNumber, StatusError, TemplateRecord } from "./types";

export type ValidatedRequest =
  | { kind: "read"; messageId: string; typingIndicator: boolean }
  | {
      kind: "message";
      type: MessageType;
      to: string;
      waId: string;
      template?: TemplateRecord;
      bizOpaqueCallbackData?: string;
      /** Fails after acceptance (e.g. a media link that cannot be downloaded). */
      asyncFailure?: StatusError;
    };

export interface ValidationDeps {
  media: MediaStore;
  templates: Templates;
}

export function validateSendRequest(number: EmulatorPhoneNumber, body: unknown, deps: ValidationDeps): ValidatedRequest {
  if (!isObject(body)) throw errors.missingParameter("messaging_product");
  if (body.messaging_product === undefined) throw errors.missingParameter("messaging_product");
  if (body.messaging_product !== "whatsapp") throw errors.invalidParameter("Param messaging_product must be 'whatsapp'.");

  if (body.status !== undefined) return validateReadReceipt(body);

  if (body.recipient_type !== undefined && body.recipient_type !== "individual")
    throw errors.invalidParameter("Param recipient_type must be 'individual'.");
  if (body.to === undefined || body.to === "") throw errors.missingParameter("to");
  if (typeof body.to !== "string") throw errors.invalidParameter("Param to must be a string.");
  const waId = normalizeWaId(body.to);
  if (waId.length < 5 || waId.length > 15 || /[^\d\s()+\-.]/.test(body.to))
    throw errors.invalidParameter(`Param to (${body.to}) is not a valid WhatsApp user phone number.`);
  if (waId === displayDigits(number)) throw errors.recipientIsSender();

  const type = body.type === undefined ? "text" : body.type;
  if (typeof type !== "string" || !(MESSAGE_TYPES as readonly string[]).includes(type)) {
    throw errors.invalidParameter(`Param type must be one of {${MESSAGE_TYPES.join(", ")}}.`);
  }
  const messageType = type as MessageType;
  const object = body[messageType];
  if (object === undefined) throw errors.missingParameter(messageType);

  if (body.context !== undefined) {
    if (!isObject(body.context) || typeof body.context.message_id !== "string" || body.context.message_id === "")
      throw errors.missingParameter("context['message_id']");
  }
  const bizOpaqueCallbackData = body.biz_opaque_callback_data;
  if (bizOpaqueCallbackData !== undefined) {
    if (typeof bizOpaqueCallbackData !== "string") throw errors.invalidParameter("Param biz_opaque_callback_data must be a string.");
    if (Buffer.byteLength(bizOpaqueCallbackData) > 512)
      throw errors.invalidParameter("Param biz_opaque_callback_data must be at most 512 characters long.");
  }

  let asyncFailure: StatusError | undefined;
  let template: TemplateRecord | undefined;
  if (messageType === "interactive") {
    asyncFailure = validateInteractive(object, deps.media);
  } else {
    const parsed = typeSchema(messageType).safeParse(object, { reportInput: true });
    if (!parsed.success) throw errors.invalidParameter(issueDetails(parsed.error.issues[0]!, [messageType]));
    if ((MEDIA_TYPES as readonly string[]).includes(messageType))
      asyncFailure = validateMedia(messageType as MediaType, object as JsonObject, [messageType], deps.media);
    if (messageType === "template") template = validateTemplate(number, object as JsonObject, deps);
  }
  return { kind: "message", type: messageType, to: body.to, waId, template, bizOpaqueCallbackData, asyncFailure };
}

function validateReadReceipt(body: JsonObject): ValidatedRequest {
  if (body.status !== "read") throw errors.invalidParameter("Param status must be 'read'.");
  if (body.message_id === undefined) throw errors.missingParameter("message_id");
  if (typeof body.message_id !== "string" || !body.message_id.startsWith("wamid."))
    throw errors.invalidParameter("Param message_id is not a valid WhatsApp message id.");
  const typing = body.typing_indicator;
  if (typing !== undefined && !(isObject(typing) && typing.type === "text"))
    throw errors.invalidParameter("Param typing_indicator['type'] must be 'text'.");
  return { kind: "read", messageId: body.message_id, typingIndicator: typing !== undefined };
}

function validateInteractive(object: unknown, media: MediaStore): StatusError | undefined {
  if (!isObject(object)) throw errors.invalidParameter("Param interactive must be an object.");
  if (object.type === undefined) throw errors.missingParameter("interactive['type']");
  if (typeof object.type !== "string" || !(INTERACTIVE_TYPES as readonly string[]).includes(object.type)) {
    throw errors.invalidParameter(`Param interactive['type'] must be one of {${INTERACTIVE_TYPES.join(", ")}}.`);
  }
  const parsed = interactiveSchema(object.type).safeParse(object, { reportInput: true });
  if (!parsed.success) throw errors.invalidParameter(issueDetails(parsed.error.issues[0]!, ["interactive"]));
  const header = object.header;
  if (isObject(header) && typeof header.type === "string" && ["image", "video", "document"].includes(header.type)) {
    return validateMedia(header.type as MediaType, header[header.type] as JsonObject, ["interactive", "header", header.type], media);
  }
  return undefined;
}

/** Which stored mime types each media message type may carry. */
function acceptsMime(type: MediaType, mimeType: string): boolean {
  const base = baseMimeType(mimeType);
  switch (type) {
    case "image":
      return base === "image/jpeg" || base === "image/png";
    case "sticker":
      return base === "image/webp";
    case "audio":
      return base.startsWith("audio/");
    case "video":
      return base === "video/mp4" || base === "video/3gpp";
    case "document":
      return true;
  }
}

function validateMedia(type: MediaType, media: JsonObject, path: string[], store: MediaStore): StatusError | undefined {
  const param = path.map((key, index) => (index === 0 ? key : `['${key}']`)).join("");
  if (media.caption !== undefined && (type === "audio" || type === "sticker"))
    throw errors.invalidParameter(`Param ${param}['caption'] is not a valid parameter for ${type} messages.`);
  if (media.filename !== undefined && type !== "document")
    throw errors.invalidParameter(`Param ${param}['filename'] is only valid for document messages.`);
  if (typeof media.id === "string") {
    const record = store.get(media.id);
    if (!record) throw errors.invalidParameter(`Param ${param}['id'] is not a valid whatsapp business account media attachment ID`);
    if (!acceptsMime(type, record.mimeType)) {
      throw errors.mediaUpload(
        type === "image" && baseMimeType(record.mimeType) === "image/webp"
          ? "Unsupported image type image/webp: images must be image/jpeg or image/png (send webp as a sticker, or convert it)."
          : `Media of type ${record.mimeType} cannot be sent as ${type}.`,
      );
    }
    return undefined;
  }
  const link = String(media.link);
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw errors.invalidParameter(`Param ${param}['link'] is not a valid URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw errors.invalidParameter(`Param ${param}['link'] must be an http(s) URL.`);
  if (url.hostname.endsWith(".invalid")) return statusError(131053, "Media upload error", `Unable to download the media from ${link}.`);
  if (type === "image" && /\.webp$/i.test(url.pathname))
    return statusError(131053, "Media upload error", "Unsupported image type image/webp: images must be image/jpeg or image/png.");
  return undefined;
}

function validateTemplate(number: EmulatorPhoneNumber, object: JsonObject, deps: ValidationDeps): TemplateRecord {
  const name = String(object.name);
  const language = String((object.language as JsonObject).code);
  const template = deps.templates.find(number.wabaId, name, language);
  if (!template || !["APPROVED", "PAUSED", "DISABLED"].includes(template.status)) throw errors.templateMissing(name, language);
  if (template.status === "PAUSED") throw errors.templatePaused(name);
  if (template.status === "DISABLED") throw errors.templateDisabled(name);

  const sent = Array.isArray(object.components) ? (object.components as JsonObject[]) : [];
  const sentOf = (type: string) => sent.find((component) => String(component.type).toLowerCase() === type);
  const parametersOf = (component: JsonObject | undefined) =>
    Array.isArray(component?.parameters) ? (component.parameters as JsonObject[]) : [];

  const body = componentOf(template, "BODY");
  // An authentication body is Meta's own "{{1}} is your verification code.": one parameter, the code.
  const bodyVariables = template.category === "AUTHENTICATION" && body?.text === undefined ? ["1"] : templateVariables(String(body?.text ?? ""));
  const bodyParameters = parametersOf(sentOf("body"));
  if (bodyParameters.length !== bodyVariables.length) {
    throw errors.templateParamCount(
      `body: number of localizable_params (${bodyParameters.length}) does not match the expected number of params (${bodyVariables.length})`,
    );
  }
  if (template.parameterFormat === "NAMED") {
    const missing = bodyVariables.find((variable) => !bodyParameters.some((parameter) => parameter.parameter_name === variable));
    if (missing) throw errors.templateParamFormat(`body: parameter_name '${missing}' is missing`);
  }

  const header = componentOf(template, "HEADER");
  const headerParameters = parametersOf(sentOf("header"));
  if (header?.format === "TEXT") {
    const expected = templateVariables(String(header.text ?? "")).length;
    if (headerParameters.length !== expected) {
      throw errors.templateParamCount(
        `header: number of localizable_params (${headerParameters.length}) does not match the expected number of params (${expected})`,
      );
    }
  } else if (header && typeof header.format === "string") {
    const format = header.format.toLowerCase();
    const received = headerParameters[0]?.type;
    if (received !== format)
      throw errors.templateParamFormat(
        `header: Format mismatch, expected ${header.format}, received ${received === undefined ? "UNKNOWN" : String(received).toUpperCase()}`,
      );
    const headerMedia = headerParameters[0]![format];
    if (format !== "location" && isObject(headerMedia) && typeof headerMedia.id === "string" && !deps.media.get(headerMedia.id)) {
      throw errors.invalidParameter(
        `Param template['components'][header]['parameters'][0]['${format}']['id'] is not a valid whatsapp business account media attachment ID`,
      );
    }
  }

  const buttons = componentOf(template, "BUTTONS");
  const templateButtons = Array.isArray(buttons?.buttons) ? (buttons.buttons as JsonObject[]) : [];
  for (const component of sent.filter((item) => String(item.type).toLowerCase() === "button")) {
    const index = Number(component.index);
    if (!templateButtons[index])
      throw errors.templateParamCount(`button: index ${index} does not match a button of the template (it has ${templateButtons.length})`);
  }
  return template;
}
