/**
 * Meta's Graph API error envelope and the errors the emulator answers with:
 *   {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
 *             "error_data":{"messaging_product":"whatsapp","details":"…"},"fbtrace_id":"…"}}
 */
import { fbtraceId } from "./ids";

export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    is_transient?: boolean;
    error_user_title?: string;
    error_user_msg?: string;
    error_data?: { messaging_product: "whatsapp"; details: string };
    fbtrace_id: string;
  };
}

export class GraphError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly body: GraphErrorBody,
  ) {
    super(body.error.message);
  }
}

interface ErrorFields {
  message: string;
  code: number;
  type?: string;
  subcode?: number;
  details?: string;
  transient?: boolean;
  userTitle?: string;
  userMessage?: string;
}

export function graphError(httpStatus: number, fields: ErrorFields): GraphError {
  return new GraphError(httpStatus, {
    error: {
      message: fields.message,
      type: fields.type ?? "OAuthException",
      code: fields.code,
      ...(fields.subcode !== undefined ? { error_subcode: fields.subcode } : {}),
      ...(fields.transient !== undefined ? { is_transient: fields.transient } : {}),
      ...(fields.userTitle ? { error_user_title: fields.userTitle } : {}),
      ...(fields.userMessage ? { error_user_msg: fields.userMessage } : {}),
      ...(fields.details !== undefined ? { error_data: { messaging_product: "whatsapp" as const, details: fields.details } } : {}),
      fbtrace_id: fbtraceId(),
    },
  });
}

/** A WhatsApp messaging error: "(#code) title" with details. */
export function whatsappError(httpStatus: number, code: number, title: string, details: string): GraphError {
  return graphError(httpStatus, { message: `(#${code}) ${title}`, code, details });
}

export const errors = {
  invalidToken: () => graphError(401, { message: "Invalid OAuth access token - Cannot parse access token", code: 190 }),
  unsupportedRequest: (method: string, id: string) =>
    graphError(400, {
      message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: "GraphMethodException",
      code: 100,
      subcode: 33,
    }),
  unknownPath: (path: string) => graphError(400, { message: `Unknown path components: ${path}`, code: 2500 }),
  nonexistingField: (field: string, nodeType: string) =>
    graphError(400, { message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`, code: 100 }),
  invalidParameter: (details: string) => whatsappError(400, 100, "Invalid parameter", details),
  recipientIsSender: () => whatsappError(400, 131021, "Recipient cannot be sender", "Sender and recipient phone number is the same."),
  mediaUpload: (details: string) => whatsappError(400, 131053, "Media upload error", details),
  templateParamCount: (details: string) =>
    whatsappError(400, 132000, "Number of parameters does not match the expected number of params", details),
  templateMissing: (name: string, language: string) =>
    whatsappError(400, 132001, "Template name does not exist in the translation", `template name (${name}) does not exist in ${language}`),
  templateParamFormat: (details: string) =>
    whatsappError(400, 132012, "Parameter format does not match format in the created template", details),
  templatePaused: (name: string) =>
    whatsappError(
      400,
      132015,
      "Template is Paused",
      `Template ${name} is paused due to low quality so it cannot be sent in a template message.`,
    ),
  templateDisabled: (name: string) =>
    whatsappError(
      400,
      132016,
      "Template is disabled",
      `Template ${name} has been paused too many times due to low quality and is now permanently disabled.`,
    ),
  throughput: (httpStatus: number) => whatsappError(httpStatus, 130429, "Rate limit hit", "Cloud API message throughput has been reached."),
  pairRate: (httpStatus: number) =>
    whatsappError(
      httpStatus,
      131056,
      "(Business Account, Consumer Account) pair rate limit hit",
      "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.",
    ),
  serviceUnavailable: (code: 2 | 131000) =>
    code === 2
      ? graphError(500, { message: "Service temporarily unavailable", code: 2, transient: true })
      : whatsappError(500, 131000, "Something went wrong", "Something went wrong. Please try again later."),
  templateExists: (language: string) =>
    graphError(400, {
      message: "Invalid parameter",
      code: 100,
      subcode: 2388024,
      transient: false,
      userTitle: "Content in this language already exists",
      userMessage: `There is already ${language} content for this template. You can create a new template and try again.`,
    }),
  /** A template Meta refuses: code 100, Meta's subcode where it has a known one (see README), a title and a sentence. */
  templateInvalid: (title: string, message: string, subcode?: number) =>
    graphError(400, { message: "Invalid parameter", code: 100, subcode, transient: false, userTitle: title, userMessage: message }),
  /** 2388039: editing a template whose status does not allow it (in review, disabled), or past the edit limit. */
  templateNotEditable: (message: string) =>
    graphError(400, {
      message: "Invalid parameter",
      code: 100,
      subcode: 2388039,
      transient: false,
      userTitle: "Message template status can't be changed",
      userMessage: message,
    }),
  templateNotFound: (name: string) =>
    graphError(400, {
      message: "Invalid parameter",
      code: 100,
      transient: false,
      userTitle: "Message template not found",
      userMessage: `There is no message template named ${name}.`,
    }),
  missingParameter: (name: string) => graphError(400, { message: `(#100) The parameter ${name} is required`, code: 100 }),
};

export function statusError(
  code: number,
  title: string,
  details: string,
): { code: number; title: string; message: string; error_data: { details: string }; href: string } {
  return {
    code,
    title,
    message: title,
    error_data: { details },
    href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
  };
}
