/**
 * The one renderer: Meta's stored component array (HEADER, BODY, FOOTER, BUTTONS, CAROUSEL — as
 * GET /{waba}/message_templates answers and POST takes) with its variables filled → the
 * `RenderedTemplate` every preview draws (rendered.ts). Used by the builder's preview, the inbox's
 * picker, the stored copy of a sent template (Message.content.rendered) and campaigns' previews.
 *
 * Values use the inbox's keys (lib/services/inbox/template-variables.ts): "header.1",
 * "body.1", "body.first_name", "header.media", "button.0", plus "card.<i>.body.<name>" and
 * "card.<i>.button.<j>" for carousel cards. A variable without a value shows Meta's example when
 * `useExamples` (the builder), else stays `{{1}}` so the agent sees what is still to fill.
 *
 * Never throws: junk components, unknown types and wrong value types are skipped.
 */
import { array, componentList, componentOf, kind, object, PLACEHOLDER, string, textExamples, type RawObject } from "./read-components";
import type { RenderedButton, RenderedCard, RenderedHeader, RenderedTemplate } from "./rendered";

export interface RenderOptions {
  /** Fill unfilled variables with Meta's example values (the builder's preview). */
  useExamples?: boolean;
  /** Where media headers' pictures come from: the header's, and each carousel card's by index. */
  media?: { header?: { url: string | null; fileName?: string | null }; cards?: Array<{ url: string | null }> };
}

/** Meta writes authentication templates' texts itself (in the template's language; English here). */
export const AUTHENTICATION_TEXT = {
  code: "{{1}} is your verification code.",
  security: "For your security, do not share this code.",
  expiry: (minutes: number) => `This code expires in ${minutes} minutes.`,
  copyCode: "Copy code",
  /** What WhatsApp shows on a marketing template's copy-code button. */
  copyOfferCode: "Copy offer code",
  /** The code shown when previewing with examples: authentication templates carry none. */
  exampleCode: "123456",
} as const;

type Values = Record<string, string>;
type Media = RenderOptions["media"];

interface Context {
  values: Values;
  useExamples: boolean;
}

function filled(context: Context, key: string): string | null {
  const value = context.values[key];
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** `{{name}}` → the value at `${prefix}.${name}`, else the example (when asked), else left as is. */
function fill(text: string, prefix: string, context: Context, examples: Map<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => filled(context, `${prefix}.${name}`) ?? (context.useExamples ? examples.get(name) : undefined) ?? whole);
}

function filledText(component: RawObject | undefined, part: "header" | "body", prefix: string, context: Context): string | null {
  const text = string(component?.text);
  return text ? fill(text, prefix, context, textExamples(component, part)) : null;
}

