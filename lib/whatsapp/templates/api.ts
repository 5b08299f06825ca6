/** The WABA's message templates: list (every page), get one, create, edit, delete. */
import { z } from "zod";
import type { CallOptions } from "../call-options";
import { createTemplateResponseSchema, successSchema, templateNodeSchema, templatePageSchema, type TemplateNode } from "../responses";
import { graphPath, type GraphTransport } from "../transport";
import { validateRequest } from "../validate";
import {
  templateCategorySchema,
  templateDefinitionComponentSchema,
  templateDefinitionSchema,
  templateLanguageSchema,
  templateNameSchema,
  type TemplateCategory,
  type TemplateDefinition,
  type TemplateDefinitionComponent,
} from "./definition";

export type TemplateStatus = "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED" | "IN_APPEAL" | "LIMIT_EXCEEDED" | (string & {});

export interface MessageTemplate {
  id: string;
  name: string;
  language: string;
  status: TemplateStatus;
  category: string;
  /** Meta's component objects as returned (HEADER / BODY / FOOTER / BUTTONS with examples). */
  components: Array<{ type: string } & Record<string, unknown>>;
  parameterFormat: string | null;
  rejectedReason: string | null;
  qualityScore: string | null;
}

export interface ListTemplatesOptions extends CallOptions {
  name?: string;
  status?: TemplateStatus;
  category?: string;
  language?: string;
  /** Templates per page (Meta allows up to 100 here). */
  pageSize?: number;
  /** Stop after this many pages (a guard against a server that never stops paging). */
  maxPages?: number;
}

const FIELDS = "id,name,language,status,category,components,parameter_format,rejected_reason,quality_score";

const listOptionsSchema = z.object({
  name: z.string().min(1).max(512).optional(),
  status: z
    .string()
    .regex(/^[A-Z_]+$/)
    .optional(),
  category: z
    .string()
    .regex(/^[A-Z_]+$/)
    .optional(),
  language: templateLanguageSchema.optional(),
  pageSize: z.number().int().min(1).max(100).default(100),
  maxPages: z.number().int().min(1).max(1000).default(100),
});

export async function listTemplates(
  transport: GraphTransport,
  wabaId: string,
  options: ListTemplatesOptions = {},
): Promise<MessageTemplate[]> {
  const input = validateRequest("list templates", listOptionsSchema, {
    name: options.name,
    status: options.status,
    category: options.category,
    language: options.language,
    pageSize: options.pageSize,
    maxPages: options.maxPages,
  });
  const templates: MessageTemplate[] = [];
  const seenCursors = new Set<string>();
  let after: string | undefined;
  for (let page = 0; page < input.maxPages; page++) {
    const response = await transport.call({
      operation: "GET /message_templates",
      method: "GET",
      path: graphPath(wabaId, "message_templates"),
      query: {
        fields: FIELDS,
        limit: input.pageSize,
        after,
        name: input.name,
        status: input.status,
        category: input.category,
        language: input.language,
      },
      schema: templatePageSchema,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    });
    templates.push(...response.data.map(toTemplate));
    // Graph leaves `next` out on the last page; the `after` cursor alone is not enough to go on.
    const next = response.paging?.next ? response.paging.cursors?.after : undefined;
    if (!next || seenCursors.has(next) || response.data.length === 0) break;
    seenCursors.add(next);
    after = next;
  }
  return templates;
}

function toTemplate(node: TemplateNode): MessageTemplate {
  return {
    id: node.id,
    name: node.name,
    language: node.language,
    status: node.status,
    category: node.category,
    components: node.components,
    parameterFormat: node.parameter_format ?? null,
    rejectedReason: node.rejected_reason ?? null,
    qualityScore: node.quality_score?.score ?? null,
  };
}

export interface CreatedTemplate {
  id: string;
  /** Usually PENDING (review), sometimes APPROVED at once. */
  status: TemplateStatus;
  category: string | null;
}

export async function createTemplate(
  transport: GraphTransport,
  wabaId: string,
  definition: TemplateDefinition,
  options: CallOptions = {},
): Promise<CreatedTemplate> {
  const body = validateRequest("create template", templateDefinitionSchema, definition);
  const response = await transport.call({
    operation: "POST /message_templates",
    method: "POST",
    path: graphPath(wabaId, "message_templates"),
    json: body,
    schema: createTemplateResponseSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return { id: response.id, status: response.status, category: response.category ?? null };
}

export interface DeleteTemplateInput {
  name: string;
  /** The template id: deletes only that language's template; without it every language of `name` goes. */
  hsmId?: string;
}

const deleteSchema = z.strictObject({ name: templateNameSchema, hsmId: z.string().regex(/^\d+$/, "expected a template id").optional() });

export async function deleteTemplate(
  transport: GraphTransport,
  wabaId: string,
  input: DeleteTemplateInput,
  options: CallOptions = {},
): Promise<void> {
  const { name, hsmId } = validateRequest("delete template", deleteSchema, input);
  await transport.call({
    operation: "DELETE /message_templates",
    method: "DELETE",
    path: graphPath(wabaId, "message_templates"),
    query: { name, hsm_id: hsmId },
    schema: successSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
}

const templateIdSchema = z.string().regex(/^\d{1,30}$/, "expected a template id");

/** GET /{template-id}: one template as Meta holds it now. */
export async function getTemplate(transport: GraphTransport, templateId: string, options: CallOptions = {}): Promise<MessageTemplate> {
  const id = validateRequest("get template", templateIdSchema, templateId);
  const node = await transport.call({
    operation: "GET /{template-id}",
    method: "GET",
    path: graphPath(id),
    query: { fields: FIELDS },
    schema: templateNodeSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return toTemplate(node);
}

export interface EditTemplateInput {
  /** Meta refuses a category change on an approved template. */
  category?: TemplateCategory;
  /** The whole component array (Meta replaces it; there is no partial edit). */
  components?: TemplateDefinitionComponent[];
}

const editSchema = z
  .strictObject({
    category: templateCategorySchema.optional(),
    components: z.array(templateDefinitionComponentSchema).min(1).optional(),
  })
  .refine((edit) => edit.category !== undefined || edit.components !== undefined, "nothing to edit: give a category or components");

/** POST /{template-id}: edits an approved, rejected or paused template; it goes back to review. */
export async function editTemplate(
  transport: GraphTransport,
  templateId: string,
  edit: EditTemplateInput,
  options: CallOptions = {},
): Promise<void> {
  const id = validateRequest("edit template", templateIdSchema, templateId);
  const body = validateRequest("edit template", editSchema, edit);
  await transport.call({
    operation: "POST /{template-id}",
    method: "POST",
    path: graphPath(id),
    json: body,
    schema: successSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
}
