/**
 * GET / POST / DELETE /{v}/{waba-id}/message_templates (cursor paging), and the template node:
 * GET and POST (edit) /{v}/{template-id}, in Meta's shapes.
 */
import type { Emulator } from "./emulator";
import { errors } from "./graph-errors";
import { parseFields } from "./phone-numbers";
import { TEMPLATE_EXTRA_FIELDS, templateNode } from "./templates";
import type { TemplateRecord } from "./types";

function cursor(index: number): string {
  return Buffer.from(`emulator:${index}`).toString("base64url");
}

function fromCursor(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^emulator:(\d+)$/.exec(Buffer.from(value, "base64url").toString("utf8"));
  return match ? Number(match[1]) : undefined;
}

export function listTemplates(emulator: Emulator, wabaId: string, url: URL): Record<string, unknown> {
  const query = url.searchParams;
  const name = query.get("name");
  const status = query.get("status")?.toUpperCase();
  const category = query.get("category")?.toUpperCase();
  const language = query.get("language");
  const matching = emulator.templates
    .list(wabaId)
    .filter(
      (template) =>
        (!name || template.name.includes(name)) &&
        (!status || template.status === status) &&
        (!category || template.category === category) &&
        (!language || template.language === language),
    );

  const limitParam = Number(query.get("limit") ?? 25);
  const limit = Number.isInteger(limitParam) && limitParam > 0 ? Math.min(limitParam, 1000) : 25;
  const after = fromCursor(query.get("after"));
  const before = fromCursor(query.get("before"));
  let start = after !== undefined ? after + 1 : 0;
  if (before !== undefined && after === undefined) start = Math.max(0, before - limit);
  const end = before !== undefined && after === undefined ? before : start + limit;
  const page = matching.slice(start, Math.min(end, matching.length));

  const fields = parseFields(query.get("fields"));
  const data = page.map((template) => templateNode(template, fields));
  const paging: Record<string, unknown> = {};
  if (page.length > 0) {
    paging.cursors = { before: cursor(start), after: cursor(start + page.length - 1) };
    const base = new URL(url.pathname, emulator.baseUrl);
    for (const [key, value] of query) if (key !== "after" && key !== "before" && key !== "access_token") base.searchParams.set(key, value);
    if (start + page.length < matching.length) {
      const next = new URL(base);
      next.searchParams.set("after", cursor(start + page.length - 1));
      paging.next = next.toString();
    }
    if (start > 0) {
      const previous = new URL(base);
      previous.searchParams.set("before", cursor(start));
      paging.previous = previous.toString();
    }
  } else {
    paging.cursors = {};
  }
  return { data, paging };
}

export function createTemplate(emulator: Emulator, wabaId: string, body: unknown): Record<string, unknown> {
  const template = emulator.templates.create(wabaId, body);
  emulator.log(`template ${template.name}/${template.language} created (PENDING)`);
  emulator.scheduleReview(template);
  return { id: template.id, status: template.status, category: template.category };
}

export function deleteTemplate(emulator: Emulator, wabaId: string, url: URL): Record<string, unknown> {
  const name = url.searchParams.get("name");
  if (!name) throw errors.missingParameter("name");
  const deleted = emulator.templates.delete(wabaId, name, url.searchParams.get("hsm_id") ?? undefined);
  if (deleted.length === 0) throw errors.templateNotFound(name);
  return { success: true };
}

/** GET /{template-id}[?fields=…]. */
export function getTemplate(template: TemplateRecord, url: URL): Record<string, unknown> {
  const fields = parseFields(url.searchParams.get("fields"));
  // Meta has a few more fields the emulator does not keep; asking for them is not an error, they are just absent.
  const known = [
    ...["name", "parameter_format", "components", "language", "status", "category", "id", ...TEMPLATE_EXTRA_FIELDS],
    ...["sub_category", "message_send_ttl_seconds", "cta_url_link_tracking_opted_out", "correct_category"],
  ];
  const unknown = fields?.find((field) => !known.includes(field));
  if (unknown) throw errors.nonexistingField(unknown, "WhatsAppMessageTemplate");
  return templateNode(template, fields);
}

/** POST /{template-id} {components?, category?}: Meta's edit, then a new review. */
export function editTemplate(emulator: Emulator, template: TemplateRecord, body: unknown): Record<string, unknown> {
  emulator.templates.edit(template, body);
  emulator.log(`template ${template.name}/${template.language} edited (PENDING)`);
  emulator.scheduleReview(template);
  return { success: true };
}
