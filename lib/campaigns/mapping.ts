/**
 * Where each template variable of a campaign gets its value for one recipient: a contact field, a
 * custom field, fixed text, a tracked link (clicks are counted through /r/<token>), or, for a media
 * header, one attachment or https link for everyone. Contact values that are empty take the
 * mapping's fallback, so no recipient gets a blank. Keys are the template's variable keys
 * (lib/services/inbox/template-variables.ts: "body.1", "header.1", "header.media", "button.0").
 */
import { z } from "zod";

export const CONTACT_FIELDS = ["name", "firstName", "profileName", "phone", "email"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

const fallback = z.string().trim().min(1, "campaignFallbackRequired").max(1000, "campaignValueTooLong");

export const variableSourceSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("field"), field: z.enum(CONTACT_FIELDS), fallback }),
  z.object({ source: z.literal("custom"), key: z.string().regex(/^[a-z0-9_]{1,64}$/), fallback }),
  z.object({ source: z.literal("text"), value: z.string().trim().min(1, "campaignValueRequired").max(1000, "campaignValueTooLong") }),
  /** A link whose clicks are counted: the recipient gets Parley's redirect (/r/<token>), which leads on to `url`. */
  z.object({ source: z.literal("link"), url: z.string().trim().url("campaignLinkInvalid").max(2000).regex(/^https?:\/\//i, "campaignLinkInvalid") }),
  /** The media header, the same for everyone: an uploaded attachment's id, or an https link. */
  z.object({ source: z.literal("media"), ref: z.string().trim().min(1, "campaignValueRequired").max(2000) }),
]);
export type VariableSource = z.infer<typeof variableSourceSchema>;

export const variableMappingSchema = z.record(z.string().regex(/^(header|body|button)\.[A-Za-z0-9_]{1,64}$/), variableSourceSchema);
export type VariableMapping = z.infer<typeof variableMappingSchema>;

export function storedMapping(value: unknown): VariableMapping {
  const parsed = variableMappingSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** What the resolver reads of a contact. */
export interface MappingContact {
  name: string | null;
  profileName: string | null;
  phone: string | null;
  email: string | null;
  customFields: unknown;
}

export interface ResolveOptions {
  /** The recipient's click token stem (its id); absent in previews, which show the destination itself. */
  clickToken?: string;
  /** APP_URL, for the tracked redirect. */
  appUrl?: string;
}

function fieldValue(contact: MappingContact, field: ContactField): string {
  switch (field) {
    case "firstName":
      return (contact.name ?? contact.profileName ?? "").trim().split(/\s+/)[0] ?? "";
    case "name":
      return contact.name ?? contact.profileName ?? "";
    default:
      return contact[field] ?? "";
  }
}

function customValue(contact: MappingContact, key: string): string {
  const fields = typeof contact.customFields === "object" && contact.customFields !== null ? (contact.customFields as Record<string, unknown>) : {};
  const value = fields[key];
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

/** The tracked redirect's token for one link variable of one recipient: "<recipientId>.<key>". */
export function clickToken(recipientId: string, key: string): string {
  return `${recipientId}.${key}`;
}

export function parseClickToken(token: string): { recipientId: string; key: string } | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.((?:header|body|button)\.[A-Za-z0-9_]{1,64})$/.exec(token);
  return match ? { recipientId: match[1]!, key: match[2]! } : null;
}

/**
 * Every mapped variable's value for one contact. A URL button's variable is only the address's
 * end (the template holds the rest), so a tracked link there is the bare token: it works when the
 * button's address is `<APP_URL>/r/{{1}}`.
 */
export function resolveVariables(mapping: VariableMapping, contact: MappingContact, options: ResolveOptions = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, source] of Object.entries(mapping)) {
    switch (source.source) {
      case "field":
        values[key] = fieldValue(contact, source.field).trim() || source.fallback;
        break;
      case "custom":
        values[key] = customValue(contact, source.key).trim() || source.fallback;
        break;
      case "text":
        values[key] = source.value;
        break;
      case "media":
        values[key] = source.ref;
        break;
      case "link": {
        if (!options.clickToken || !options.appUrl) {
          values[key] = source.url;
          break;
        }
        const token = clickToken(options.clickToken, key);
        values[key] = key.startsWith("button.") ? token : `${options.appUrl}/r/${token}`;
        break;
      }
    }
  }
  return values;
}
