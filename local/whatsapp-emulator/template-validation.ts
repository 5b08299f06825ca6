/**
 * Checks a template's components the way Meta does on POST message_templates (and on an edit),
 * answering with Meta's error: code 100 "Invalid parameter", `error_user_title` /
 * `error_user_msg`, and the subcode of Meta's "Template creation errors" table where one fits
 * (README lists them). Rules without a known subcode answer without one. Returns the components
 * with their types, formats and button types upper-cased, as GET message_templates gives them.
 */
import { errors } from "./graph-errors";
import { isObject, type JsonObject } from "./http";

export type TemplateCategory = "MARKETING" | "UTILITY" | "AUTHENTICATION";

export interface ValidationContext {
  category: TemplateCategory;
  parameterFormat: "POSITIONAL" | "NAMED";
  /** The MIME type of a sample the Resumable Upload API produced, by its handle; undefined when unknown. */
  sampleType: (handle: string) => string | undefined;
  /**
   * false for seed templates: they stand for templates Meta approved long ago, so only their shape
   * is checked (types, lengths, variable numbering), not the review rules (examples, samples,
   * variables at the edges, words per variable, button details, authentication and carousel rules).
   */
  strict: boolean;
}

export const LIMITS = {
  headerText: 60,
  bodyText: 1024,
  footerText: 60,
  cardBodyText: 160,
  buttonText: 25,
  url: 2000,
  copyCodeExample: 15,
  buttons: 10,
  quickReplies: 10,
  urlButtons: 2,
  phoneButtons: 1,
  copyCodeButtons: 1,
  cards: { min: 2, max: 10 },
  cardButtons: { min: 1, max: 2 },
  codeExpirationMinutes: { min: 1, max: 90 },
} as const;

/** Fixed words a body needs per variable (Meta publishes no number; this is the emulator's, see README). */
export const WORDS_PER_VARIABLE = 2;

const HEADER_FORMATS = ["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"];
const BUTTON_TYPES = ["QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE", "OTP", "FLOW", "CATALOG", "MPM", "VOICE_CALL"];
const CARD_BUTTON_TYPES = ["QUICK_REPLY", "URL", "PHONE_NUMBER"];
const OTP_TYPES = ["COPY_CODE", "ONE_TAP", "ZERO_TAP"];
export const SAMPLE_TYPES: Record<string, string[]> = {
  IMAGE: ["image/jpeg", "image/png"],
  VIDEO: ["video/mp4"],
  DOCUMENT: ["application/pdf"],
};

// ---- Meta's errors --------------------------------------------------------------------------

const fail = (title: string, message: string, subcode?: number): never => {
  throw errors.templateInvalid(title, message, subcode);
};
const tooLong = (where: string, max: number) => fail("Character limit exceeded", `${where} can be at most ${max} characters.`, 2388040);
const missingExample = (type: "HEADER" | "BODY" | "BUTTONS") =>
  fail(
    'Message template "components" param is missing expected field(s)',
    `component of type ${type} is missing expected field(s) (example)`,
    2388043,
  );
const headerFormat = (message: string) => fail("Message header format is incorrect", message, 2388047);
const bodyFormat = (message: string) => fail("Message body format is incorrect", message, 2388072);
const footerFormat = (message: string) => fail("Message footer format is incorrect", message, 2388073);
const invalidComponents = (message: string) => fail("Invalid components", message);
const invalidButtons = (message: string) => fail("Invalid buttons", message);
const invalidExample = (message: string) => fail("Invalid example", message);
const invalidSample = (message: string) => fail("Invalid media sample", message);
const invalidAuthentication = (message: string) => fail("Invalid authentication template", message);
const invalidCarousel = (message: string) => fail("Invalid carousel", message);

// ---- the components -------------------------------------------------------------------------

