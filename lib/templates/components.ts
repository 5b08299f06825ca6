/**
 * The builder's TemplateDraft as Meta's component array for POST /{waba}/message_templates
 * (`draftToComponents`, `draftToDefinition`), and a synced template's components read back into a
 * draft (`componentsToDraft`), so an approved template can be edited or duplicated.
 *
 * Writing never throws on a half-written draft: empty texts are left out and whatever Meta would
 * refuse is the lint's business (lint.ts). Reading is tolerant: types in either case, unknown
 * components and buttons skipped, both of Meta's example shapes accepted.
 */
import {
  templateDraftSchema,
  type ParameterFormat,
  type TemplateBody,
  type TemplateButton,
  type TemplateCard,
  type TemplateCategory,
  type TemplateDraft,
  type TemplateDraftInput,
  type TemplateHeader,
  type TemplateSample,
} from "./draft";
import { findVariables, orderedVariables, splitUrl } from "./variables";

// ——— Meta's shapes (what we send) ———

export interface MetaNamedExample {
  param_name: string;
  example: string;
}

export type MetaHeaderComponent =
  | {
      type: "HEADER";
      format: "TEXT";
      text: string;
      example?: { header_text: string[] } | { header_text_named_params: MetaNamedExample[] };
    }
  | { type: "HEADER"; format: "IMAGE" | "VIDEO" | "DOCUMENT"; example?: { header_handle: string[] } }
  | { type: "HEADER"; format: "LOCATION" };

export interface MetaBodyComponent {
  type: "BODY";
  text?: string;
  example?: { body_text: string[][] } | { body_text_named_params: MetaNamedExample[] };
  /** Authentication templates: Meta writes the body and adds "For your security, do not share this code." */
  add_security_recommendation?: boolean;
}

export interface MetaFooterComponent {
  type: "FOOTER";
  text?: string;
  /** Authentication templates: "This code expires in N minutes." */
  code_expiration_minutes?: number;
}

export type MetaTemplateButton =
  | { type: "QUICK_REPLY"; text: string }
  | { type: "URL"; text: string; url: string; example?: string[] }
  | { type: "PHONE_NUMBER"; text: string; phone_number: string }
  | { type: "COPY_CODE"; example: string }
  | {
      type: "OTP";
      otp_type: "COPY_CODE" | "ONE_TAP";
      text?: string;
      autofill_text?: string;
      /** Meta's current shape for one-tap buttons (package_name / signature_hash at the top level are deprecated since v21). */
      supported_apps?: Array<{ package_name: string; signature_hash: string }>;
    };

export interface MetaButtonsComponent {
  type: "BUTTONS";
  buttons: MetaTemplateButton[];
}

export interface MetaCarouselCard {
  components: Array<MetaHeaderComponent | MetaBodyComponent | MetaButtonsComponent>;
}

export interface MetaCarouselComponent {
  type: "CAROUSEL";
  cards: MetaCarouselCard[];
}

export type MetaTemplateComponent =
  MetaHeaderComponent | MetaBodyComponent | MetaFooterComponent | MetaButtonsComponent | MetaCarouselComponent;

export interface MetaTemplateDefinition {
  name: string;
  language: string;
  category: TemplateCategory;
  parameter_format: ParameterFormat;
  allow_category_change: boolean;
  components: MetaTemplateComponent[];
}

// ——— draft → Meta ———

function namedExamples(names: string[], examples: Record<string, string>): MetaNamedExample[] {
  return names.map((name) => ({ param_name: name, example: examples[name] ?? "" }));
}

function headerComponent(header: TemplateHeader, format: ParameterFormat): MetaHeaderComponent | null {
  switch (header.format) {
    case "NONE":
      return null;
    case "TEXT": {
      if (header.text.trim() === "") return null;
      const names = orderedVariables(header.text, format);
      if (names.length === 0) return { type: "HEADER", format: "TEXT", text: header.text };
      const example =
        format === "NAMED"
          ? { header_text_named_params: namedExamples(names, header.examples) }
          : { header_text: names.map((name) => header.examples[name] ?? "") };
      return { type: "HEADER", format: "TEXT", text: header.text, example };
    }
    case "LOCATION":
      return { type: "HEADER", format: "LOCATION" };
    default:
      return header.sample
        ? { type: "HEADER", format: header.format, example: { header_handle: [header.sample.handle] } }
        : { type: "HEADER", format: header.format };
  }
}