const httpsLink = (value: string | null) => (value && /^https:\/\//i.test(value) ? value : null);

function renderHeader(component: RawObject | undefined, context: Context, media: Media): RenderedHeader | null {
  if (!component) return null;
  const format = kind(component.format) || "TEXT";
  switch (format) {
    case "TEXT": {
      const text = filledText(component, "header", "header", context);
      return text ? { kind: "text", text } : null;
    }
    case "IMAGE":
    case "VIDEO":
    case "GIF":
    case "DOCUMENT":
      return {
        kind: format === "IMAGE" ? "image" : format === "DOCUMENT" ? "document" : "video",
        // An https link given as the header's value is its own picture; an uploaded file's is passed in.
        url: media?.header?.url ?? httpsLink(filled(context, "header.media")),
        fileName: media?.header?.fileName ?? null,
      };
    case "LOCATION":
      return { kind: "location", name: null, address: null };
    default:
      return null;
  }
}

/** Authentication templates store options, not texts (Meta writes the body and footer). */
function isAuthentication(components: RawObject[]): boolean {
  const body = componentOf(components, "BODY");
  const footer = componentOf(components, "FOOTER");
  const buttons = array(componentOf(components, "BUTTONS")?.buttons).map(object);
  return (
    (body !== undefined && "add_security_recommendation" in body) ||
    (footer !== undefined && "code_expiration_minutes" in footer) ||
    buttons.some((button) => kind(button.type) === "OTP")
  );
}

function expiryMinutes(footer: RawObject | undefined): number | null {
  const raw = footer?.code_expiration_minutes;
  const minutes = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : NaN;
  return Number.isInteger(minutes) && minutes > 0 ? minutes : null;
}

/** A URL button's or copy-code button's example: a string, or Meta's one-item array. */
function exampleOf(button: RawObject): string | null {
  return string(button.example) ?? string(array(button.example)[0]);
}

function renderButton(button: RawObject, key: string, context: Context, code: string | null): RenderedButton | null {
  const text = string(button.text);
  switch (kind(button.type)) {
    case "QUICK_REPLY":
      return text ? { type: "quick_reply", text } : null;
    case "URL": {
      const url = string(button.url);
      // Synced authentication templates may list their OTP button as a URL to whatsapp.com/otp.
      if (url && /^https:\/\/(www\.)?whatsapp\.com\/otp\//i.test(url)) return { type: "otp", text: text ?? AUTHENTICATION_TEXT.copyCode, value: code };
      if (!url) return text ? { type: "url", text, value: null } : null;
      const suffix = filled(context, key);
      let value = url;
      if (url.includes("{{")) {
        // Meta's example is usually the whole URL filled in; some stored templates hold only the suffix.
        const example = context.useExamples ? exampleOf(button) : null;
        const sample = example && !/^https?:\/\//i.test(example) ? url.replace(PLACEHOLDER, example) : example;
        value = suffix ? url.replace(PLACEHOLDER, suffix) : (sample ?? url);
      }
      return { type: "url", text: text ?? value, value };
    }
    case "PHONE_NUMBER": {
      const phone = string(button.phone_number);
      const label = text ?? phone;
      return label ? { type: "phone_number", text: label, value: phone } : null;
    }
    case "COPY_CODE":
      return { type: "copy_code", text: text ?? AUTHENTICATION_TEXT.copyOfferCode, value: filled(context, key) ?? (context.useExamples ? exampleOf(button) : null) };
    case "OTP":
      return { type: "otp", text: text ?? AUTHENTICATION_TEXT.copyCode, value: code };
    default:
      // FLOW, CATALOG, MPM, VOICE_CALL, APP…: shown by their text, with no action to describe.
      return text ? { type: "other", text } : null;
  }
}

function renderButtons(component: RawObject | undefined, prefix: string, context: Context, code: string | null = null): RenderedButton[] {
  return array(component?.buttons).flatMap((raw, index) => {
    const button = renderButton(object(raw), `${prefix}.${index}`, context, code);
    return button ? [button] : [];
  });
}

function renderCard(raw: unknown, index: number, context: Context, media: Media): RenderedCard {
  const components = componentList(object(raw).components);
  const format = kind(componentOf(components, "HEADER")?.format);
  const url = media?.cards?.[index]?.url ?? null;
  return {
    header: format === "IMAGE" ? { kind: "image", url } : format === "VIDEO" ? { kind: "video", url } : null,
    body: filledText(componentOf(components, "BODY"), "body", `card.${index}.body`, context) ?? "",
    buttons: renderButtons(componentOf(components, "BUTTONS"), `card.${index}.button`, context),
  };
}

export function renderTemplate(components: unknown, values: Values = {}, options: RenderOptions = {}): RenderedTemplate {
  const context: Context = { values: typeof values === "object" && values !== null ? values : {}, useExamples: options.useExamples === true };
  const list = componentList(components);
  const body = componentOf(list, "BODY");
  const footer = componentOf(list, "FOOTER");
  const authentication = isAuthentication(list);

  const bodyExamples = textExamples(body, "body");
  let bodyText = string(body?.text);
  let code: string | null = null;
  let footerText = string(footer?.text);
  if (authentication) {
    // The code is the body's {{1}}; the OTP button copies that same code.
    if (!bodyExamples.has("1")) bodyExamples.set("1", AUTHENTICATION_TEXT.exampleCode);
    code = filled(context, "body.1") ?? (context.useExamples ? (bodyExamples.get("1") ?? null) : null);
    bodyText ??= body?.add_security_recommendation === true ? `${AUTHENTICATION_TEXT.code} ${AUTHENTICATION_TEXT.security}` : AUTHENTICATION_TEXT.code;
    const minutes = expiryMinutes(footer);
    footerText ??= minutes ? AUTHENTICATION_TEXT.expiry(minutes) : null;
  }

  return {
    header: renderHeader(componentOf(list, "HEADER"), context, options.media),
    body: bodyText ? fill(bodyText, "body", context, bodyExamples) : "",
    footer: footerText,
    buttons: renderButtons(componentOf(list, "BUTTONS"), "button", context, code),
    cards: array(componentOf(list, "CAROUSEL")?.cards).map((card, index) => renderCard(card, index, context, options.media)),
  };
}
