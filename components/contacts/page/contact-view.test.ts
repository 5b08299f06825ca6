/**
 * The contact page's client view renders each section, in English and Indonesian, from a
 * ContactDetail as getContact answers it (every ICU message formats: consent source, status,
 * referral heading, contact-field values by type).
 */
import { createElement, type ComponentProps } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it, vi } from "vitest";
import type { ContactDetail } from "@/lib/services/contacts/get-contact";
import en from "@/messages/en.json";
import id from "@/messages/id.json";

vi.mock("@/app/actions/contacts/contact-page", () => ({ saveContactPageAction: vi.fn(), deleteContactPageAction: vi.fn() }));
const { ContactView } = await import("./contact-view");
const { ContactEditForm } = await import("./contact-edit-form");

const contact: ContactDetail = {
  id: "c1",
  name: "Sari",
  profileName: "Sari W",
  phone: "+6281234567890",
  waId: "6281234567890",
  email: "sari@example.com",
  createdAt: new Date("2026-01-02T03:04:05Z"),
  updatedAt: new Date("2026-01-02T03:04:05Z"),
  lastInboundAt: null,
  optedOutAt: new Date("2026-03-01T10:00:00Z"),
  optOutReason: "Wrote STOP",
  optOutSource: "keyword",
  optedInAt: null,
  optInSource: null,
  referral: { source_type: "ad", source_id: "120", headline: "Big sale", ctwa_clid: "clid-1" },
  referredAt: new Date("2026-02-01T00:00:00Z"),
  customFields: [
    { key: "tier", label: "Tier", type: "select", options: ["Gold"], value: "Gold" },
    { key: "orders", label: "Orders", type: "number", options: [], value: 1234.5 },
    { key: "birthday", label: "Birthday", type: "date", options: [], value: "1990-02-28" },
    { key: "vip", label: "VIP", type: "boolean", options: [], value: true },
    { key: "city", label: "City", type: "text", options: [], value: null },
  ],
  groups: [{ id: "g1", name: "Jakarta" }],
  tags: [{ id: "t1", name: "lead", color: null }],
  conversations: [
    { id: "v1", status: "open", lastMessageAt: new Date("2026-03-02T00:00:00Z"), lastMessagePreview: "Halo", createdAt: new Date("2026-03-01T00:00:00Z"), assignee: { id: "u1", name: "Agent A" } },
    { id: "v2", status: "resolved", lastMessageAt: null, lastMessagePreview: null, createdAt: new Date("2025-01-01T00:00:00Z"), assignee: null },
  ],
  moreConversations: true,
  options: { groups: [{ id: "g1", name: "Jakarta" }], tags: [] },
};

// Only what the view calls; never reached while rendering.
const router = { push: vi.fn(), replace: vi.fn(), refresh: vi.fn(), back: vi.fn(), forward: vi.fn(), prefetch: vi.fn() } as unknown as AppRouterInstance;

function inContext(locale: "en" | "id", element: ReturnType<typeof createElement>): string {
  const onError = (error: Error) => {
    throw error;
  };
  return renderToString(
    createElement(
      NextIntlClientProvider,
      // `children` is required by the props type; createElement passes it as its third argument.
      { locale, messages: locale === "en" ? en : id, timeZone: "Asia/Jakarta", onError } as unknown as ComponentProps<typeof NextIntlClientProvider>,
      createElement(AppRouterContext.Provider, { value: router }, element),
    ),
  );
}

const render = (locale: "en" | "id", canDelete: boolean) => inContext(locale, createElement(ContactView, { slug: "acme", initial: contact, canDelete }));

describe("ContactView", () => {
  it("shows details, consent with its source, the ad, contact fields, groups, tags and linked conversations", () => {
    const html = render("en", true);
    for (const text of ["Sari", "sari@example.com", "Opted out on", "Reason: Wrote STOP", "Source: a keyword the customer sent", "Came from an ad", "Big sale", "Tier", "Gold", "1,234.5", "Feb 28, 1990", "Yes", "Jakarta", "lead", "Open", "Resolved", "Assigned to Agent A", "Unassigned", "Showing the newest 2 conversations.", "Delete contact", "Never"]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('href="/w/acme/inbox/v1"');
    expect(html).toContain('href="/w/acme/contacts"');
  });

  it("hides delete without the permission, and reads in Indonesian", () => {
    expect(render("en", false)).not.toContain("Delete contact");
    const html = render("id", true);
    for (const text of ["Berhenti berlangganan sejak", "Sumber: kata kunci yang dikirim pelanggan", "Berasal dari iklan", "Terbuka", "Selesai", "Hapus kontak", "Ya"]) expect(html).toContain(text);
  });

  it("edits each contact field by its type, filled with the stored values", () => {
    const html = inContext("en", createElement(ContactEditForm, { slug: "acme", contact, onSaved: () => undefined, onCancel: () => undefined }));
    expect(html).toContain('name="custom:orders"');
    expect(html).toMatch(/type="number"[^>]*value="1234.5"|value="1234.5"[^>]*type="number"/);
    expect(html).toMatch(/type="date"[^>]*value="1990-02-28"|value="1990-02-28"[^>]*type="date"/);
    expect(html).toMatch(/<option value="Gold" selected="">Gold<\/option>/);
    expect(html).toMatch(/<option value="true" selected="">Yes<\/option>/);
    expect(html).toContain("Opted out of marketing messages");
    expect(html).toContain("Wrote STOP");
  });
});
