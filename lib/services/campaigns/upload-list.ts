/**
 * An uploaded list as a campaign's audience: a CSV (or a plain list, one number per line) read at
 * once, every number normalised with the workspace's default country, and the numbers kept in a
 * new contact group the campaign's audience names (`audience.upload`). Numbers Parley does not know
 * yet become contacts (no consent recorded: the list's owner vouches for it, and an opt-out on
 * record still wins at launch). Everything is set-based, in one transaction: a 100,000-row list is
 * a handful of statements. Unreadable numbers and numbers repeated in the file are counted, not
 * added, and the audience's live count reports them as "no number" and "duplicate".
 */
import Papa from "papaparse";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/db";
import { qualifiedTable } from "@/lib/db/pool";
import { tenantDb } from "@/lib/db/tenant";
import { Invalid } from "@/lib/errors";
import type { UploadedList } from "@/lib/campaigns/audience";
import { normalizePhone } from "@/lib/services/contacts/phone";

/** Larger lists go through the contact import (a background task) and are picked as a group. */
export const LIST_MAX_ROWS = 100_000;
export const LIST_MAX_BYTES = 10 * 1024 * 1024;

const t = (name: string) => Prisma.raw(qualifiedTable(name));
const PHONE_HEADER = /phone|mobile|whatsapp|\bwa\b|number|msisdn|telepon|telp|\bhp\b|nomor|ponsel/i;
const NAME_HEADER = /^\s*(full\s*)?name|nama/i;

interface ListRow {
  phone: string;
  name: string | null;
}

interface ReadList {
  rows: number;
  invalid: number;
  duplicates: number;
  numbers: ListRow[];
}

/** Which column holds the number: a header that says so, else the first column whose first cell is one. */
function columns(first: string[], defaultCountry: string): { header: boolean; phone: number; name: number | null } {
  const headerPhone = first.findIndex((cell) => PHONE_HEADER.test(cell));
  const looksLikeData = first.some((cell) => normalizePhone(cell, defaultCountry).ok);
  if (headerPhone >= 0 && !looksLikeData) {
    const name = first.findIndex((cell) => NAME_HEADER.test(cell));
    return { header: true, phone: headerPhone, name: name >= 0 && name !== headerPhone ? name : null };
  }
  const phone = Math.max(0, first.findIndex((cell) => normalizePhone(cell, defaultCountry).ok));
  return { header: false, phone, name: null };
}

/** Reads the file's numbers: the first of each kept, later copies and unreadable cells counted. */
export function readList(text: string, defaultCountry: string): ReadList {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const table = parsed.data.filter((row) => row.some((cell) => cell.trim() !== ""));
  if (table.length === 0) return { rows: 0, invalid: 0, duplicates: 0, numbers: [] };
  const layout = columns(table[0]!, defaultCountry);
  const body = layout.header ? table.slice(1) : table;
  if (body.length > LIST_MAX_ROWS) throw Invalid("campaignListTooLarge", { field: "file", params: { max: LIST_MAX_ROWS } });

  const seen = new Set<string>();
  const numbers: ListRow[] = [];
  let invalid = 0;
  let duplicates = 0;
  for (const row of body) {
    const phone = normalizePhone(row[layout.phone] ?? "", defaultCountry);
    if (!phone.ok) {
      invalid++;
      continue;
    }
    if (seen.has(phone.e164)) {
      duplicates++;
      continue;
    }
    seen.add(phone.e164);
    const name = layout.name === null ? "" : (row[layout.name] ?? "").trim();
    numbers.push({ phone: phone.e164, name: name ? name.slice(0, 200) : null });
  }
  return { rows: body.length, invalid, duplicates, numbers };
}

/** "customers.csv · 2026-12-07 14:05", made unique with a counter when the same file comes twice a minute. */
function groupName(fileName: string, now: Date, attempt: number): string {
  const stamp = now.toISOString().slice(0, 16).replace("T", " ");
  return `${fileName.slice(0, 120)} · ${stamp}${attempt > 0 ? ` (${attempt + 1})` : ""}`;
}

export async function uploadCampaignList(ctx: WorkspaceContext, input: { fileName: string; text: string }): Promise<UploadedList> {
  authorize(ctx, "campaign:launch");
  const db = tenantDb(ctx);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { defaultCountry: true } });
  const list = readList(input.text, workspace.defaultCountry);
  if (list.numbers.length === 0) throw Invalid("campaignListNoNumbers", { field: "file", params: { rows: list.rows } });
  const fileName = input.fileName.trim().slice(0, 200) || "list.csv";
  const phones = list.numbers.map((n) => n.phone);
  const waIds = phones.map((p) => p.slice(1));
  const names = list.numbers.map((n) => n.name);
  const now = new Date();

  return db.$transaction(
    async (tx) => {
      let groupId: string | null = null;
      for (let attempt = 0; !groupId; attempt++) {
        const [created] = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO ${t("ContactGroup")} (id, "workspaceId", name, description)
          VALUES (gen_random_uuid()::text, ${ctx.workspaceId}, ${groupName(fileName, now, attempt)}, ${"Uploaded for a campaign"})
          ON CONFLICT ("workspaceId", name) DO NOTHING RETURNING id`;
        groupId = created?.id ?? null;
      }
      // Numbers nobody holds yet (neither as phone nor as WhatsApp id) become contacts; any unique
      // conflict (a twin upload at the same moment) leaves the existing contact, found below.
      await tx.$executeRaw`
        INSERT INTO ${t("Contact")} (id, "workspaceId", phone, name, "updatedAt")
        SELECT gen_random_uuid()::text, ${ctx.workspaceId}, x.phone, x.name, now()
        FROM unnest(${phones}::text[], ${names}::text[]) AS x(phone, name)
        WHERE NOT EXISTS (
          SELECT 1 FROM ${t("Contact")} c
          WHERE c."workspaceId" = ${ctx.workspaceId} AND (c.phone = x.phone OR c."waId" = substr(x.phone, 2)))
        ON CONFLICT DO NOTHING`;
      await tx.$executeRaw`
        INSERT INTO ${t("ContactGroupMember")} ("groupId", "contactId")
        SELECT ${groupId}, c.id FROM ${t("Contact")} c
        WHERE c."workspaceId" = ${ctx.workspaceId} AND (c.phone = ANY(${phones}::text[]) OR c."waId" = ANY(${waIds}::text[]))
        ON CONFLICT DO NOTHING`;
      return { groupId, fileName, rows: list.rows, invalid: list.invalid, duplicates: list.duplicates };
    },
    { timeout: 120_000 },
  );
}
