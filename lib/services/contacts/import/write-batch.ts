/**
 * One batch of an import, written set-based inside the caller's transaction (a few statements
 * whatever the batch size): the numbers checked against those the import already read (a number
 * twice in the file is refused the second time, across batches and resumes), the contacts
 * inserted or merged in one INSERT … ON CONFLICT by the duplicate mode, their tags and groups
 * (created by name when new), and the refused rows kept with their reasons.
 */
import type { TenantTx } from "@/lib/db/tenant";
import { Prisma } from "@/lib/db";
import { qualifiedTable } from "@/lib/db/pool";
import type { DuplicateMode } from "@/lib/generated/prisma/enums";
import type { ImportRow, RejectedRow } from "./rows";

const t = (name: string) => Prisma.raw(qualifiedTable(name));

export interface BatchCounts {
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}

/** How an existing contact takes the file's values: never an empty cell over a stored value. */
function onConflict(mode: DuplicateMode): Prisma.Sql {
  const c = t("Contact");
  if (mode === "skip") return Prisma.sql`DO NOTHING`;
  const [file, kept] = mode === "update" ? [Prisma.sql`EXCLUDED`, c] : [c, Prisma.sql`EXCLUDED`];
  return Prisma.sql`DO UPDATE SET
    name = COALESCE(${file}.name, ${kept}.name),
    email = COALESCE(${file}.email, ${kept}.email),
    "customFields" = ${kept}."customFields" || ${file}."customFields",
    "optedInAt" = COALESCE(${c}."optedInAt", EXCLUDED."optedInAt"),
    "optInSource" = COALESCE(${c}."optInSource", EXCLUDED."optInSource"),
    "updatedAt" = now()`;
}

async function label(tx: TenantTx, workspaceId: string, pairs: { contactId: string; name: string }[], kind: "tag" | "group"): Promise<void> {
  if (pairs.length === 0) return;
  const [table, join, column] = kind === "tag" ? [t("Tag"), t("ContactTag"), Prisma.raw(`"tagId"`)] : [t("ContactGroup"), t("ContactGroupMember"), Prisma.raw(`"groupId"`)];
  const unique = [...new Set(pairs.map((p) => p.name))];
  await tx.$executeRaw`INSERT INTO ${table} (id, "workspaceId", name) SELECT gen_random_uuid()::text, ${workspaceId}, n FROM unnest(${unique}::text[]) AS n ON CONFLICT ("workspaceId", name) DO NOTHING`;
  await tx.$executeRaw`
    INSERT INTO ${join} (${column}, "contactId")
    SELECT l.id, p.contact FROM unnest(${pairs.map((p) => p.contactId)}::text[], ${pairs.map((p) => p.name)}::text[]) AS p(contact, name)
    JOIN ${table} l ON l."workspaceId" = ${workspaceId} AND l.name = p.name
    ON CONFLICT DO NOTHING`;
}

export async function writeBatch(
  tx: TenantTx,
  input: { workspaceId: string; importId: string; mode: DuplicateMode; batchTags: string[]; rows: ImportRow[]; rejected: RejectedRow[] },
): Promise<BatchCounts> {
  const { workspaceId, importId } = input;
  const rejected = [...input.rejected];

  // Within the batch, the first row of a number wins; then against the rows of earlier batches.
  const firstOf = new Map<string, ImportRow>();
  for (const row of input.rows) {
    if (firstOf.has(row.phone)) rejected.push({ rowNumber: row.rowNumber, reason: "importDuplicateInFile", field: "phone", values: row.cells });
    else firstOf.set(row.phone, row);
  }
  const candidates = [...firstOf.values()];
  const fresh = candidates.length
    ? new Set(
        (
          await tx.$queryRaw<{ phone: string }[]>`
            INSERT INTO ${t("ContactImportPhone")} ("workspaceId", "importId", phone, "rowNumber")
            SELECT ${workspaceId}, ${importId}, p, r FROM unnest(${candidates.map((r) => r.phone)}::text[], ${candidates.map((r) => r.rowNumber)}::int[]) AS x(p, r)
            ON CONFLICT DO NOTHING RETURNING phone`
        ).map((r) => r.phone),
      )
    : new Set<string>();
  const rows = candidates.filter((row) => {
    if (fresh.has(row.phone)) return true;
    rejected.push({ rowNumber: row.rowNumber, reason: "importDuplicateInFile", field: "phone", values: row.cells });
    return false;
  });

  let written: { id: string; phone: string; inserted: boolean }[] = [];
  if (rows.length > 0) {
    written = await tx.$queryRaw`
      INSERT INTO ${t("Contact")} (id, "workspaceId", phone, name, email, "customFields", "optedInAt", "optInSource", "updatedAt")
      SELECT gen_random_uuid()::text, ${workspaceId}, x.phone, x.name, x.email, x.custom, CASE WHEN x.opt_in THEN now() END,
             CASE WHEN x.opt_in THEN CAST('import' AS ${t("ConsentSource")}) END, now()
      FROM unnest(${rows.map((r) => r.phone)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.email)}::text[],
                  ${rows.map((r) => JSON.stringify(r.customFields))}::jsonb[], ${rows.map((r) => r.optIn)}::boolean[]) AS x(phone, name, email, custom, opt_in)
      ON CONFLICT ("workspaceId", phone) ${onConflict(input.mode)}
      RETURNING id, phone, (xmax = 0) AS inserted`;
  }

  const byPhone = new Map(rows.map((r) => [r.phone, r]));
  const tags: { contactId: string; name: string }[] = [];
  const groups: { contactId: string; name: string }[] = [];
  for (const contact of written) {
    const row = byPhone.get(contact.phone)!;
    for (const name of new Set([...input.batchTags, ...row.tags])) tags.push({ contactId: contact.id, name });
    for (const name of row.groups) groups.push({ contactId: contact.id, name });
  }
  await label(tx, workspaceId, tags, "tag");
  await label(tx, workspaceId, groups, "group");

  if (rejected.length > 0) {
    await tx.contactImportRejection.createMany({
      data: rejected.map((r) => ({ workspaceId, importId, rowNumber: r.rowNumber, reason: r.reason, field: r.field, values: r.values })),
      skipDuplicates: true,
    });
  }
  const created = written.filter((w) => w.inserted).length;
  return { created, updated: written.length - created, skipped: rows.length - written.length, rejected: rejected.length };
}