export function validateComponents(components: unknown, context: ValidationContext): JsonObject[] {
  if (!Array.isArray(components) || components.length === 0) invalidComponents("Param components must be a non-empty array.");
  const list = components as unknown[];
  const seen = new Set<string>();
  const typed = list.map((component, index): JsonObject => {
    if (!isObject(component) || typeof component.type !== "string") invalidComponents(`Param components[${index}]['type'] is required.`);
    const object = component as JsonObject;
    const type = String(object.type).toUpperCase();
    if (!["HEADER", "BODY", "FOOTER", "BUTTONS", "CAROUSEL"].includes(type))
      invalidComponents(`Param components[${index}]['type'] must be one of {HEADER, BODY, FOOTER, BUTTONS, CAROUSEL}.`);
    if (seen.has(type)) invalidComponents(`Only one ${type} component is allowed.`);
    seen.add(type);
    return { ...object, type };
  });
  if (!seen.has("BODY")) invalidComponents("A template needs a BODY component.");
  if (!context.strict && (context.category === "AUTHENTICATION" || seen.has("CAROUSEL"))) return typed;
  if (context.category === "AUTHENTICATION") return validateAuthentication(typed);
  if (seen.has("CAROUSEL")) return validateCarousel(typed, context);

  return typed.map((component, index) => {
    const where = `components[${index}]`;
    if (component.type === "HEADER") return validateHeader(component, where, context);
    if (component.type === "BODY") {
      checkText(component, { kind: "BODY", where, max: LIMITS.bodyText }, context);
      return component;
    }
    if (component.type === "FOOTER") {
      requireText(component.text, `${where}['text']`);
      const text = component.text as string;
      if (text.length > LIMITS.footerText) tooLong("The footer", LIMITS.footerText);
      if (/\{\{.*?\}\}/.test(text)) footerFormat("Variables aren't allowed in the footer.");
      return component;
    }
    return { ...component, buttons: validateButtons(component.buttons, `${where}['buttons']`, false, context.strict) };
  });
}

function validateHeader(component: JsonObject, where: string, context: ValidationContext): JsonObject {
  const format = typeof component.format === "string" ? component.format.toUpperCase() : "";
  if (!HEADER_FORMATS.includes(format)) invalidComponents(`Param ${where}['format'] must be one of {${HEADER_FORMATS.join(", ")}}.`);
  const out = { ...component, format };
  if (format === "TEXT") checkText(out, { kind: "HEADER", where, max: LIMITS.headerText }, context);
  else if (format !== "LOCATION") checkSample(out, format, context);
  return out;
}

/** A media header's `example.header_handle`: a handle the upload API gave, of a type the format takes. */
function checkSample(component: JsonObject, format: string, context: ValidationContext): void {
  if (!context.strict) return;
  const example = isObject(component.example) ? component.example : undefined;
  const handles = example?.header_handle;
  if (!Array.isArray(handles) || handles.length === 0 || typeof handles[0] !== "string" || handles[0] === "") missingExample("HEADER");
  const handle = (handles as string[])[0]!;
  const type = context.sampleType(handle);
  if (!type)
    invalidSample(
      "example.header_handle[0] is not a file handle of the Resumable Upload API (POST /{app-id}/uploads, then POST /upload:…).",
    );
  const allowed = SAMPLE_TYPES[format]!;
  if (!allowed.includes(type!))
    invalidSample(`The ${format} header's sample is ${type}; a ${format} sample must be ${allowed.join(" or ")}.`);
}

// ---- texts and their variables --------------------------------------------------------------

interface TextRule {
  kind: "HEADER" | "BODY" | "CARD_BODY";
  where: string;
  max: number;
}

function requireText(text: unknown, param: string): void {
  if (typeof text !== "string" || text.trim() === "") invalidComponents(`Param ${param} is required.`);
}

