/**
 * The variables an agent fills to send a stored template, read from Meta's component array
 * (`Template.components`): `{{1}}` / `{{first_name}}` in the header text and the body, a media
 * header, `{{1}}` in a URL button's address, and a copy-code button's coupon. Each variable has a
 * stable `key` ("body.1", "body.first_name", "header.1", "header.media", "button.0") the composer
 * sends back in `variables`.
 */
import { z } from "zod";

export type TemplateVariableKind = "text" | "media" | "coupon_code";

export interface TemplateVariable {
  key: string;
  component: "header" | "body" | "button";
  /** "1", "first_name"; "media" for a media header; the button's index for buttons. */
  name: string;
  kind: TemplateVariableKind;
  /** For a media header: image, video or document. */
  mediaFormat?: "image" | "video" | "document";
  /** Meta's example value, when the template has one (a placeholder for the form). */
  example?: string;
}

const componentSchema = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  example: z.unknown().optional(),
  buttons: z.array(z.looseObject({ type: z.string(), text: z.string().optional(), url: z.string().optional(), example: z.unknown().optional() })).optional(),
});
export type StoredTemplateComponent = z.infer<typeof componentSchema>;

/** The stored components that look like Meta's; anything else is skipped, never trusted. */
export function storedComponents(components: unknown): StoredTemplateComponent[] {
  if (!Array.isArray(components)) return [];
  return components.flatMap((component) => {
    const parsed = componentSchema.safeParse(component);
    return parsed.success ? [{ ...parsed.data, type: parsed.data.type.toUpperCase() }] : [];
  });
}

/** `{{1}}` or `{{first_name}}` placeholders of a text, in order of first appearance. */
export function placeholders(text: string | undefined): string[] {
  const names: string[] = [];
  for (const match of (text ?? "").matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) if (!names.includes(match[1]!)) names.push(match[1]!);
  return names;
}

/** Positional variables are sent in number order; named ones in order of appearance. */
function ordered(names: string[]): string[] {
  return names.every((name) => /^\d+$/.test(name)) ? [...names].sort((a, b) => Number(a) - Number(b)) : names;
}

function examples(example: unknown, field: "header_text" | "body_text"): string[] {
  if (typeof example !== "object" || example === null) return [];
  const value = (example as Record<string, unknown>)[field];
  const flat = Array.isArray(value) ? (Array.isArray(value[0]) ? value[0] : value) : [];
  return flat.filter((item): item is string => typeof item === "string");
}

function namedExamples(example: unknown, field: "header_text_named_params" | "body_text_named_params"): Map<string, string> {
  if (typeof example !== "object" || example === null) return new Map();
  const value = (example as Record<string, unknown>)[field];
  if (!Array.isArray(value)) return new Map();
  return new Map(
    value.flatMap((item) =>
      typeof item === "object" && item !== null && "param_name" in item && "example" in item ? [[String(item.param_name), String(item.example)]] : [],
    ),
  );
}

function textVariables(component: "header" | "body", source: StoredTemplateComponent): TemplateVariable[] {
  const names = ordered(placeholders(source.text));
  const positional = examples(source.example, component === "header" ? "header_text" : "body_text");
  const named = namedExamples(source.example, component === "header" ? "header_text_named_params" : "body_text_named_params");
  return names.map((name, i) => ({
    key: `${component}.${name}`,
    component,
    name,
    kind: "text" as const,
    example: named.get(name) ?? positional[/^\d+$/.test(name) ? Number(name) - 1 : i],
  }));
}

/**
 * An authentication template's button: OTP as created, or the URL button Meta lists it as
 * (`https://www.whatsapp.com/otp/code/?…`).
 */
export function isPasscodeButton(button: { type: string; url?: string }): boolean {
  const type = button.type.toUpperCase();
  return type === "OTP" || (type === "URL" && /^https:\/\/www\.whatsapp\.com\/otp\//.test(button.url ?? ""));
}

export function templateVariables(components: unknown): TemplateVariable[] {
  const variables: TemplateVariable[] = [];
  for (const component of storedComponents(components)) {
    if (component.type === "HEADER") {
      const format = (component.format ?? "TEXT").toLowerCase();
      if (format === "text") variables.push(...textVariables("header", component));
      else if (format === "image" || format === "video" || format === "document")
        variables.push({ key: "header.media", component: "header", name: "media", kind: "media", mediaFormat: format });
    } else if (component.type === "BODY") {
      // An authentication body has no text of ours: Meta writes "{{1}} is your verification code."
      if (component.text === undefined) variables.push({ key: "body.1", component: "body", name: "1", kind: "text", example: "123456" });
      else variables.push(...textVariables("body", component));
    } else if (component.type === "BUTTONS") {
      (component.buttons ?? []).forEach((button, index) => {
        const type = button.type.toUpperCase();
        // A passcode button carries the body's code (sent for it by buildTemplateSend), not a value of its own.
        if (isPasscodeButton(button)) return;
        if (type === "URL" && placeholders(button.url).length > 0)
          variables.push({ key: `button.${index}`, component: "button", name: String(index), kind: "text" });
        else if (type === "COPY_CODE") variables.push({ key: `button.${index}`, component: "button", name: String(index), kind: "coupon_code" });
      });
    }
  }
  return variables;
}

/** The body (or header) text with its variables filled in, for previews and the stored message. */
export function fillText(text: string, component: "header" | "body", values: Record<string, string>): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => values[`${component}.${name}`] ?? whole);
}
