/**
 * The workspace's consent keywords (Settings → Consent): the words a customer writes, as a whole
 * message, to opt out of marketing (Workspace.optOutKeywords) or back in (optInKeywords), as
 * applyInboundConsent (./consent.ts) matches them, and the confirmation a customer gets after
 * opting out (./consent-reply.ts), which names the first opt-in keyword.
 *
 * Keywords are stored in the form messages are compared in (keywordForm: upper case, accents and
 * surrounding spaces, punctuation and symbols gone), once each, in the order given. Each list
 * holds 1 to 20 keywords of at most KEYWORD_MAX characters (a longer message is never read as a
 * keyword), and no keyword may be in both lists. Owners and admins (`consent:manage`) change them;
 * each change is kept in the audit log with the lists before and after.
 */
import { z } from "zod";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { Invalid } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record";
import { KEYWORD_MAX, keywordForm } from "./consent";
import { optOutConfirmationText } from "./consent-reply";
import { invalidFromZod } from "./contact-fields";

export const CONSENT_KEYWORD_LIMITS = { perList: 20, length: KEYWORD_MAX } as const;

export interface ConsentSettings {
  optOutKeywords: string[];
  optInKeywords: string[];
  /** The confirmation sent after an opt-out by keyword, as it reads with these keywords. */
  confirmationText: string;
  /** Its language: Indonesian for a workspace in Indonesia, else English. */
  confirmationLanguage: "id" | "en";
  defaultCountry: string;
}

// Each entry is judged in keyword form (normalise), so a refusal names the list and the keyword.
const list = z.array(z.string(), "invalidInput").max(200, "invalidInput");
export const consentKeywordsSchema = z.object({ optOut: list, optIn: list });
export type ConsentKeywordsInput = z.input<typeof consentKeywordsSchema>;

/** One list as stored: each entry in keyword form, blank entries dropped, each keyword once. */
function normalise(field: "optOut" | "optIn", raw: string[]): string[] {
  const keywords: string[] = [];
  for (const entry of raw) {
    if (entry.trim() === "") continue;
    const keyword = keywordForm(entry);
    if (!keyword) throw Invalid("consentKeywordNoLetters", { field, params: { keyword: entry.trim().slice(0, CONSENT_KEYWORD_LIMITS.length) } });
    if (keyword.length > CONSENT_KEYWORD_LIMITS.length) {
      throw Invalid("consentKeywordTooLong", { field, params: { keyword: `${keyword.slice(0, CONSENT_KEYWORD_LIMITS.length)}…`, max: CONSENT_KEYWORD_LIMITS.length } });
    }
    if (!keywords.includes(keyword)) keywords.push(keyword);
  }
  if (keywords.length === 0) throw Invalid("consentKeywordsRequired", { field });
  if (keywords.length > CONSENT_KEYWORD_LIMITS.perList) throw Invalid("consentTooManyKeywords", { field, params: { max: CONSENT_KEYWORD_LIMITS.perList } });
  return keywords;
}

/** The keyword lists exactly as a save of `input` would store them; refuses what a save would refuse. */
export function normaliseConsentKeywords(input: ConsentKeywordsInput): { optOut: string[]; optIn: string[] } {
  const parsed = consentKeywordsSchema.safeParse(input);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  const optOut = normalise("optOut", parsed.data.optOut);
  const optIn = normalise("optIn", parsed.data.optIn);
  const both = optIn.find((k) => optOut.includes(k));
  if (both) throw Invalid("consentKeywordInBothLists", { field: "optIn", params: { keyword: both } });
  return { optOut, optIn };
}

function settingsOf(workspace: { optOutKeywords: string[]; optInKeywords: string[]; defaultCountry: string }): ConsentSettings {
  return {
    optOutKeywords: workspace.optOutKeywords,
    optInKeywords: workspace.optInKeywords,
    confirmationText: optOutConfirmationText(workspace),
    confirmationLanguage: workspace.defaultCountry === "ID" ? "id" : "en",
    defaultCountry: workspace.defaultCountry,
  };
}

const select = { optOutKeywords: true, optInKeywords: true, defaultCountry: true } as const;

export async function getConsentSettings(ctx: WorkspaceContext): Promise<ConsentSettings> {
  authorize(ctx, "contact:view");
  return settingsOf(await tenantDb(ctx).workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select }));
}

export async function updateConsentKeywords(ctx: WorkspaceContext, input: ConsentKeywordsInput): Promise<ConsentSettings> {
  authorize(ctx, "consent:manage");
  const { optOut, optIn } = normaliseConsentKeywords(input);
  return tenantDb(ctx).$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select });
    const after = await tx.workspace.update({ where: { id: ctx.workspaceId }, data: { optOutKeywords: optOut, optInKeywords: optIn }, select });
    await recordAudit(tx, ctx, "consent.keywords_updated", { type: "workspace", id: ctx.workspaceId }, {
      optOut,
      optIn,
      previousOptOut: before.optOutKeywords,
      previousOptIn: before.optInKeywords,
    });
    return settingsOf(after);
  });
}