/** Every `{{…}}` of a text, in order, with repeats. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((match) => match[1]!);
}

function checkText(component: JsonObject, rule: TextRule, context: ValidationContext): void {
  requireText(component.text, `${rule.where}['text']`);
  const text = component.text as string;
  const label = rule.kind === "HEADER" ? "The header" : rule.kind === "BODY" ? "The body" : "A card's body";
  if (text.length > rule.max) tooLong(label, rule.max);
  const formatError = rule.kind === "HEADER" ? headerFormat : bodyFormat;

  const found = placeholders(text);
  for (const name of found) {
    const valid = context.parameterFormat === "POSITIONAL" ? /^[1-9]\d*$/.test(name) : /^[a-z_][a-z0-9_]*$/.test(name);
    if (!valid)
      formatError(
        context.parameterFormat === "POSITIONAL"
          ? `{{${name}}} is not a positional variable: use {{1}}, {{2}}, … (or parameter_format NAMED).`
          : `{{${name}}} is not a named variable: use lower-case letters, digits and underscores, e.g. {{first_name}}.`,
      );
  }
  const distinct = [...new Set(found)];
  if (rule.kind === "HEADER" && distinct.length > 1) headerFormat("A text header can have at most one variable.");
  if (context.parameterFormat === "POSITIONAL") {
    const numbers = distinct.map(Number).sort((a, b) => a - b);
    if (numbers.some((number, index) => number !== index + 1))
      formatError(
        `Variables must be numbered {{1}} to {{${numbers.length}}} without gaps; found ${numbers.map((n) => `{{${n}}}`).join(", ")}.`,
      );
  }
  if (!context.strict) return;
  if (/\}\}\s*\{\{/.test(text)) formatError("Two variables can't be next to each other: put text between them.");

  if (rule.kind === "BODY" && distinct.length > 0) {
    // Punctuation around the text does not count: "Your code is {{1}}." still ends with a variable.
    const edge = /^(?:(?![{}])[\s\p{P}\p{S}])+|(?:(?![{}])[\s\p{P}\p{S}])+$/gu;
    const trimmed = text.replace(edge, "");
    if (/^\{\{/.test(trimmed) || /\}\}$/.test(trimmed))
      fail("Leading or trailing parameters not allowed", "Variables cannot be at the start or end of the template.", 2388299);
    const words = text
      .replace(/\{\{[^{}]*\}\}/g, " ")
      .split(/\s+/)
      .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
    if (words < WORDS_PER_VARIABLE * distinct.length + 1)
      fail(
        "Parameters words ratio exceeds limit",
        "This template has too many variables for its length. Reduce the number of variables or increase the message length.",
        2388293,
      );
  }
  if (distinct.length > 0) checkExamples(component, rule.kind === "HEADER" ? "header" : "body", distinct, context);
}

/** `example.body_text` [[…]] / `body_text_named_params` [{param_name, example}] (header_text… for headers). */
function checkExamples(component: JsonObject, part: "header" | "body", variables: string[], context: ValidationContext): void {
  const type = part === "header" ? "HEADER" : "BODY";
  const example = isObject(component.example) ? component.example : undefined;
  if (context.parameterFormat === "NAMED") {
    const key = `${part}_text_named_params`;
    const params = example?.[key];
    if (!Array.isArray(params)) missingExample(type);
    const given = new Map<string, unknown>();
    for (const param of params as unknown[])
      if (isObject(param) && typeof param.param_name === "string") given.set(param.param_name, param.example);
    for (const variable of variables) {
      const value = given.get(variable);
      if (typeof value !== "string" || value.trim() === "") invalidExample(`example.${key} has no example for {{${variable}}}.`);
    }
    return;
  }
  const key = `${part}_text`;
  const raw = example?.[key];
  if (raw === undefined) missingExample(type);
  const values = part === "header" ? raw : Array.isArray(raw) ? raw[0] : undefined;
  if (
    !Array.isArray(values) ||
    values.length !== variables.length ||
    values.some((value) => typeof value !== "string" || value.trim() === "")
  )
    invalidExample(
      part === "header"
        ? `example.header_text must be [value] with one non-empty value for the header's variable.`
        : `example.body_text must be [[…]] with ${variables.length} non-empty value(s), one for each variable.`,
    );
}

// ---- buttons --------------------------------------------------------------------------------