function bodyComponent(body: TemplateBody, format: ParameterFormat): MetaBodyComponent | null {
  if (body.text.trim() === "") return null;
  const names = orderedVariables(body.text, format);
  if (names.length === 0) return { type: "BODY", text: body.text };
  const example =
    format === "NAMED"
      ? { body_text_named_params: namedExamples(names, body.examples) }
      : { body_text: [names.map((name) => body.examples[name] ?? "")] };
  return { type: "BODY", text: body.text, example };
}

function metaButton(button: TemplateButton): MetaTemplateButton {
  switch (button.type) {
    case "QUICK_REPLY":
      return { type: "QUICK_REPLY", text: button.text };
    case "URL":
      // Meta wants the example only for a URL with a variable: the whole URL, variable filled.
      return findVariables(button.url).length > 0 && button.example !== ""
        ? { type: "URL", text: button.text, url: button.url, example: [button.example] }
        : { type: "URL", text: button.text, url: button.url };
    case "PHONE_NUMBER":
      return { type: "PHONE_NUMBER", text: button.text, phone_number: button.phoneNumber };
    case "COPY_CODE":
      return { type: "COPY_CODE", example: button.example };
    case "OTP": {
      const otp: Extract<MetaTemplateButton, { type: "OTP" }> = { type: "OTP", otp_type: button.otpType };
      if (button.text !== "") otp.text = button.text;
      if (button.otpType === "ONE_TAP") {
        if (button.autofillText !== "") otp.autofill_text = button.autofillText;
        if (button.packageName !== "" || button.signatureHash !== "")
          otp.supported_apps = [{ package_name: button.packageName, signature_hash: button.signatureHash }];
      }
      return otp;
    }
  }
}

function buttonsComponent(buttons: TemplateButton[]): MetaButtonsComponent | null {
  return buttons.length > 0 ? { type: "BUTTONS", buttons: buttons.map(metaButton) } : null;
}

