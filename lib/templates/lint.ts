/**
 * What Meta would refuse in a template draft, found before any call to Meta: in the builder as one
 * types, and on the server before submitting. Each problem names the builder field it is about
 * (`path`, e.g. "buttons.2.url") and a message key (`templateLint.<code>`, with `params`).
 *
 * The rules are Meta's published ones (Template components, Authentication templates, Media card
 * carousel templates, Supported languages). Where Meta publishes no exact rule, the choice is
 * written next to the check:
 * - a variable "at the start or end" of a body: the trimmed text begins or ends with `{{…}}`;
 *   punctuation after it counts as text (Meta's own example ends "… is {{order_number}}.");
 * - "adjacent" variables: nothing but whitespace between them;
 * - too many variables for the text's length (a warning, Meta's review decides): fewer than
 *   3 × variables + 1 words, counting each variable as a word — the ratio providers observe in
 *   Meta's "too many variable parameters relative to the message length" rejections.
 * Plain code, no server imports: safe on the client.
 */
import { isPossiblePhoneNumber, isValidPhoneNumber } from "libphonenumber-js";
import type { MediaFormat, TemplateButton, TemplateDraft, TemplateSample } from "./draft";
import { isTemplateLanguage } from "./languages";
import { TEMPLATE_LIMITS as LIMITS, TEMPLATE_SAMPLE_LIMITS } from "./limits";
import { findVariables, hasStrayBraces, splitUrl, type VariableMatch } from "./variables";

export interface LintProblem {
  /** The builder field: "name", "body.text", "buttons.2.url", "carousel.cards.0.header.sample" … */
  path: string;
  /** Message key under `templateLint.` (one of LINT_CODES). */
  code: string;
  params?: Record<string, string | number>;
  severity: "error" | "warning";
}

export interface LintContext {
  /** The workspace's templates (name + language), to refuse a name already used in that language. */
  existing?: Array<{ name: string; language: string; id?: string }>;
  /** The template being edited: its own entry in `existing` is not a clash. */
  selfId?: string;
}

export const LINT_CODES = [
  "text.required",
  "text.tooLong",
  "name.invalid",
  "name.taken",
  "language.required",
  "language.unsupported",
  "variables.malformed",
  "variables.invalidName",
  "variables.namedInPositional",
  "variables.positionalInNamed",
  "variables.gap",
  "variables.atStart",
  "variables.atEnd",
  "variables.adjacent",
  "variables.exampleMissing",
  "body.tooManyVariables",
  "header.tooManyVariables",
  "header.newline",
  "header.emoji",
  "header.formatting",
  "header.sampleRequired",
  "header.sampleType",
  "header.sampleTooLarge",
  "header.sampleReupload",
  "footer.variables",
  "buttons.tooMany",
  "buttons.tooManyQuickReplies",
  "buttons.tooManyUrls",
  "buttons.tooManyPhoneNumbers",
  "buttons.tooManyCopyCodes",
  "buttons.notGrouped",
  "buttons.otpNotAllowed",
  "buttons.urlInvalid",
  "buttons.urlTooManyVariables",
  "buttons.urlVariableNotAtEnd",
  "buttons.urlVariableInvalid",
  "buttons.exampleRequired",
  "buttons.exampleMismatch",
  "buttons.phoneInvalid",
  "buttons.phoneUnlikely",
  "authentication.headerNotAllowed",
  "authentication.buttonNotAllowed",
  "authentication.otpRequired",
  "authentication.oneOtp",
  "authentication.packageNameInvalid",
  "authentication.signatureHashInvalid",
  "authentication.codeExpiration",
  "carousel.notMarketing",
  "carousel.headerNotAllowed",
  "carousel.footerNotAllowed",
  "carousel.buttonsNotAllowed",
  "carousel.cardCount",
  "carousel.cardBodyRequired",
  "carousel.cardButtonCount",
  "carousel.cardButtonType",
  "carousel.cardHeaderMismatch",
  "carousel.cardButtonsMismatch",
] as const;
export type LintCode = (typeof LINT_CODES)[number];

