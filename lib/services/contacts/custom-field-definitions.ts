/**
 * The workspace's custom-field definitions (Settings → Contact fields): what
 * readCustomFieldValues (./custom-field-values.ts) checks every contact value against, for forms,
 * the API and CSV imports. Everyone may list them; owners and admins (`contact:fields`) manage them.
 *
 * - **Key**: derived from the label as lower-case snake case (./custom-field-key.ts), made unique
 *   with `_2`, `_3`… when taken, or given explicitly (then a taken key is refused). Set at creation
 *   only: stored values, import mappings (`custom:<key>`) and saved filters name the key.
 * - **Label** may change at any time. **Options** (a select's choices) may change, but a choice
 *   some contacts hold cannot be removed (it would leave values no edit could keep): the refusal
 *   says how many hold it.
 * - **Type** may change only while no contact has a value for the field. Values are stored in
 *   their type's form (a number as a JSON number, a date as `YYYY-MM-DD`, a boolean as true/false),
 *   so an existing value would stop meaning what it says; clear them, or create a new field.
 * - **Delete** removes the definition and, in the same transaction, the field's value from every
 *   contact of the workspace (one set-based UPDATE): a value without a definition is invisible and
 *   refused on the contact's next edit, and a later field reusing the key would inherit it.
 * Each change is kept in the audit log.
 */
import { z } from "zod";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { qualifiedTable } from "@/lib/db/pool";
import { tenantDb, type TenantTx } from "@/lib/db/tenant";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import type { CustomFieldType } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/services/audit/record";
import { SQL_NOW_UTC } from "@/lib/services/webhooks/sql";
import { invalidFromZod } from "./contact-fields";
import { CUSTOM_FIELD_KEY_PATTERN, customFieldKeyFromLabel, uniqueCustomFieldKey } from "./custom-field-key";

export const CUSTOM_FIELD_TYPES = ["text", "number", "date", "boolean", "select"] as const satisfies readonly CustomFieldType[];
export const CUSTOM_FIELD_LIMITS = { fields: 100, label: 100, options: 50, option: 100 } as const;

export interface CustomFieldRow {
  id: string;
  key: string;
  label: string;
  type: CustomFieldType;
  /** A select's choices, in order; [] for other types. */
  options: string[];
  createdAt: Date;
  /** How many contacts of the workspace have a value for it. */
  valueCount: number;
}

const label = z.string().trim().min(1, "customFieldLabelRequired").max(CUSTOM_FIELD_LIMITS.label, "customFieldLabelTooLong");
const type = z.enum(CUSTOM_FIELD_TYPES, "customFieldTypeInvalid");
// Each choice is judged after trimming (readOptions), so a refusal names the options field itself.
const options = z.array(z.string(), "invalidInput").max(500, "invalidInput");
const id = z.string().trim().min(1).max(64);

export const createCustomFieldSchema = z.object({
  label,
  /** Empty or absent: derived from the label (and made unique). */
  key: z
    .string()
    .trim()
    .refine((k) => k === "" || CUSTOM_FIELD_KEY_PATTERN.test(k), "customFieldKeyFormat")
    .optional(),
  type,
  options: options.optional(),
});
export type CreateCustomFieldInput = z.input<typeof createCustomFieldSchema>;

export const updateCustomFieldSchema = z.object({ id, label, type: type.optional(), options: options.optional() });
export type UpdateCustomFieldInput = z.input<typeof updateCustomFieldSchema>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  return parsed.data;
}

/** A select's choices trimmed, empty lines dropped; refused when none, too many, too long or the same twice. */
function readOptions(fieldType: CustomFieldType, raw: string[] | undefined): string[] {
  const choices = (raw ?? []).map((o) => o.trim()).filter((o) => o !== "");
  if (fieldType !== "select") {
    if (choices.length > 0) throw Invalid("customFieldOptionsOnlyForSelect", { field: "options" });
    return [];
  }
  if (choices.length === 0) throw Invalid("customFieldOptionsRequired", { field: "options" });
  if (choices.length > CUSTOM_FIELD_LIMITS.options) throw Invalid("customFieldTooManyOptions", { field: "options", params: { max: CUSTOM_FIELD_LIMITS.options } });
  const long = choices.find((o) => o.length > CUSTOM_FIELD_LIMITS.option);
  if (long) throw Invalid("customFieldOptionTooLong", { field: "options", params: { max: CUSTOM_FIELD_LIMITS.option } });
  // A value is matched to its choice ignoring case (custom-field-values.ts): "Gold" and "gold" would be one.
  const seen = new Set<string>();
  for (const choice of choices) {
    const folded = choice.toLowerCase();
    if (seen.has(folded)) throw Invalid("customFieldOptionDuplicate", { field: "options", params: { option: choice } });
    seen.add(folded);
  }
  return choices;
}

