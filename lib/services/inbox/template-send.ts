/**
 * A stored template and the agent's variables → Meta's template send (`TemplateSend`) and the
 * text the timeline shows. Every variable the template needs must be filled; a media header
 * takes an uploaded attachment (its Meta media id) or an https link.
 */
import { AppError, Invalid } from "@/lib/errors";
import type { TemplateComponentParameters, TemplateSend } from "@/lib/whatsapp/messages/template";
import { fillText, storedComponents, templateVariables, type TemplateVariable } from "./template-variables";

export interface StoredTemplate {
  name: string;
  language: string;
  components: unknown;
}

/** Finds the Meta media id of one of the workspace's uploaded attachments (null when not ours / not uploaded). */
export type MediaResolver = (mediaUploadId: string) => Promise<string | null>;

function value(variables: Record<string, string>, variable: TemplateVariable): string {
  const filled = variables[variable.key]?.trim();
  if (!filled) throw Invalid("templateVariableMissing", { params: { name: variable.key }, field: `variables.${variable.key}` });
  return filled;
}

const named = (name: string) => (/^\d+$/.test(name) ? {} : { parameter_name: name });

type HeaderParameter = Extract<TemplateComponentParameters, { type: "header" }>["parameters"][number];

async function headerMedia(variable: TemplateVariable, ref: string, resolveMedia: MediaResolver): Promise<HeaderParameter> {
  let source: { id: string } | { link: string };
  if (/^https:\/\//.test(ref)) source = { link: ref };
  else {
    const metaMediaId = await resolveMedia(ref);
    if (!metaMediaId) throw new AppError("invalid", "attachmentNotFound", { field: `variables.${variable.key}` });
    source = { id: metaMediaId };
  }
  switch (variable.mediaFormat ?? "image") {
    case "video":
      return { type: "video", video: source };
    case "document":
      return { type: "document", document: source };
    default:
      return { type: "image", image: source };
  }
}

export async function buildTemplateSend(
  template: StoredTemplate,
  variables: Record<string, string>,
  resolveMedia: MediaResolver,
): Promise<{ send: TemplateSend; preview: string }> {
  const needed = templateVariables(template.components);
  const components: TemplateComponentParameters[] = [];

  const header = needed.filter((v) => v.component === "header");
  const mediaVariable = header.find((v) => v.kind === "media");
  if (mediaVariable) {
    components.push({ type: "header", parameters: [await headerMedia(mediaVariable, value(variables, mediaVariable), resolveMedia)] });
  } else if (header.length > 0) {
    components.push({
      type: "header",
      parameters: header.map((v) => ({ type: "text" as const, text: value(variables, v), ...named(v.name) })),
    });
  }
  const body = needed.filter((v) => v.component === "body");
  if (body.length > 0) {
    components.push({ type: "body", parameters: body.map((v) => ({ type: "text" as const, text: value(variables, v), ...named(v.name) })) });
  }
  for (const button of needed.filter((v) => v.component === "button")) {
    const filled = value(variables, button);
    components.push(
      button.kind === "coupon_code"
        ? { type: "button", sub_type: "copy_code", index: button.name, parameters: [{ type: "coupon_code", coupon_code: filled }] }
        : { type: "button", sub_type: "url", index: button.name, parameters: [{ type: "text", text: filled }] },
    );
  }

  const bodyText = storedComponents(template.components).find((c) => c.type === "BODY")?.text;
  return {
    send: { name: template.name, language: { code: template.language }, ...(components.length > 0 ? { components } : {}) },
    preview: bodyText ? fillText(bodyText, "body", variables) : template.name,
  };
}
