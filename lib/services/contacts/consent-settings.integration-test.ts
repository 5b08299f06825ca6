/**
 * The consent keyword lists, as Settings → Consent saves them: stored in the form messages are
 * compared in, each once, bounded, never in both lists; bad input changes nothing; the saved lists
 * are what the webhook's keyword match then uses, and the confirmation names the first opt-in keyword.
 */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import { matchConsentKeyword } from "./consent";
import { getConsentSettings, normaliseConsentKeywords, updateConsentKeywords } from "./consent-settings";

const lists = async (workspaceId: string) => prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { optOutKeywords: true, optInKeywords: true } });

describe("normaliseConsentKeywords", () => {
  it("stores each keyword in keyword form, once, in the order given, blank entries dropped", () => {
    expect(normaliseConsentKeywords({ optOut: [" stop! ", "Stop", "", "berhentí", "keluar.", "  "], optIn: ["mulai", "START"] })).toEqual({
      optOut: ["STOP", "BERHENTI", "KELUAR"],
      optIn: ["MULAI", "START"],
    });
    expect(normaliseConsentKeywords({ optOut: ["no   more"], optIn: ["yes"] })).toEqual({ optOut: ["NO MORE"], optIn: ["YES"] });
  });

  it("refuses an empty list, a keyword in both lists, too many or too long keywords, and one with no letters", () => {
    for (const [input, field, messageKey] of [
      [{ optOut: [], optIn: ["START"] }, "optOut", "consentKeywordsRequired"],
      [{ optOut: ["STOP"], optIn: [" ", ""] }, "optIn", "consentKeywordsRequired"],
      [{ optOut: ["STOP", "Keluar"], optIn: ["keluar!"] }, "optIn", "consentKeywordInBothLists"],
      [{ optOut: Array.from({ length: 21 }, (_, i) => `W${i}`), optIn: ["START"] }, "optOut", "consentTooManyKeywords"],
      [{ optOut: ["STOP"], optIn: ["x".repeat(41)] }, "optIn", "consentKeywordTooLong"],
      [{ optOut: ["!!!"], optIn: ["START"] }, "optOut", "consentKeywordNoLetters"],
    ] as const) {
      let thrown: unknown;
      try {
        normaliseConsentKeywords({ optOut: [...input.optOut], optIn: [...input.optIn] });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: "invalid", field, messageKey });
    }
    // 20 distinct keywords of 40 characters are the bounds, and fit.
    expect(normaliseConsentKeywords({ optOut: Array.from({ length: 20 }, (_, i) => `${"k".repeat(38)}${i.toString().padStart(2, "0")}`), optIn: ["START"] }).optOut).toHaveLength(20);
  });
});

describe("getConsentSettings", () => {
  it("answers the lists and the confirmation as it reads, in the workspace's language", async () => {
    const T = await createTenant("KA");
    expect(await getConsentSettings(T.agent.ctx)).toMatchObject({
      optOutKeywords: ["STOP", "UNSUBSCRIBE", "BERHENTI", "BATAL"],
      optInKeywords: ["START", "SUBSCRIBE", "MULAI"],
      confirmationLanguage: "id",
      confirmationText: "Anda tidak akan menerima pesan promosi dari kami lagi. Balas START untuk berlangganan kembali.",
    });
    await prisma.workspace.update({ where: { id: T.workspace.id }, data: { defaultCountry: "SG" } });
    expect((await getConsentSettings(T.agent.ctx)).confirmationText).toBe("You will no longer receive marketing messages from us. Reply START to subscribe again.");
  });
});

describe("updateConsentKeywords", () => {
  it("saves the normalised lists, audited; the match and the confirmation follow them", async () => {
    const T = await createTenant("KB");
    const saved = await updateConsentKeywords(T.admin.ctx, { optOut: ["stop", "Keluar", "STOP!"], optIn: ["Mulai", "start"] });
    expect(saved).toMatchObject({ optOutKeywords: ["STOP", "KELUAR"], optInKeywords: ["MULAI", "START"] });
    expect(saved.confirmationText).toContain("Balas MULAI");
    const stored = await lists(T.workspace.id);
    expect(stored).toEqual({ optOutKeywords: ["STOP", "KELUAR"], optInKeywords: ["MULAI", "START"] });
    const keywords = { optOut: stored.optOutKeywords, optIn: stored.optInKeywords };
    expect(matchConsentKeyword("keluar", keywords)).toEqual({ kind: "opt_out", keyword: "KELUAR" });
    expect(matchConsentKeyword("Berhenti", keywords)).toBeNull();
    expect(matchConsentKeyword("saya mau keluar", keywords)).toBeNull();
    expect(await prisma.auditLog.findFirst({ where: { workspaceId: T.workspace.id, action: "consent.keywords_updated" }, select: { actorId: true, metadata: true } })).toEqual({
      actorId: T.admin.userId,
      metadata: {
        optOut: ["STOP", "KELUAR"],
        optIn: ["MULAI", "START"],
        previousOptOut: ["STOP", "UNSUBSCRIBE", "BERHENTI", "BATAL"],
        previousOptIn: ["START", "SUBSCRIBE", "MULAI"],
      },
    });
  });

  it("refuses bad input and agents, changing nothing", async () => {
    const T = await createTenant("KC");
    const before = await lists(T.workspace.id);
    expect(await rejection(updateConsentKeywords(T.owner.ctx, { optOut: ["STOP"], optIn: ["stop"] }))).toMatchObject({ code: "invalid", messageKey: "consentKeywordInBothLists", params: { keyword: "STOP" } });
    expect((await rejection(updateConsentKeywords(T.owner.ctx, { optOut: [], optIn: ["START"] }))).field).toBe("optOut");
    expect((await rejection(updateConsentKeywords(T.owner.ctx, { optOut: "STOP" as never, optIn: ["START"] }))).code).toBe("invalid");
    expect((await rejection(updateConsentKeywords(T.agent.ctx, { optOut: ["KELUAR"], optIn: ["START"] }))).code).toBe("forbidden");
    expect(await lists(T.workspace.id)).toEqual(before);
    expect(await prisma.auditLog.count({ where: { workspaceId: T.workspace.id, action: "consent.keywords_updated" } })).toBe(0);
  });
});
