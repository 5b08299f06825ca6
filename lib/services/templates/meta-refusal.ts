/**
 * Meta's refusal of a submit, edit or delete: stored on the row (`lastError`, so the page can show
 * it later) and turned into an AppError whose message shows Meta's code and Meta's own words
 * (the sentence around them is translated; Meta's text is quoted as it came, in Meta's language).
 * A call that never got an answer (network, timeout) is "Meta could not be reached", not stored.
 */
import { AppError } from "@/lib/errors";
import { WhatsAppApiError, WhatsAppError, WhatsAppRequestError } from "@/lib/whatsapp/errors";

/** The `lastError` column. */
export interface TemplateMetaError {
  code: number | null;
  subcode: number | null;
  title: string | null;
  message: string;
  at: string;
}

export function metaErrorOf(error: WhatsAppApiError, at = new Date()): TemplateMetaError {
  // Meta's most useful sentence first: error_user_msg, then error_data.details, then its title.
  const message = error.userMessage ?? error.details ?? error.title ?? error.message;
  return { code: error.code, subcode: error.subcode, title: error.title, message: message.slice(0, 2_000), at: at.toISOString() };
}

/** "100 / 2388024" when Meta sent a subcode. */
function codeLabel(error: TemplateMetaError): string {
  if (error.code === null) return "HTTP";
  return error.subcode === null ? String(error.code) : `${error.code} / ${error.subcode}`;
}

export function refusalError(stored: TemplateMetaError, cause: unknown): AppError {
  return new AppError("invalid", "templateMetaRefused", { params: { code: codeLabel(stored), message: stored.message }, cause });
}

/**
 * What to do with an error from a template call: `stored` is set for Meta's own answers (to keep on
 * the row); `error` is what the service throws. Anything that is not a WhatsApp error is rethrown.
 */
export function classifyTemplateCallError(error: unknown): { stored: TemplateMetaError | null; error: unknown } {
  if (error instanceof WhatsAppApiError) {
    const stored = metaErrorOf(error);
    return { stored, error: refusalError(stored, error) };
  }
  // Our client refused the request before sending it: the draft passed the lint but not the
  // client's own schema, a bug to fix on our side rather than the user's.
  if (error instanceof WhatsAppRequestError) return { stored: null, error };
  if (error instanceof WhatsAppError) return { stored: null, error: new AppError("invalid", "connectionUnreachable", { cause: error }) };
  return { stored: null, error };
}
