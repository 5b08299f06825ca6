/**
 * The live preview of a template while the agent fills its variables: Meta's stored components
 * (HEADER / BODY / FOOTER / BUTTONS) with `{{1}}` or `{{name}}` replaced by the values typed so
 * far (keys as listSendableTemplates names them: "body.1", "header.1"), unfilled ones left as is.
 */
export interface TemplatePreview {
  header: string | null;
  /** A media header (image, video, document): shown as a placeholder. */
  headerMedia: string | null;
  body: string | null;
  footer: string | null;
  buttons: string[];
}

type Component = { type?: unknown; format?: unknown; text?: unknown; buttons?: unknown };

const str = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);

export function fillPlaceholders(text: string, component: "header" | "body", values: Record<string, string>): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => values[`${component}.${name}`]?.trim() || whole);
}

export function templatePreview(components: unknown[], values: Record<string, string>): TemplatePreview {
  const preview: TemplatePreview = { header: null, headerMedia: null, body: null, footer: null, buttons: [] };
  for (const raw of components) {
    if (typeof raw !== "object" || raw === null) continue;
    const component = raw as Component;
    const type = String(component.type ?? "").toUpperCase();
    if (type === "HEADER") {
      const format = String(component.format ?? "TEXT").toUpperCase();
      if (format === "TEXT") preview.header = str(component.text) && fillPlaceholders(str(component.text)!, "header", values);
      else preview.headerMedia = format.toLowerCase();
    } else if (type === "BODY") {
      preview.body = str(component.text) && fillPlaceholders(str(component.text)!, "body", values);
    } else if (type === "FOOTER") {
      preview.footer = str(component.text);
    } else if (type === "BUTTONS" && Array.isArray(component.buttons)) {
      preview.buttons = component.buttons.flatMap((b) => (typeof b === "object" && b !== null && str((b as { text?: unknown }).text) ? [str((b as { text?: unknown }).text)!] : []));
    }
  }
  return preview;
}
