/**
 * The variable-mapping form's reading of a VariableSource: one choice in a select ("field:firstName",
 * "custom:city", "text", "link", "media") and one text input (the fallback, the fixed text, the
 * link or the media reference), and back. Values are kept as typed; the action validates them.
 */
import { CONTACT_FIELDS, type ContactField, type VariableMapping, type VariableSource } from "@/lib/campaigns/mapping";
import type { TemplateVariable } from "@/lib/services/inbox/template-variables";

export type SourceChoice = `field:${ContactField}` | `custom:${string}` | "text" | "link" | "media";

export function choiceOf(source: VariableSource): SourceChoice {
  switch (source.source) {
    case "field":
      return `field:${source.field}`;
    case "custom":
      return `custom:${source.key}`;
    default:
      return source.source;
  }
}

/** What the one input shows: the fallback for contact values, else the value itself. */
export function inputOf(source: VariableSource): string {
  switch (source.source) {
    case "field":
    case "custom":
      return source.fallback;
    case "text":
      return source.value;
    case "link":
      return source.url;
    case "media":
      return source.ref;
  }
}

export function sourceOf(choice: SourceChoice, input: string): VariableSource {
  if (choice.startsWith("field:")) {
    const field = choice.slice("field:".length);
    return { source: "field", field: (CONTACT_FIELDS as readonly string[]).includes(field) ? (field as ContactField) : "name", fallback: input };
  }
  if (choice.startsWith("custom:")) return { source: "custom", key: choice.slice("custom:".length), fallback: input };
  if (choice === "link") return { source: "link", url: input };
  if (choice === "media") return { source: "media", ref: input };
  return { source: "text", value: input };
}

/** The sources a variable may take: a media header only a media reference; a text any of the others. */
export function choicesFor(variable: TemplateVariable, customKeys: readonly string[]): SourceChoice[] {
  if (variable.kind === "media") return ["media"];
  const contact: SourceChoice[] = [...CONTACT_FIELDS.map((field) => `field:${field}` as const), ...customKeys.map((key) => `custom:${key}` as const)];
  if (variable.component === "button" && variable.kind === "text") return ["link", "text", ...contact];
  return [...contact, "text", ...(variable.kind === "text" ? (["link"] as const) : [])];
}

/** The mapping for a template: what was mapped for its variables, a blank of the likely source for the others (never Meta's example, which is not a real value), nothing for keys it does not have. */
export function mappingFor(variables: readonly TemplateVariable[], current: VariableMapping): VariableMapping {
  const next: VariableMapping = {};
  for (const variable of variables) {
    next[variable.key] =
      current[variable.key] ??
      (variable.kind === "media"
        ? { source: "media", ref: "" }
        : variable.component === "button" && variable.kind === "text"
          ? { source: "link", url: "" }
          : { source: "text", value: "" });
  }
  return next;
}

/** Preview values without a contact: fixed texts and links as they are, contact values as their fallback. */
export function previewValues(mapping: VariableMapping): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, source] of Object.entries(mapping)) {
    const value = inputOf(source).trim();
    if (value && source.source !== "media") values[key] = value;
  }
  return values;
}