function validateButtons(buttons: unknown, where: string, card: boolean, strict: boolean): JsonObject[] {
  const [min, max] = card ? [LIMITS.cardButtons.min, LIMITS.cardButtons.max] : [1, LIMITS.buttons];
  if (!Array.isArray(buttons) || buttons.length < min || buttons.length > max)
    invalidButtons(card ? `A card needs ${min} or ${max} buttons.` : `A BUTTONS component needs 1 to ${max} buttons.`);
  const allowed = card ? CARD_BUTTON_TYPES : BUTTON_TYPES;
  const normalized = (buttons as unknown[]).map((button, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(button) || typeof button.type !== "string" || !allowed.includes(button.type.toUpperCase()))
      invalidButtons(`Param ${at}['type'] must be one of {${allowed.join(", ")}}.`);
    const out: JsonObject = { ...(button as JsonObject), type: String((button as JsonObject).type).toUpperCase() };
    if (strict) checkButton(out, at);
    else if (out.text !== undefined && (typeof out.text !== "string" || out.text.length > LIMITS.buttonText))
      tooLong("A button's text", LIMITS.buttonText);
    return out;
  });
  if (!strict) return normalized;
  const count = (type: string) => normalized.filter((button) => button.type === type).length;
  if (count("QUICK_REPLY") > LIMITS.quickReplies) invalidButtons(`A template can have at most ${LIMITS.quickReplies} quick reply buttons.`);
  if (count("URL") > LIMITS.urlButtons) invalidButtons(`A template can have at most ${LIMITS.urlButtons} URL buttons.`);
  if (count("PHONE_NUMBER") > LIMITS.phoneButtons) invalidButtons("A template can have at most 1 phone number button.");
  if (count("COPY_CODE") > LIMITS.copyCodeButtons) invalidButtons("A template can have at most 1 copy code button.");
  const groups = normalized.filter(
    (button, index) => index === 0 || (button.type === "QUICK_REPLY") !== (normalized[index - 1]!.type === "QUICK_REPLY"),
  );
  if (groups.length > 2) invalidButtons("Quick reply buttons must be grouped together, before or after the other buttons.");
  return normalized;
}

function checkButton(button: JsonObject, at: string): void {
  const type = button.type as string;
  if (type === "OTP") invalidButtons("OTP buttons are only for AUTHENTICATION templates.");
  if (["QUICK_REPLY", "URL", "PHONE_NUMBER"].includes(type) || button.text !== undefined) {
    if (typeof button.text !== "string" || button.text.trim() === "") invalidButtons(`Param ${at}['text'] is required.`);
    if ((button.text as string).length > LIMITS.buttonText) tooLong("A button's text", LIMITS.buttonText);
    if (/\{\{.*?\}\}/.test(button.text as string)) invalidButtons("A button's text can't have variables.");
  }
  if (type === "URL") checkUrlButton(button, at);
  if (type === "PHONE_NUMBER") {
    if (typeof button.phone_number !== "string" || !/^\+[1-9]\d{6,14}$/.test(button.phone_number))
      invalidButtons(`Param ${at}['phone_number'] must be a phone number in E.164 form, e.g. +15550100001.`);
  }
  if (type === "COPY_CODE") {
    if (typeof button.example !== "string" || button.example === "") missingExample("BUTTONS");
    if ((button.example as string).length > LIMITS.copyCodeExample) tooLong("A copy code button's example", LIMITS.copyCodeExample);
  }
}

