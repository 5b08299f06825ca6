/**
 * A stored template and the agent's variables → Meta's template send (`TemplateSend`), the text
 * conversation lists show, and the template as sent (`RenderedTemplate`: header, body, footer and
 * buttons filled, which the timeline draws). Every variable the template needs must be filled; a
 * media header takes an uploaded attachment (its Meta media id) or an https link.
 */
import { AppError, Invalid } from "@/lib/errors";
import { renderTemplate } from "@/lib/templates/render";
import type { RenderedTemplate } from "@/lib/templates/rendered";
import type { TemplateComponentParameters, TemplateSend } from "@/lib/whatsapp/messages/template";
import { fillText, isPasscodeButton, storedComponents, templateVariables, type TemplateVariable } from "./template-variables";

export interface StoredTemplate {
  name: string;
  language: string;
  components: unknown;
}

/** One of the workspace's uploaded attachments: its Meta media id and file name (null when not ours / not uploaded). */
export type MediaResolver = (mediaUploadId: string) => Promise<{ metaMediaId: string; fileName: string | null } | null>;

/** Where the app serves an attachment (app/api/media/[id]), for the sent template's header picture. */
const attachmentUrl = (mediaUploadId: string) => `/api/media/${encodeURIComponent(mediaUploadId)}`;

/** The sent header's picture and file name: the attachment's own, or the link's. */
type HeaderMedia = { url: string; fileName: string | null };

function linkFileName(link: string): string | null {
  try {
    return decodeURIComponent(new URL(link).pathname.split("/").pop() ?? "") || null;
  } catch {
    return null;
  }
}

function value(variables: Record<string, string>, variable: TemplateVariable): string {
  const filled = variables[variable.key]?.trim();
  if (!filled) throw Invalid("templateVariableMissing", { params: { name: variable.key }, field: `variables.${variable.key}` });
  return filled;
}

const named = (name: string) => (/^\d+$/.test(name) ? {} : { parameter_name: name });

type HeaderParameter = Extract<TemplateComponentParameters, { type: "header" }>["parameters"][number];

async function headerMedia(variable: TemplateVariable, ref: string, resolveMedia: MediaResolver): Promise<{ parameter: HeaderParameter; media: HeaderMedia }> {
  let source: { id: string } | { link: string };
  let media: HeaderMedia;
  if (/^https:\/\//.test(ref)) {
    source = { link: ref };
    media = { url: ref, fileName: linkFileName(ref) };
  } else {
    const attachment = await resolveMedia(ref);
    if (!attachment) throw new AppError("invalid", "attachmentNotFound", { field: `variables.${variable.key}` });
    source = { id: attachment.metaMediaId };
    media = { url: attachmentUrl(ref), fileName: attachment.fileName };
  }
  switch (variable.mediaFormat ?? "image") {
    case "video":
      return { parameter: { type: "video", video: source }, media };
    case "document":
      return { parameter: { type: "document", document: source }, media };
    default:
      return { parameter: { type: "image", image: source }, media };
  }
}

export async function buildTemplateSend(
  template: StoredTemplate,
  variables: Record<string, string>,
  resolveMedia: MediaResolver,
): Promise<{ send: TemplateSend; preview: string; rendered: RenderedTemplate }> {
  const needed = templateVariables(template.components);
  const components: TemplateComponentParameters[] = [];

  const header = needed.filter((v) => v.component === "header");
  const mediaVariable = header.find((v) => v.kind === "media");
  let media: HeaderMedia | undefined;
  if (mediaVariable) {
    const resolved = await headerMedia(mediaVariable, value(variables, mediaVariable), resolveMedia);
    media = resolved.media;
    components.push({ type: "header", parameters: [resolved.parameter] });
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

  // Meta wants an authentication template's code twice: in the body and in its passcode button.
  const stored = storedComponents(template.components);
  (stored.find((c) => c.type === "BUTTONS")?.buttons ?? []).forEach((button, index) => {
    if (!isPasscodeButton(button)) return;
    const code = value(variables, body.find((v) => v.name === "1") ?? { key: "body.1", component: "body", name: "1", kind: "text" });
    components.push({ type: "button", sub_type: "url", index: String(index), parameters: [{ type: "text", text: code }] });
  });

  const bodyText = stored.find((c) => c.type === "BODY")?.text;
  return {
    send: { name: template.name, language: { code: template.language }, ...(components.length > 0 ? { components } : {}) },
    preview: bodyText ? fillText(bodyText, "body", variables) : template.name,
    rendered: renderTemplate(template.components, variables, media ? { media: { header: media } } : {}),
  };
}
