/**
 * Tolerant reads of Meta's stored component array (GET /{waba}/message_templates, or what Parley
 * posted): any case for `type` / `format` / button types, and nothing in it trusted — a value of
 * the wrong type reads as absent. Shared by the renderer (render.ts); plain TypeScript, so client
 * components may import it.
 */
export type RawObject = Record<string, unknown>;

export function object(value: unknown): RawObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as RawObject) : {};
}

export function string(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `type`, `format` and button types, upper-cased ("" when missing). */
export function kind(value: unknown): string {
  return typeof value === "string" ? value.trim().toUpperCase() : "";
}

/** The objects of a component array (anything else skipped). */
export function componentList(components: unknown): RawObject[] {
  return array(components).flatMap((item) => (typeof item === "object" && item !== null && !Array.isArray(item) ? [item as RawObject] : []));
}

/** The first component of a type ("HEADER", "BODY"…). */
export function componentOf(components: RawObject[], type: string): RawObject | undefined {
  return components.find((component) => kind(component.type) === type);
}

export const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** `{{1}}` / `{{first_name}}` names of a text, in order of first appearance. */
export function placeholderNames(text: string | null): string[] {
  const names: string[] = [];
  for (const match of (text ?? "").matchAll(PLACEHOLDER)) if (!names.includes(match[1]!)) names.push(match[1]!);
  return names;
}

/**
 * Meta's example values of a header or body text, by variable name: positional ones
 * (`body_text: [["Pablo", "CARIBE25"]]`, `header_text: ["Summer"]`) by number — or, for names that
 * are not numbers, by order of appearance — and named ones (`body_text_named_params:
 * [{ param_name, example }]`) by name.
 */
export function textExamples(component: RawObject | undefined, part: "header" | "body"): Map<string, string> {
  const examples = new Map<string, string>();
  if (!component) return examples;
  const example = object(component.example);
  const names = placeholderNames(string(component.text));
  const raw = array(example[`${part}_text`]);
  const positional = (Array.isArray(raw[0]) ? raw[0] : raw).map((item) => (typeof item === "string" ? item : typeof item === "number" ? String(item) : null));
  names.forEach((name, i) => {
    const value = positional[/^\d+$/.test(name) ? Number(name) - 1 : i];
    if (value) examples.set(name, value);
  });
  for (const item of array(example[`${part}_text_named_params`])) {
    const param = object(item);
    const name = string(param.param_name);
    const value = string(param.example) ?? (typeof param.example === "number" ? String(param.example) : null);
    if (name && value) examples.set(name, value);
  }
  return examples;
}