function checkUrlButton(button: JsonObject, at: string): void {
  const url = button.url;
  if (typeof url !== "string" || url === "") invalidButtons(`Param ${at}['url'] is required.`);
  const text = url as string;
  if (text.length > LIMITS.url) tooLong("A button's URL", LIMITS.url);
  const variables = placeholders(text);
  const base = text.replace(/\{\{[^{}]*\}\}$/, "");
  if (!/^https?:\/\/[^\s/?#{}]+\.[^\s/?#{}]+(?:[/?#][^\s{}]*)?$/i.test(base))
    invalidButtons(`Param ${at}['url'] must be an http or https URL.`);
  if (variables.length > 1) invalidButtons("A URL button can have at most one variable.");
  if (variables.length === 1) {
    if (!text.endsWith("}}") || variables[0] !== "1") invalidButtons("A URL button's variable must be {{1}}, at the end of the URL.");
    const example = button.example;
    if (example === undefined) missingExample("BUTTONS");
    const value = Array.isArray(example) ? example[0] : undefined;
    if (typeof value !== "string" || !/^https?:\/\/\S+$/i.test(value))
      invalidExample(`Param ${at}['example'] must be [full URL], the URL with its variable filled in.`);
  }
}

// ---- authentication templates ---------------------------------------------------------------

function validateAuthentication(components: JsonObject[]): JsonObject[] {
  let buttons: JsonObject | undefined;
  const out = components.map((component) => {
    if (component.type === "HEADER") invalidAuthentication("Authentication templates can't have a header (no text, media or location).");
    if (component.type === "CAROUSEL") invalidAuthentication("Authentication templates can't be carousels.");
    if (component.type === "BODY") {
      if (component.text !== undefined)
        invalidAuthentication("Authentication templates use Meta's preset text: give the BODY add_security_recommendation, not text.");
      if (component.add_security_recommendation !== undefined && typeof component.add_security_recommendation !== "boolean")
        invalidAuthentication("add_security_recommendation must be true or false.");
    }
    if (component.type === "FOOTER") {
      if (component.text !== undefined)
        invalidAuthentication("Authentication templates use Meta's preset footer: give code_expiration_minutes, not text.");
      const minutes = component.code_expiration_minutes;
      const { min, max } = LIMITS.codeExpirationMinutes;
      if (minutes !== undefined && (typeof minutes !== "number" || !Number.isInteger(minutes) || minutes < min || minutes > max))
        invalidAuthentication(`code_expiration_minutes must be an integer from ${min} to ${max}.`);
    }
    if (component.type === "BUTTONS") {
      buttons = component;
      return { ...component, buttons: [checkOtpButton(component.buttons)] };
    }
    return component;
  });
  if (!buttons) invalidAuthentication("An authentication template needs a BUTTONS component with one OTP button.");
  return out;
}

function checkOtpButton(buttons: unknown): JsonObject {
  const button = Array.isArray(buttons) && buttons.length === 1 ? buttons[0] : undefined;
  if (!isObject(button) || typeof button.type !== "string" || button.type.toUpperCase() !== "OTP")
    invalidAuthentication("An authentication template needs exactly one button, of type OTP (no URL, quick reply or other buttons).");
  const otp = button as JsonObject;
  const otpType = typeof otp.otp_type === "string" ? otp.otp_type.toUpperCase() : "";
  if (!OTP_TYPES.includes(otpType)) invalidAuthentication(`The OTP button's otp_type must be one of {${OTP_TYPES.join(", ")}}.`);
  for (const key of ["text", "autofill_text"] as const) {
    const value = otp[key];
    if (value !== undefined && (typeof value !== "string" || value.length > LIMITS.buttonText))
      tooLong(`The OTP button's ${key}`, LIMITS.buttonText);
  }
  if (otpType !== "COPY_CODE") {
    const apps = Array.isArray(otp.supported_apps)
      ? otp.supported_apps
      : [{ package_name: otp.package_name, signature_hash: otp.signature_hash }];
    if (apps.length === 0) invalidAuthentication(`A ${otpType} button needs the Android app's package_name and signature_hash.`);
    for (const app of apps as unknown[]) {
      const packageName = isObject(app) ? app.package_name : undefined;
      const hash = isObject(app) ? app.signature_hash : undefined;
      if (typeof packageName !== "string" || !/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/.test(packageName))
        invalidAuthentication(`A ${otpType} button needs the Android app's package_name (e.g. com.example.app).`);
      if (typeof hash !== "string" || !/^[A-Za-z0-9+/]{11}$/.test(hash))
        invalidAuthentication(`A ${otpType} button needs the app's signature_hash (11 characters).`);
    }
    if (otpType === "ZERO_TAP" && otp.zero_tap_terms_accepted !== true)
      invalidAuthentication("A ZERO_TAP button needs zero_tap_terms_accepted: true.");
  }
  return { ...otp, type: "OTP", otp_type: otpType };
}

// ---- carousels ------------------------------------------------------------------------------

function validateCarousel(components: JsonObject[], context: ValidationContext): JsonObject[] {
  if (context.category !== "MARKETING") invalidCarousel("Carousel templates are MARKETING templates.");
  const extra = components.find((component) => !["BODY", "CAROUSEL"].includes(component.type as string));
  if (extra) invalidCarousel(`A carousel template has a BODY and a CAROUSEL component only (not a ${String(extra.type)}).`);
  return components.map((component, index) => {
    if (component.type === "BODY") {
      checkText(component, { kind: "BODY", where: `components[${index}]`, max: LIMITS.bodyText }, context);
      return component;
    }
    const cards = component.cards;
    const { min, max } = LIMITS.cards;
    if (!Array.isArray(cards) || cards.length < min || cards.length > max) invalidCarousel(`A carousel needs ${min} to ${max} cards.`);
    const normalized = (cards as unknown[]).map((card, c) => validateCard(card, `components[${index}]['cards'][${c}]`, context));
    const shape = (card: JsonObject) => {
      const parts = card.components as JsonObject[];
      const header = parts.find((part) => part.type === "HEADER")!;
      const buttons = (parts.find((part) => part.type === "BUTTONS")!.buttons as JsonObject[]).map((button) => button.type);
      return { format: header.format as string, buttons: buttons.join(",") };
    };
    const first = shape(normalized[0]!);
    normalized.forEach((card, c) => {
      const current = shape(card);
      if (current.format !== first.format)
        invalidCarousel(`Every card needs the same header format: card ${c} has ${current.format}, card 0 ${first.format}.`);
      if (current.buttons !== first.buttons)
        invalidCarousel(`Every card needs the same buttons in the same order: card ${c} has ${current.buttons}, card 0 ${first.buttons}.`);
    });
    return { ...component, type: "CAROUSEL", cards: normalized };
  });
}

function validateCard(card: unknown, where: string, context: ValidationContext): JsonObject {
  if (!isObject(card) || !Array.isArray(card.components)) invalidCarousel(`Param ${where}['components'] is required.`);
  const seen = new Set<string>();
  const components = ((card as JsonObject).components as unknown[]).map((component, index) => {
    const at = `${where}['components'][${index}]`;
    if (!isObject(component) || typeof component.type !== "string") invalidCarousel(`Param ${at}['type'] is required.`);
    const object = component as JsonObject;
    const type = String(object.type).toUpperCase();
    if (!["HEADER", "BODY", "BUTTONS"].includes(type) || seen.has(type))
      invalidCarousel("A card has one HEADER (IMAGE or VIDEO), one BODY and one BUTTONS component.");
    seen.add(type);
    if (type === "HEADER") {
      const format = typeof object.format === "string" ? object.format.toUpperCase() : "";
      if (format !== "IMAGE" && format !== "VIDEO") invalidCarousel("A card's header is an IMAGE or a VIDEO.");
      const out = { ...object, type, format };
      checkSample(out, format, context);
      return out;
    }
    if (type === "BODY") {
      const out = { ...object, type };
      checkText(out, { kind: "CARD_BODY", where: at, max: LIMITS.cardBodyText }, context);
      return out;
    }
    return { ...object, type, buttons: validateButtons(object.buttons, `${at}['buttons']`, true, context.strict) };
  });
  if (seen.size !== 3) invalidCarousel("A card has one HEADER (IMAGE or VIDEO), one BODY and one BUTTONS component.");
  return { ...(card as JsonObject), components };
}
