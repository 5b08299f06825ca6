/**
 * Template variables: `{{1}}` (positional) and `{{first_name}}` (named) in a text, where they are,
 * and which ones each field of a draft uses. Pure string work, safe on the client; the lint, the
 * component builder and the builder's "insert variable" button all read texts through here.
 */
import type { ParameterFormat, TemplateButton, TemplateDraft } from "./draft";

export type VariableKind = "positional" | "named" | "invalid";

export interface VariableMatch {
  /** What is between the braces, untouched ("1", "first_name", " first name "). */
  name: string;
  kind: VariableKind;
  /** Index of the first `{` and one past the last `}` in the text. */
  start: number;
  end: number;
}

/** Any `{{…}}` without braces inside: what Meta reads as a variable, valid or not. */
const VARIABLE = /\{\{([^{}]*)\}\}/g;
const POSITIONAL_NAME = /^[1-9][0-9]*$/;
/** Meta's named parameters: lower-case letters, digits and underscores, starting with a letter. */
export const NAMED_VARIABLE_NAME = /^[a-z][a-z0-9_]*$/;

function kindOf(name: string): VariableKind {
  if (POSITIONAL_NAME.test(name)) return "positional";
  if (NAMED_VARIABLE_NAME.test(name)) return "named";
  return "invalid";
}

/** Every `{{…}}` of a text, in order of appearance. */
export function findVariables(text: string): VariableMatch[] {
  return [...text.matchAll(VARIABLE)].map((match) => {
    const name = match[1] ?? "";
    return { name, kind: kindOf(name), start: match.index, end: match.index + match[0].length };
  });
}

/** The distinct variable names of a text, in order of first appearance. */
export function variableNames(text: string): string[] {
  return [...new Set(findVariables(text).map((variable) => variable.name))];
}

/**
 * The variable names whose examples go to Meta, in Meta's order: positional ones by number
 * (`body_text` is read as [{{1}}, {{2}}, …]), named ones by first appearance. Variables of the other
 * format or with invalid names are left out (the lint refuses them).
 */
export function orderedVariables(text: string, format: ParameterFormat): string[] {
  const names = variableNames(text);
  if (format === "NAMED") return names.filter((name) => kindOf(name) === "named");
  return names.filter((name) => kindOf(name) === "positional").sort((a, b) => Number(a) - Number(b));
}

/** `{{` or `}}` left over once the well-formed variables are taken out ("{{1}", "{name}}"). */
export function hasStrayBraces(text: string): boolean {
  const rest = text.replace(VARIABLE, "");
  return rest.includes("{{") || rest.includes("}}");
}

/**
 * The variable to insert next: `{{n+1}}` after the highest number used, or for named templates
 * `{{<base>_<n>}}` with the first n not yet taken.
 */
export function nextVariable(text: string, format: ParameterFormat, base = "variable"): string {
  const names = variableNames(text);
  if (format === "POSITIONAL") {
    const highest = names.filter((name) => kindOf(name) === "positional").reduce((max, name) => Math.max(max, Number(name)), 0);
    return `{{${highest + 1}}}`;
  }
  const taken = new Set(names);
  let n = 1;
  while (taken.has(`${base}_${n}`)) n++;
  return `{{${base}_${n}}}`;
}

/** Replace each variable by its value; variables without a value stay as written. */
export function fillVariables(text: string, values: Record<string, string>): string {
  return text.replace(VARIABLE, (whole, name: string) => {
    const value = values[name];
    return value === undefined || value === "" ? whole : value;
  });
}

/** A URL button's URL cut at its first variable: the fixed part and what follows it. */
export function splitUrl(url: string): { fixed: string; variables: VariableMatch[]; suffix: string } {
  const variables = findVariables(url);
  const first = variables[0];
  if (!first) return { fixed: url, variables, suffix: "" };
  return { fixed: url.slice(0, first.start), variables, suffix: url.slice(first.end) };
}

function buttonTexts(button: TemplateButton, path: string): Array<[string, string]> {
  return button.type === "URL" ? [[`${path}.url`, button.url]] : [];
}

/**
 * Every text field of a draft that can hold variables, by the path the builder and the lint use:
 * "header.text", "body.text", "buttons.0.url", "carousel.cards.1.body.text",
 * "carousel.cards.1.buttons.0.url". Authentication bodies are Meta's own, so they are not listed.
 */
export function variableFields(draft: TemplateDraft): Array<{ path: string; text: string }> {
  const fields: Array<[string, string]> = [];
  if (draft.header.format === "TEXT") fields.push(["header.text", draft.header.text]);
  if (draft.category !== "AUTHENTICATION") fields.push(["body.text", draft.body.text]);
  draft.buttons.forEach((button, index) => fields.push(...buttonTexts(button, `buttons.${index}`)));
  draft.carousel?.cards.forEach((card, cardIndex) => {
    fields.push([`carousel.cards.${cardIndex}.body.text`, card.body.text]);
    card.buttons.forEach((button, index) => fields.push(...buttonTexts(button, `carousel.cards.${cardIndex}.buttons.${index}`)));
  });
  return fields.map(([path, text]) => ({ path, text }));
}

/** The variable names each text field of a draft uses (fields without variables left out). */
export function draftVariables(draft: TemplateDraft): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const { path, text } of variableFields(draft)) {
    const names = variableNames(text);
    if (names.length > 0) result[path] = names;
  }
  return result;
}