function cardComponents(card: TemplateCard, format: ParameterFormat): MetaCarouselCard {
  const header: MetaHeaderComponent = card.header.sample
    ? { type: "HEADER", format: card.header.format, example: { header_handle: [card.header.sample.handle] } }
    : { type: "HEADER", format: card.header.format };
  const parts: MetaCarouselCard["components"] = [header];
  const body = bodyComponent(card.body, format);
  if (body) parts.push(body);
  const buttons = buttonsComponent(card.buttons);
  if (buttons) parts.push(buttons);
  return { components: parts };
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

/** Meta's component array for a draft, in Meta's order (header, body, footer, buttons / carousel). */
export function draftToComponents(draft: TemplateDraft): MetaTemplateComponent[] {
  const format = draft.parameterFormat;
  if (draft.category === "AUTHENTICATION") {
    // Meta writes the body and footer of authentication templates; only their options are sent.
    const components: MetaTemplateComponent[] = [
      { type: "BODY", add_security_recommendation: draft.authentication.addSecurityRecommendation },
    ];
    if (draft.authentication.codeExpirationMinutes !== null)
      components.push({ type: "FOOTER", code_expiration_minutes: draft.authentication.codeExpirationMinutes });
    const buttons = buttonsComponent(draft.buttons);
    if (buttons) components.push(buttons);
    return components;
  }
  if (draft.carousel) {
    // A carousel has the body above the cards and nothing else at the top level.
    const body = bodyComponent(draft.body, format);
    const carousel: MetaCarouselComponent = {
      type: "CAROUSEL",
      cards: draft.carousel.cards.map((card) => cardComponents(card, format)),
    };
    return [...(body ? [body] : []), carousel];
  }
  const footer: MetaFooterComponent | null = draft.footer.trim() === "" ? null : { type: "FOOTER", text: draft.footer };
  return [headerComponent(draft.header, format), bodyComponent(draft.body, format), footer, buttonsComponent(draft.buttons)].filter(
    present,
  );
}

/** The body of POST /{waba}/message_templates for a draft. */
export function draftToDefinition(draft: TemplateDraft): MetaTemplateDefinition {
  return {
    name: draft.name,
    language: draft.language,
    category: draft.category,
    parameter_format: draft.parameterFormat,
    allow_category_change: draft.allowCategoryChange,
    components: draftToComponents(draft),
  };
}

// ——— Meta → draft ———

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function objects(value: unknown): Loose[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** A string field, cut to `max` so the draft schema never refuses what Meta stored. */
function str(value: unknown, max = 4096): string {
  return typeof value === "string" ? value.slice(0, max) : typeof value === "number" ? String(value) : "";
}

function upper(value: unknown): string {
  return typeof value === "string" ? value.toUpperCase() : "";
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.map((item) => str(item, 1024)) : [];
}

/**
 * Example values by variable name, from either of Meta's shapes: positional (`header_text: [..]`,
 * `body_text: [[..]]`, or a lone string) numbered 1, 2, … in order; named (`*_named_params`).
 */
function readExamples(example: unknown, positionalKey: string, namedKey: string): Record<string, string> {
  if (!isObject(example)) return {};
  const result: Record<string, string> = {};
  const named = objects(example[namedKey]);
  for (const param of named) {
    const name = str(param.param_name, 64);
    if (name !== "") result[name] = str(param.example, 1024);
  }
  if (named.length > 0) return result;
  const raw = example[positionalKey];
  const values = Array.isArray(raw) && Array.isArray(raw[0]) ? strings(raw[0]) : strings(raw);
  values.forEach((value, index) => {
    result[String(index + 1)] = value;
  });
  return result;
}

/** Only the examples of variables the text uses (a synced example may carry more). */
function examplesFor(text: string, examples: Record<string, string>): Record<string, string> {
  const used = new Set(findVariables(text).map((variable) => variable.name));
  return Object.fromEntries(Object.entries(examples).filter(([name]) => used.has(name)));
}

/**
 * A synced sample: Meta returns the handle (on GET, a CDN URL of the sample) but not the file's
 * name, type or size, so those stay empty and the lint does not judge them.
 */
function readSample(example: unknown): TemplateSample | null {
  if (!isObject(example)) return null;
  const handle = strings(example.header_handle)[0]?.slice(0, 2048) ?? "";
  return handle === "" ? null : { handle, fileName: "", mimeType: "", size: 0 };
}

function readHeader(component: Loose): TemplateHeader | null {
  const format = upper(component.format);
  if (format === "TEXT") {
    const text = str(component.text);
    return {
      format: "TEXT",
      text,
      examples: examplesFor(text, readExamples(component.example, "header_text", "header_text_named_params")),
    };
  }
  if (format === "IMAGE" || format === "VIDEO" || format === "DOCUMENT") return { format, sample: readSample(component.example) };
  if (format === "LOCATION") return { format: "LOCATION" };
  return null;
}

function readBody(component: Loose): TemplateBody {
  const text = str(component.text);
  return { text, examples: examplesFor(text, readExamples(component.example, "body_text", "body_text_named_params")) };
}

/** Meta stores phone buttons as "15550051310" or "+15550051310"; the draft keeps E.164 with "+". */
function e164(value: unknown): string {
  const phone = str(value, 63).trim();
  return phone === "" || phone.startsWith("+") ? phone : `+${phone}`;
}

/**
 * Meta returns a created OTP button as a URL button to https://www.whatsapp.com/otp/code/?otp_type=…
 * (with cta_display_name, package_name, signature_hash in the query).
 */
function otpFromUrl(button: Loose): TemplateButton | null {
  let url: URL;
  try {
    url = new URL(str(button.url));
  } catch {
    return null;
  }
  if (!url.hostname.endsWith("whatsapp.com") || !url.pathname.startsWith("/otp/")) return null;
  const otpType = upper(url.searchParams.get("otp_type"));
  return {
    type: "OTP",
    otpType: otpType === "ONE_TAP" || otpType === "ZERO_TAP" ? "ONE_TAP" : "COPY_CODE",
    text: str(button.text),
    autofillText: otpType === "COPY_CODE" ? "" : str(url.searchParams.get("cta_display_name")),
    packageName: str(url.searchParams.get("package_name"), 255),
    signatureHash: str(url.searchParams.get("signature_hash"), 64),
  };
}

function readButton(button: Loose, category: TemplateCategory): TemplateButton | null {
  switch (upper(button.type)) {
    case "QUICK_REPLY":
      return { type: "QUICK_REPLY", text: str(button.text) };
    case "URL": {
      if (category === "AUTHENTICATION") {
        const otp = otpFromUrl(button);
        if (otp) return otp;
      }
      const url = str(button.url);
      const given = strings(button.example)[0] ?? "";
      // Meta's pages use both the full example URL and the variable's value alone.
      const { fixed, variables } = splitUrl(url);
      const example = variables.length === 0 || given === "" ? "" : /^https?:\/\//i.test(given) ? given : fixed + given;
      return { type: "URL", text: str(button.text), url, example };
    }
    case "PHONE_NUMBER":
      return { type: "PHONE_NUMBER", text: str(button.text), phoneNumber: e164(button.phone_number) };
    case "COPY_CODE":
      return { type: "COPY_CODE", example: strings(button.example)[0] ?? "" };
    case "OTP": {
      const app = objects(button.supported_apps)[0] ?? button;
      const otpType = upper(button.otp_type);
      return {
        type: "OTP",
        // Zero-tap templates fall back to a one-tap button; the draft has no zero-tap option.
        otpType: otpType === "ONE_TAP" || otpType === "ZERO_TAP" ? "ONE_TAP" : "COPY_CODE",
        text: str(button.text),
        autofillText: str(button.autofill_text),
        packageName: str(app.package_name, 255),
        signatureHash: str(app.signature_hash, 64),
      };
    }
    default:
      // FLOW, CATALOG, MPM, SPM, VOICE_CALL …: not buildable in Parley, skipped.
      return null;
  }
}

function readButtons(component: Loose, category: TemplateCategory): TemplateButton[] {
  return objects(component.buttons)
    .map((button) => readButton(button, category))
    .filter(present);
}

function readCard(card: Loose): TemplateCard | null {
  let header: TemplateCard["header"] | null = null;
  let body: TemplateBody = { text: "", examples: {} };
  let buttons: TemplateButton[] = [];
  for (const component of objects(card.components)) {
    const type = upper(component.type);
    if (type === "HEADER") {
      const format = upper(component.format);
      if (format === "IMAGE" || format === "VIDEO") header = { format, sample: readSample(component.example) };
    } else if (type === "BODY") body = readBody(component);
    else if (type === "BUTTONS") buttons = readButtons(component, "MARKETING");
  }
  // Product cards (catalog carousels) have no media header: not a card the builder can hold.
  return header ? { header, body, buttons } : null;
}

/** Meta's older category names, as they may still come back from a sync. */
function readCategory(value: string): TemplateCategory {
  const category = value.toUpperCase();
  if (category === "MARKETING" || category === "AUTHENTICATION" || category === "UTILITY") return category;
  if (category === "OTP") return "AUTHENTICATION";
  return "UTILITY";
}

function firstInteger(text: string): number | null {
  const match = /\d+/.exec(text);
  return match ? Number(match[0]) : null;
}

export interface SyncedTemplate {
  name: string;
  language: string;
  category: string;
  parameterFormat?: string | null;
  /** Meta's components as returned by GET /{waba}/message_templates (anything: read tolerantly). */
  components: unknown;
}

/** A synced template as a draft for the builder (to edit it, or duplicate it into another language). */
export function componentsToDraft(template: SyncedTemplate): TemplateDraft {
  const category = readCategory(template.category);
  const components = objects(template.components);
  const draft: TemplateDraftInput = {
    name: template.name.slice(0, 600),
    language: template.language.slice(0, 16),
    category,
    parameterFormat: upper(template.parameterFormat) === "NAMED" ? "NAMED" : "POSITIONAL",
    body: { text: "" },
  };
  let addSecurityRecommendation = true;
  let codeExpirationMinutes: number | null = null;
  for (const component of components) {
    switch (upper(component.type)) {
      case "HEADER": {
        const header = readHeader(component);
        if (header && category !== "AUTHENTICATION") draft.header = header;
        break;
      }
      case "BODY":
        draft.body = readBody(component);
        if (typeof component.add_security_recommendation === "boolean") addSecurityRecommendation = component.add_security_recommendation;
        break;
      case "FOOTER":
        if (category === "AUTHENTICATION") {
          // Sent as code_expiration_minutes; read back as Meta's sentence "This code expires in 10 minutes."
          codeExpirationMinutes =
            typeof component.code_expiration_minutes === "number" ? component.code_expiration_minutes : firstInteger(str(component.text));
        } else draft.footer = str(component.text);
        break;
      case "BUTTONS":
        draft.buttons = readButtons(component, category);
        break;
      case "CAROUSEL":
        draft.carousel = {
          cards: objects(component.cards).map(readCard).filter(present).slice(0, 20),
        };
        break;
      default:
        // LIMITED_TIME_OFFER, CALL_PERMISSION_REQUEST …: nothing in the draft holds them.
        break;
    }
  }
  if (category === "AUTHENTICATION") {
    draft.authentication = {
      addSecurityRecommendation,
      codeExpirationMinutes:
        codeExpirationMinutes === null || !Number.isFinite(codeExpirationMinutes) ? null : Math.trunc(codeExpirationMinutes),
    };
  }
  // Templates synced before parameter_format existed: named variables in the body tell.
  if (template.parameterFormat == null && findVariables(draft.body.text).some((variable) => variable.kind === "named"))
    draft.parameterFormat = "NAMED";
  draft.buttons = draft.buttons?.slice(0, 20);
  const parsed = templateDraftSchema.safeParse(draft);
  // Every field above is cut to the schema's bounds; should Meta still send something odd, the
  // builder gets the template's identity and an empty body rather than an exception.
  return parsed.success
    ? parsed.data
    : templateDraftSchema.parse({ name: draft.name, language: draft.language, category, body: { text: "" } });
}
