/**
 * Message templates of each WABA: creation checked like Meta checks it, listing, deletion, and
 * status changes (the review itself is scheduled by template-routes.ts).
 */
import { errors, GraphError } from "./graph-errors";
import { isObject, type JsonObject } from "./http";
import { numericId } from "./ids";
import { validateComponents } from "./template-validation";
import type { EmulatorTemplateSeed, TemplateQualityScore, TemplateRecord, TemplateStatus } from "./types";

export const TEMPLATE_CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;
type Category = (typeof TEMPLATE_CATEGORIES)[number];

export const DEFAULT_TEMPLATES: Omit<EmulatorTemplateSeed, "wabaId">[] = [
  {
    name: "hello_world",
    language: "en_US",
    category: "UTILITY",
    components: [
      { type: "HEADER", format: "TEXT", text: "Hello World" },
      {
        type: "BODY",
        text: "Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.",
      },
      { type: "FOOTER", text: "WhatsApp Business Platform sample message" },
    ],
  },
  {
    name: "order_shipped",
    language: "en_US",
    category: "UTILITY",
    components: [
      { type: "BODY", text: "Hi {{1}}, your order {{2}} is on its way.", example: { body_text: [["Sheena", "#1042"]] } },
      {
        type: "BUTTONS",
        buttons: [
          { type: "QUICK_REPLY", text: "Track it" },
          { type: "QUICK_REPLY", text: "Stop updates" },
        ],
      },
    ],
  },
];

/** Positional ({{1}}) or named ({{first_name}}) variables of a text, in order of first appearance. */
export function templateVariables(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) if (!names.includes(match[1]!)) names.push(match[1]!);
  return names;
}

export function componentOf(template: TemplateRecord, type: string): JsonObject | undefined {
  return template.components.find(
    (component): component is JsonObject => isObject(component) && String(component.type).toUpperCase() === type,
  );
}

const DAY_MS = 24 * 3600 * 1000;

export class Templates {
  private readonly records: TemplateRecord[] = [];
  private seedIndex = 0;

  constructor(
    private readonly now: () => number = Date.now,
    /** The MIME type of an uploaded sample, by file handle (media headers must name one). */
    private readonly sampleType: (handle: string) => string | undefined = () => undefined,
  ) {}

  seed(seed: EmulatorTemplateSeed & { wabaId: string }): TemplateRecord {
    this.seedIndex += 1;
    const body = {
      name: seed.name,
      language: seed.language,
      category: seed.category,
      components: seed.components,
      parameter_format: seed.parameterFormat,
    };
    let record: TemplateRecord;
    try {
      record = this.build(seed.wabaId, body, `30000000000${String(this.seedIndex).padStart(4, "0")}`, false);
    } catch (error) {
      const detail = error instanceof GraphError ? (error.body.error.error_user_msg ?? error.message) : String(error);
      throw new Error(`whatsapp emulator: seed template ${seed.name}/${seed.language} is invalid: ${detail}`);
    }
    record.status = seed.status ?? "APPROVED";
    this.records.push(record);
    return record;
  }

  /** Validates a creation request like Meta does, stores it as PENDING. */
  create(wabaId: string, body: unknown): TemplateRecord {
    if (!isObject(body)) throw errors.missingParameter("name");
    const record = this.build(wabaId, body, numericId(15));
    if (
      this.records.some((existing) => existing.wabaId === wabaId && existing.name === record.name && existing.language === record.language)
    ) {
      throw errors.templateExists(record.language);
    }
    this.records.push(record);
    return record;
  }