const storedOptions = (choices: string[]) => (choices.length > 0 ? choices : Prisma.DbNull);
const asChoices = (value: unknown): string[] => (Array.isArray(value) ? value.filter((o): o is string => typeof o === "string") : []);
const contactTable = () => Prisma.raw(qualifiedTable("Contact"));

/** Contacts of the workspace holding a value for each key (one pass over the workspace's contacts). */
async function valueCounts(db: Pick<TenantTx, "$queryRaw">, workspaceId: string, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db.$queryRaw<{ key: string; count: number }[]>`
    SELECT k AS key, count(*)::int AS count
      FROM ${contactTable()} c, jsonb_object_keys(CASE WHEN jsonb_typeof(c."customFields") = 'object' THEN c."customFields" ELSE '{}'::jsonb END) AS k
     WHERE c."workspaceId" = ${workspaceId} AND k = ANY(${keys}::text[])
     GROUP BY k`;
  return new Map(rows.map((r) => [r.key, r.count]));
}

/** How many contacts hold each value of `key` (a select's choices in use). */
async function heldValues(tx: TenantTx, workspaceId: string, key: string): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<{ value: string | null; count: number }[]>`
    SELECT c."customFields"->>${key} AS value, count(*)::int AS count
      FROM ${contactTable()} c
     WHERE c."workspaceId" = ${workspaceId} AND c."customFields" ? ${key}
     GROUP BY 1`;
  return new Map(rows.filter((r) => r.value !== null).map((r) => [r.value!, r.count]));
}

const select = { id: true, key: true, label: true, type: true, options: true, createdAt: true } as const;
type Definition = { id: string; key: string; label: string; type: CustomFieldType; options: Prisma.JsonValue; createdAt: Date };
const toRow = (d: Definition, valueCount: number): CustomFieldRow => ({ id: d.id, key: d.key, label: d.label, type: d.type, options: asChoices(d.options), createdAt: d.createdAt, valueCount });

/** Every definition of the workspace, oldest first (the order forms show them in), with its value count. */
export async function listCustomFields(ctx: WorkspaceContext): Promise<CustomFieldRow[]> {
  authorize(ctx, "contact:view");
  const db = tenantDb(ctx);
  const definitions = await db.customField.findMany({ where: { workspaceId: ctx.workspaceId }, orderBy: [{ createdAt: "asc" }, { key: "asc" }], select });
  const counts = await valueCounts(db, ctx.workspaceId, definitions.map((d) => d.key));
  return definitions.map((d) => toRow(d, counts.get(d.key) ?? 0));
}

