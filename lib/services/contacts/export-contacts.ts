/**
 * The contacts of a filter (the table's current view, or a segment) as CSV, produced in batches
 * read by keyset on the id, so 100,000 contacts stream out in ~100 queries without ever being in
 * memory together. The columns are the import's (phone, name, email, groups, tags, opt-in, one per
 * custom field by its key), so an export imports back as it was; plus what only Parley knows.
 */
import Papa from "papaparse";
import type { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { storedCustomFields } from "./custom-field-values";

const EXPORT_BATCH = 1_000;

export interface ContactExport {
  total: number;
  filename: string;
  chunks: AsyncGenerator<string>;
}

const iso = (date: Date | null) => (date ? date.toISOString() : "");
const cell = (value: Prisma.JsonValue | undefined) => (value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value));

export async function exportContacts(ctx: WorkspaceContext, where: Prisma.ContactWhereInput, now = new Date()): Promise<ContactExport> {
  authorize(ctx, "contact:export");
  const db = tenantDb(ctx);
  const scoped: Prisma.ContactWhereInput = { AND: [where, { workspaceId: ctx.workspaceId }] };
  const [total, fields] = await Promise.all([
    db.contact.count({ where: scoped }),
    db.customField.findMany({ where: { workspaceId: ctx.workspaceId }, select: { key: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const keys = fields.map((f) => f.key);
  const header = ["phone", "name", "email", "profile_name", "groups", "tags", "opt_in", "opted_out_at", "opt_out_reason", "last_inbound_at", "created_at", "referral_source_id", ...keys];

  async function* chunks(): AsyncGenerator<string> {
    yield `\uFEFF${Papa.unparse([header])}\r\n`; // the BOM: Excel reads UTF-8 names right
    let after: string | undefined;
    for (;;) {
      const rows = await db.contact.findMany({
        where: after ? { AND: [scoped, { id: { gt: after } }] } : scoped,
        orderBy: { id: "asc" },
        take: EXPORT_BATCH,
        select: {
          id: true,
          phone: true,
          name: true,
          email: true,
          profileName: true,
          optedInAt: true,
          optedOutAt: true,
          optOutReason: true,
          lastInboundAt: true,
          createdAt: true,
          referralSourceId: true,
          customFields: true,
          groups: { select: { group: { select: { name: true } } } },
          tags: { select: { tag: { select: { name: true } } } },
        },
      });
      if (rows.length === 0) return;
      const lines = rows.map((row) => {
        const custom = storedCustomFields(row.customFields) as Prisma.JsonObject;
        return [
          row.phone ?? "",
          row.name ?? "",
          row.email ?? "",
          row.profileName ?? "",
          row.groups.map((g) => g.group.name).join(", "),
          row.tags.map((t) => t.tag.name).join(", "),
          row.optedInAt ? "yes" : "",
          iso(row.optedOutAt),
          row.optOutReason ?? "",
          iso(row.lastInboundAt),
          iso(row.createdAt),
          row.referralSourceId ?? "",
          ...keys.map((key) => cell(custom[key])),
        ];
      });
      // Formula-looking cells (=, +, -, @) are quoted with a leading ' so a spreadsheet shows them
      // as text instead of running them; phone numbers start with + and stay numbers people read.
      yield `${Papa.unparse(lines, { escapeFormulae: /^[=@\t\r]|^-(?!\d)/ })}\r\n`;
      after = rows.at(-1)!.id;
      if (rows.length < EXPORT_BATCH) return;
    }
  }

  const filename = `contacts-${now.toISOString().slice(0, 10)}.csv`;
  return { total, filename, chunks: chunks() };
}