  /** `strict`: Meta's review rules as well as the shape (false for seeds, see ValidationContext). */
  private build(wabaId: string, body: JsonObject, id: string, strict = true): TemplateRecord {
    const { name, language, category, components } = body;
    if (name === undefined) throw errors.missingParameter("name");
    if (language === undefined) throw errors.missingParameter("language");
    if (category === undefined) throw errors.missingParameter("category");
    if (components === undefined) throw errors.missingParameter("components");
    if (typeof name !== "string" || !/^[a-z0-9_]+$/.test(name))
      throw errors.templateInvalid(
        "Name Format is Incorrect",
        "The message template name can only have lowercase letters and underscores.",
        2388046,
      );
    if (name.length > 512)
      throw errors.templateInvalid("Character limit exceeded", "The template name can be at most 512 characters.", 2388040);
    if (typeof language !== "string" || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(language)) {
      throw errors.templateInvalid(
        "Invalid language",
        `The language '${String(language)}' is not a supported template language code (for example en_US, id, pt_BR).`,
      );
    }
    const upperCategory = typeof category === "string" ? category.toUpperCase() : "";
    if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(upperCategory)) {
      throw errors.templateInvalid("Invalid category", `Param category must be one of {${TEMPLATE_CATEGORIES.join(", ")}}.`);
    }
    const parameterFormat = body.parameter_format === undefined ? "POSITIONAL" : String(body.parameter_format).toUpperCase();
    if (parameterFormat !== "POSITIONAL" && parameterFormat !== "NAMED") {
      throw errors.templateInvalid("Invalid parameter format", "Param parameter_format must be one of {POSITIONAL, NAMED}.");
    }
    const normalized = validateComponents(components, {
      category: upperCategory as Category,
      parameterFormat,
      sampleType: this.sampleType,
      strict,
    });
    return {
      id,
      wabaId,
      name,
      language,
      category: upperCategory as Category,
      status: "PENDING",
      components: normalized,
      parameterFormat,
      qualityScore: { score: "UNKNOWN", date: Math.floor(this.now() / 1000) },
      approvedEdits: [],
    };
  }

  /**
   * POST /{template-id}: Meta's edit rules. Only APPROVED, REJECTED and PAUSED templates are
   * editable; an APPROVED one keeps its category and may be edited once a day and 10 times in 30
   * days. The edit is checked like a creation (components replace the old ones whole) and sends the
   * template back to review (PENDING).
   */
  edit(record: TemplateRecord, body: unknown): void {
    if (!isObject(body)) throw errors.missingParameter("components");
    if (!["APPROVED", "REJECTED", "PAUSED"].includes(record.status))
      throw errors.templateNotEditable(
        `The status for this message template can't be changed. You can only delete or add templates. (A ${record.status} template can't be edited; only APPROVED, REJECTED or PAUSED ones can.)`,
      );
    if (body.components === undefined && body.category === undefined && body.message_send_ttl_seconds === undefined)
      throw errors.missingParameter("components");
    const category = body.category === undefined ? record.category : String(body.category).toUpperCase();
    if (record.status === "APPROVED" && category !== record.category)
      throw errors.templateInvalid(
        "Category can't be changed",
        `The category of an approved template can't be changed (it is ${record.category}). Create a new template instead.`,
      );
    const now = this.now();
    if (record.status === "APPROVED") {
      const recent = record.approvedEdits.filter((at) => now - at < 30 * DAY_MS);
      if (recent.some((at) => now - at < DAY_MS))
        throw errors.templateNotEditable("An approved template can be edited once in 24 hours. Try again later.");
      if (recent.length >= 10) throw errors.templateNotEditable("An approved template can be edited 10 times in 30 days. Try again later.");
    }
    const updated = this.build(
      record.wabaId,
      {
        name: record.name,
        language: record.language,
        category,
        components: body.components ?? record.components,
        parameter_format: body.parameter_format ?? record.parameterFormat,
      },
      record.id,
    );
    if (record.status === "APPROVED") record.approvedEdits.push(now);
    record.category = updated.category;
    record.components = updated.components;
    record.parameterFormat = updated.parameterFormat;
    record.status = "PENDING";
    record.rejectedReason = undefined;
  }

  find(wabaId: string, name: string, language: string): TemplateRecord | undefined {
    return this.records.find((record) => record.wabaId === wabaId && record.name === name && record.language === language);
  }

  byId(id: string): TemplateRecord | undefined {
    return this.records.find((record) => record.id === id);
  }

  list(wabaId: string): TemplateRecord[] {
    return this.records.filter((record) => record.wabaId === wabaId);
  }

  /** Deletes every language of `name`, or only the one with `hsmId`; the deleted records. */
  delete(wabaId: string, name: string, hsmId?: string): TemplateRecord[] {
    const doomed = this.records.filter((record) => record.wabaId === wabaId && record.name === name && (!hsmId || record.id === hsmId));
    for (const record of doomed) this.records.splice(this.records.indexOf(record), 1);
    return doomed;
  }

  setStatus(record: TemplateRecord, status: TemplateStatus, reason?: string): void {
    record.status = status;
    record.rejectedReason = status === "REJECTED" ? (reason ?? "INVALID_FORMAT") : undefined;
  }

  setQuality(record: TemplateRecord, score: TemplateQualityScore): TemplateQualityScore {
    const previous = record.qualityScore.score;
    record.qualityScore = { score, date: Math.floor(this.now() / 1000) };
    return previous;
  }

  all(): TemplateRecord[] {
    return [...this.records];
  }

  clear(): void {
    this.records.length = 0;
    this.seedIndex = 0;
  }
}

/** Fields a template node has beyond the default ones, given only when `fields=` asks for them. */
export const TEMPLATE_EXTRA_FIELDS = ["quality_score", "rejected_reason", "previous_category"] as const;

/** The template as GET message_templates lists it (and GET /{template-id} answers). */
export function templateNode(record: TemplateRecord, fields?: string[]): Record<string, unknown> {
  const node: Record<string, unknown> = {
    name: record.name,
    parameter_format: record.parameterFormat,
    components: record.components,
    language: record.language,
    status: record.status,
    category: record.category,
    id: record.id,
    ...(record.rejectedReason ? { rejected_reason: record.rejectedReason } : {}),
  };
  if (!fields) return node;
  const extra: Record<string, unknown> = {
    quality_score: record.qualityScore,
    rejected_reason: record.rejectedReason ?? "NONE",
    previous_category: record.previousCategory,
  };
  const selected: Record<string, unknown> = {};
  for (const field of fields) {
    const value = field in node ? node[field] : extra[field];
    if (value !== undefined) selected[field] = value;
  }
  selected.id = record.id;
  return selected;
}