export async function createCustomField(ctx: WorkspaceContext, input: CreateCustomFieldInput): Promise<CustomFieldRow> {
  authorize(ctx, "contact:fields");
  const data = parse(createCustomFieldSchema, input);
  const choices = readOptions(data.type, data.options);
  const explicit = data.key ? data.key : null;
  const db = tenantDb(ctx);

  // A derived key that is taken moves on to the next suffix; two creates racing for it retry once.
  for (let attempt = 0; ; attempt++) {
    const existing = await db.customField.findMany({ where: { workspaceId: ctx.workspaceId }, select: { key: true } });
    if (existing.length >= CUSTOM_FIELD_LIMITS.fields) throw Conflict("customFieldTooMany", { params: { max: CUSTOM_FIELD_LIMITS.fields } });
    const taken = new Set(existing.map((e) => e.key));
    if (explicit && taken.has(explicit)) throw Conflict("customFieldKeyTaken", { field: "key", params: { key: explicit } });
    const key = explicit ?? uniqueCustomFieldKey(customFieldKeyFromLabel(data.label), taken);
    try {
      return await db.$transaction(async (tx) => {
        const created = await tx.customField.create({
          data: { workspaceId: ctx.workspaceId, key, label: data.label, type: data.type, options: storedOptions(choices) },
          select,
        });
        await recordAudit(tx, ctx, "custom_field.created", { type: "custom_field", id: created.id }, { key, label: data.label, type: data.type });
        return toRow(created, 0);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (explicit || attempt > 0) throw Conflict("customFieldKeyTaken", { field: "key", params: { key } });
    }
  }
}

/** Changes the label, a select's options, and (while no contact has a value) the type; never the key. */
export async function updateCustomField(ctx: WorkspaceContext, input: UpdateCustomFieldInput): Promise<CustomFieldRow> {
  authorize(ctx, "contact:fields");
  const data = parse(updateCustomFieldSchema, input);
  return tenantDb(ctx).$transaction(async (tx) => {
    // Locked: two edits of one field apply one after the other, each against what the other left.
    const [current] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM ${Prisma.raw(qualifiedTable("CustomField"))} WHERE id = ${data.id} AND "workspaceId" = ${ctx.workspaceId} FOR UPDATE`;
    const definition = current ? await tx.customField.findFirst({ where: { id: current.id, workspaceId: ctx.workspaceId }, select }) : null;
    if (!definition) throw NotFound("customFieldNotFound");

    const nextType = data.type ?? definition.type;
    const valueCount = (await valueCounts(tx, ctx.workspaceId, [definition.key])).get(definition.key) ?? 0;
    if (nextType !== definition.type && valueCount > 0) throw Conflict("customFieldTypeInUse", { field: "type", params: { count: valueCount } });

    // Options not sent: a select keeps its choices.
    const choices = readOptions(nextType, data.options ?? (nextType === definition.type ? asChoices(definition.options) : []));
    if (nextType === "select" && definition.type === "select" && valueCount > 0) {
      const kept = new Set(choices);
      for (const [value, count] of await heldValues(tx, ctx.workspaceId, definition.key)) {
        if (!kept.has(value)) throw Conflict("customFieldOptionInUse", { field: "options", params: { option: value, count } });
      }
    }

    const updated = await tx.customField.update({
      where: { id: definition.id, workspaceId: ctx.workspaceId },
      data: { label: data.label, type: nextType, options: storedOptions(choices) },
      select,
    });
    await recordAudit(tx, ctx, "custom_field.updated", { type: "custom_field", id: definition.id }, {
      key: definition.key,
      label: data.label,
      type: nextType,
      ...(nextType !== definition.type ? { previousType: definition.type } : {}),
    });
    return toRow(updated, valueCount);
  });
}

/** Deletes the definition and its value on every contact of the workspace; answers how many lost one. */
export async function deleteCustomField(ctx: WorkspaceContext, fieldId: string): Promise<{ key: string; removedValues: number }> {
  authorize(ctx, "contact:fields");
  const fieldIdParsed = parse(id, fieldId);
  return tenantDb(ctx).$transaction(async (tx) => {
    const deleted = await tx.customField.findFirst({ where: { id: fieldIdParsed, workspaceId: ctx.workspaceId }, select: { id: true, key: true } });
    if (!deleted) throw NotFound("customFieldNotFound");
    const { count } = await tx.customField.deleteMany({ where: { id: deleted.id, workspaceId: ctx.workspaceId } });
    // Deleted meanwhile by someone else, who removed the values: nothing left to do here.
    if (count === 0) throw NotFound("customFieldNotFound");
    const removedValues = await tx.$executeRaw`
      UPDATE ${contactTable()} SET "customFields" = "customFields" - ${deleted.key}::text, "updatedAt" = ${SQL_NOW_UTC}
       WHERE "workspaceId" = ${ctx.workspaceId} AND "customFields" ? ${deleted.key}`;
    await recordAudit(tx, ctx, "custom_field.deleted", { type: "custom_field", id: deleted.id }, { key: deleted.key, removedValues });
    return { key: deleted.key, removedValues };
  });
}