const NAME = /^[a-z0-9_]+$/;
/** Meta: at least two dot-separated segments, each starting with a letter; [a-zA-Z0-9_] only. */
const PACKAGE_NAME = /^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)+$/;
const SIGNATURE_HASH = new RegExp(`^[a-zA-Z0-9+/=]{${LIMITS.signatureHash}}$`);
const EMOJI = /\p{Extended_Pictographic}/u;
/** WhatsApp's formatting markers (*bold*, _italic_, ~strike~, `mono`): not in a text header. */
const FORMATTING = /[*_~`]/;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const MB = 1024 * 1024;

class Problems {
  readonly list: LintProblem[] = [];

  error(path: string, code: LintCode, params?: LintProblem["params"]): void {
    this.list.push(params ? { path, code, params, severity: "error" } : { path, code, severity: "error" });
  }

  warn(path: string, code: LintCode, params?: LintProblem["params"]): void {
    this.list.push(params ? { path, code, params, severity: "warning" } : { path, code, severity: "warning" });
  }

  /** Required and at most `max` characters. */
  text(path: string, value: string, max: number, required = true): void {
    if (required && value.trim() === "") this.error(path, "text.required");
    else if (value.length > max) this.error(path, "text.tooLong", { max, length: value.length });
  }
}

interface VariableRules {
  /** Where the examples live: "body.examples" → "body.examples.first_name". */
  examplesPath: string;
  examples: Record<string, string>;
  format: TemplateDraft["parameterFormat"];
  /** Bodies: not at the very start or end, and the words-per-variable warning. */
  body: boolean;
}

function lintVariables(problems: Problems, path: string, text: string, rules: VariableRules): VariableMatch[] {
  if (hasStrayBraces(text)) problems.error(path, "variables.malformed");
  const variables = findVariables(text);
  const expected = rules.format === "NAMED" ? "named" : "positional";
  const reported = new Set<string>();
  for (const variable of variables) {
    if (reported.has(variable.name)) continue;
    reported.add(variable.name);
    if (variable.kind === "invalid") problems.error(path, "variables.invalidName", { name: variable.name });
    else if (variable.kind !== expected)
      problems.error(path, variable.kind === "named" ? "variables.namedInPositional" : "variables.positionalInNamed", {
        name: variable.name,
      });
    else if ((rules.examples[variable.name] ?? "").trim() === "")
      problems.error(`${rules.examplesPath}.${variable.name}`, "variables.exampleMissing", { name: variable.name });
  }
  if (expected === "positional") {
    const numbers = new Set(variables.filter((variable) => variable.kind === "positional").map((variable) => Number(variable.name)));
    const missing: number[] = [];
    for (let n = 1; n <= Math.max(0, ...numbers); n++) if (!numbers.has(n)) missing.push(n);
    if (missing.length > 0) problems.error(path, "variables.gap", { missing: missing.map((n) => `{{${n}}}`).join(", ") });
  }
  for (let i = 1; i < variables.length; i++) {
    const previous = variables[i - 1]!;
    const current = variables[i]!;
    if (text.slice(previous.end, current.start).trim() === "")
      problems.error(path, "variables.adjacent", { first: `{{${previous.name}}}`, second: `{{${current.name}}}` });
  }
  if (rules.body && variables.length > 0) {
    const trimmed = text.trim();
    if (/^\{\{[^{}]*\}\}/.test(trimmed)) problems.error(path, "variables.atStart");
    if (/\{\{[^{}]*\}\}$/.test(trimmed)) problems.error(path, "variables.atEnd");
    const words = trimmed.split(/\s+/).length;
    const minWords = 3 * variables.length + 1;
    if (words < minWords) problems.warn(path, "body.tooManyVariables", { variables: variables.length, words, minWords });
  }
  return variables;
}

function lintSample(problems: Problems, path: string, format: MediaFormat, sample: TemplateSample | null): void {
  if (!sample) {
    problems.error(path, "header.sampleRequired");
    return;
  }
  // A sample read back from Meta (componentsToDraft) is the address of Meta's copy, not an upload
  // handle: a new submission (an edit, a copy into another language) needs the file uploaded again.
  if (/^https?:\/\//i.test(sample.handle)) {
    problems.error(path, "header.sampleReupload");
    return;
  }
  const limits = TEMPLATE_SAMPLE_LIMITS[format];
  if (sample.mimeType !== "" && !limits.mimeTypes.includes(sample.mimeType.toLowerCase()))
    problems.error(path, "header.sampleType", {
      allowed: limits.mimeTypes.map((type) => (type.split("/")[1] ?? type).toUpperCase()).join(", "),
    });
  if (sample.size > limits.maxBytes) problems.error(path, "header.sampleTooLarge", { maxMb: limits.maxBytes / MB });
}

function isWebUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "https:" || url.protocol === "http:") && HOST.test(url.hostname) && url.username === "" && url.password === "";
}

function lintUrlButton(problems: Problems, path: string, button: Extract<TemplateButton, { type: "URL" }>): void {
  problems.text(`${path}.url`, button.url, LIMITS.url);
  if (button.url.trim() === "") return;
  const { fixed, variables, suffix } = splitUrl(button.url);
  if (variables.length > 1) problems.error(`${path}.url`, "buttons.urlTooManyVariables");
  else if (suffix !== "") problems.error(`${path}.url`, "buttons.urlVariableNotAtEnd");
  else if (variables[0] && variables[0].name !== "1")
    problems.error(`${path}.url`, "buttons.urlVariableInvalid", { name: variables[0].name });
  // The fixed part must already be a web address: the variable only adds to its end.
  if (!isWebUrl(variables.length > 0 ? `${fixed}x` : button.url)) problems.error(`${path}.url`, "buttons.urlInvalid");
  if (variables.length === 0) return;
  if (button.example.trim() === "") problems.error(`${path}.example`, "buttons.exampleRequired");
  else if (!button.example.startsWith(fixed) || button.example.length <= fixed.length)
    problems.error(`${path}.example`, "buttons.exampleMismatch", { fixed });
  else if (button.example.length > LIMITS.url)
    problems.error(`${path}.example`, "text.tooLong", { max: LIMITS.url, length: button.example.length });
  else if (!isWebUrl(button.example)) problems.error(`${path}.example`, "buttons.urlInvalid");
}

function lintButton(problems: Problems, path: string, button: TemplateButton): void {
  switch (button.type) {
    case "QUICK_REPLY":
      problems.text(`${path}.text`, button.text, LIMITS.buttonText);
      return;
    case "URL":
      problems.text(`${path}.text`, button.text, LIMITS.buttonText);
      lintUrlButton(problems, path, button);
      return;
    case "PHONE_NUMBER":
      problems.text(`${path}.text`, button.text, LIMITS.buttonText);
      problems.text(`${path}.phoneNumber`, button.phoneNumber, LIMITS.phoneNumber);
      // E.164 with "+" and a length the country allows; a number no carrier hands out (Meta's own
      // examples use +1 555 …) is only a warning, since Meta stores any string up to 20 characters.
      if (button.phoneNumber.trim() === "") return;
      if (!/^\+[1-9][0-9]+$/.test(button.phoneNumber) || !isPossiblePhoneNumber(button.phoneNumber))
        problems.error(`${path}.phoneNumber`, "buttons.phoneInvalid");
      else if (!isValidPhoneNumber(button.phoneNumber)) problems.warn(`${path}.phoneNumber`, "buttons.phoneUnlikely");
      return;
    case "COPY_CODE":
      problems.text(`${path}.example`, button.example, LIMITS.copyCodeExample);
      return;
    case "OTP":
      // Both labels are optional: Meta fills in "Copy code" / "Autofill" in the template's language.
      problems.text(`${path}.text`, button.text, LIMITS.buttonText, false);
      if (button.otpType !== "ONE_TAP") return;
      problems.text(`${path}.autofillText`, button.autofillText, LIMITS.otpAutofillText, false);
      problems.text(`${path}.packageName`, button.packageName, LIMITS.packageName);
      if (button.packageName.trim() !== "" && button.packageName.length <= LIMITS.packageName && !PACKAGE_NAME.test(button.packageName))
        problems.error(`${path}.packageName`, "authentication.packageNameInvalid");
      if (button.signatureHash.trim() === "") problems.error(`${path}.signatureHash`, "text.required");
      else if (!SIGNATURE_HASH.test(button.signatureHash))
        problems.error(`${path}.signatureHash`, "authentication.signatureHashInvalid", { length: LIMITS.signatureHash });
      return;
  }
}

function lintButtonSet(problems: Problems, path: string, buttons: TemplateButton[]): void {
  const count = (type: TemplateButton["type"]) => buttons.filter((button) => button.type === type).length;
  if (buttons.length > LIMITS.buttons) problems.error(path, "buttons.tooMany", { max: LIMITS.buttons });
  if (count("QUICK_REPLY") > LIMITS.quickReplyButtons)
    problems.error(path, "buttons.tooManyQuickReplies", { max: LIMITS.quickReplyButtons });
  if (count("URL") > LIMITS.urlButtons) problems.error(path, "buttons.tooManyUrls", { max: LIMITS.urlButtons });
  if (count("PHONE_NUMBER") > LIMITS.phoneButtons) problems.error(path, "buttons.tooManyPhoneNumbers", { max: LIMITS.phoneButtons });
  if (count("COPY_CODE") > LIMITS.copyCodeButtons) problems.error(path, "buttons.tooManyCopyCodes", { max: LIMITS.copyCodeButtons });
  // Quick replies in one group, before or after all the others: at most one switch along the row.
  const switches = buttons.filter(
    (button, index) => index > 0 && (button.type === "QUICK_REPLY") !== (buttons[index - 1]!.type === "QUICK_REPLY"),
  );
  if (switches.length > 1) problems.error(path, "buttons.notGrouped");
}

function lintName(problems: Problems, draft: TemplateDraft, context: LintContext): void {
  problems.text("name", draft.name, LIMITS.name);
  if (draft.name === "") return;
  if (!NAME.test(draft.name)) problems.error("name", "name.invalid");
  const clash = (context.existing ?? []).some(
    (template) =>
      template.name === draft.name &&
      template.language === draft.language &&
      (context.selfId === undefined || template.id !== context.selfId),
  );
  if (clash) problems.error("name", "name.taken", { language: draft.language });
}

function lintHeader(problems: Problems, draft: TemplateDraft): void {
  const header = draft.header;
  if (header.format === "TEXT") {
    problems.text("header.text", header.text, LIMITS.headerText);
    const variables = lintVariables(problems, "header.text", header.text, {
      examplesPath: "header.examples",
      examples: header.examples,
      format: draft.parameterFormat,
      body: false,
    });
    if (new Set(variables.map((variable) => variable.name)).size > LIMITS.headerVariables)
      problems.error("header.text", "header.tooManyVariables", { max: LIMITS.headerVariables });
    const plain = header.text.replace(/\{\{[^{}]*\}\}/g, "");
    if (/[\r\n]/.test(plain)) problems.error("header.text", "header.newline");
    if (EMOJI.test(plain)) problems.error("header.text", "header.emoji");
    if (FORMATTING.test(plain)) problems.error("header.text", "header.formatting");
  } else if (header.format === "IMAGE" || header.format === "VIDEO" || header.format === "DOCUMENT") {
    lintSample(problems, "header.sample", header.format, header.sample);
  }
}

function lintBody(problems: Problems, path: string, body: TemplateDraft["body"], max: number, draft: TemplateDraft, required = true): void {
  problems.text(`${path}.text`, body.text, max, required);
  lintVariables(problems, `${path}.text`, body.text, {
    examplesPath: `${path}.examples`,
    examples: body.examples,
    format: draft.parameterFormat,
    body: true,
  });
}

function lintAuthentication(problems: Problems, draft: TemplateDraft): void {
  if (draft.header.format !== "NONE") problems.error("header", "authentication.headerNotAllowed");
  draft.buttons.forEach((button, index) => {
    if (button.type !== "OTP") problems.error(`buttons.${index}`, "authentication.buttonNotAllowed");
    else lintButton(problems, `buttons.${index}`, button);
  });
  const otps = draft.buttons.filter((button) => button.type === "OTP").length;
  if (otps === 0) problems.error("buttons", "authentication.otpRequired");
  else if (otps > 1) problems.error("buttons", "authentication.oneOtp");
  const minutes = draft.authentication.codeExpirationMinutes;
  const { min, max } = LIMITS.codeExpirationMinutes;
  if (minutes !== null && (minutes < min || minutes > max))
    problems.error("authentication.codeExpirationMinutes", "authentication.codeExpiration", { min, max });
}

function buttonShape(buttons: TemplateButton[]): string {
  return buttons.map((button) => button.type).join(",");
}

function lintCarousel(problems: Problems, draft: TemplateDraft, cards: NonNullable<TemplateDraft["carousel"]>["cards"]): void {
  if (draft.category !== "MARKETING") problems.error("carousel", "carousel.notMarketing");
  if (draft.header.format !== "NONE") problems.error("header", "carousel.headerNotAllowed");
  if (draft.footer.trim() !== "") problems.error("footer", "carousel.footerNotAllowed");
  if (draft.buttons.length > 0) problems.error("buttons", "carousel.buttonsNotAllowed");
  const { min, max } = LIMITS.cards;
  if (cards.length < min || cards.length > max) problems.error("carousel.cards", "carousel.cardCount", { min, max, count: cards.length });
  // Meta: a card body is optional, but if one card has one, every card must (same card heights).
  const withBody = cards.some((card) => card.body.text.trim() !== "");
  const first = cards[0];
  cards.forEach((card, cardIndex) => {
    const path = `carousel.cards.${cardIndex}`;
    lintSample(problems, `${path}.header.sample`, card.header.format, card.header.sample);
    if (withBody && card.body.text.trim() === "") problems.error(`${path}.body.text`, "carousel.cardBodyRequired");
    else lintBody(problems, `${path}.body`, card.body, LIMITS.cardBodyText, draft, false);
    if (card.buttons.length > LIMITS.cardButtons)
      problems.error(`${path}.buttons`, "carousel.cardButtonCount", { max: LIMITS.cardButtons });
    card.buttons.forEach((button, index) => {
      if (button.type === "QUICK_REPLY" || button.type === "URL" || button.type === "PHONE_NUMBER")
        lintButton(problems, `${path}.buttons.${index}`, button);
      else problems.error(`${path}.buttons.${index}`, "carousel.cardButtonType");
    });
    if (first && cardIndex > 0) {
      if (card.header.format !== first.header.format) problems.error(`${path}.header`, "carousel.cardHeaderMismatch");
      if (buttonShape(card.buttons) !== buttonShape(first.buttons)) problems.error(`${path}.buttons`, "carousel.cardButtonsMismatch");
    }
  });
}

/** Every problem Meta would refuse (errors) or likely reject on review (warnings), in field order. */
export function lintTemplate(draft: TemplateDraft, context: LintContext = {}): LintProblem[] {
  const problems = new Problems();
  lintName(problems, draft, context);
  if (draft.language.trim() === "") problems.error("language", "language.required");
  else if (!isTemplateLanguage(draft.language)) problems.error("language", "language.unsupported", { language: draft.language });

  if (draft.category === "AUTHENTICATION") {
    // Meta writes the body and footer; the draft holds only their options and the OTP button.
    lintAuthentication(problems, draft);
    if (draft.carousel) problems.error("carousel", "carousel.notMarketing");
    return problems.list;
  }

  if (draft.carousel) {
    lintBody(problems, "body", draft.body, LIMITS.bodyText, draft);
    lintCarousel(problems, draft, draft.carousel.cards);
    return problems.list;
  }

  lintHeader(problems, draft);
  lintBody(problems, "body", draft.body, LIMITS.bodyText, draft);
  problems.text("footer", draft.footer, LIMITS.footerText, false);
  if (findVariables(draft.footer).length > 0) problems.error("footer", "footer.variables");
  lintButtonSet(problems, "buttons", draft.buttons);
  draft.buttons.forEach((button, index) => {
    if (button.type === "OTP") problems.error(`buttons.${index}`, "buttons.otpNotAllowed");
    else lintButton(problems, `buttons.${index}`, button);
  });
  return problems.list;
}

/** Whether any problem blocks submitting (warnings do not). */
export function hasLintErrors(problems: LintProblem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}
