/**
 * CSV import end to end on a real Postgres and disk storage: upload (encoding, delimiter, BOM,
 * preview, refusals), start (mapping checks, one queued run), the run (set-based batches,
 * duplicates in the file and against the workspace, every bad row kept with its reason, the
 * three duplicate modes, tags and groups), a crash mid-import resumed without doubled rows, and
 * the rejected rows as a CSV.
 */
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { stopJobRunner } from "@/lib/jobs/local/runner";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";
import { startStorage, type TestStorage } from "@/test/media/harness";
import { rejection } from "@/test/tenant-isolation/helpers";
import { rejectedRowsCsv } from "./rejected-rows";
import type { ImportMapping } from "./fields";
import { markContactImportFailed, runContactImport } from "./run-import";
import { startContactImport } from "./start-import";
import { uploadContactImport } from "./upload-import";

const at = vi.hoisted(() => ({ storage: undefined as Storage | undefined }));
vi.mock("@/lib/storage", async (importOriginal) => ({ ...(await importOriginal<typeof StorageModule>()), getStorage: () => at.storage }));

let store: TestStorage;
beforeAll(async () => {
  store = await startStorage("disk");
  at.storage = store.storage;
});
afterAll(async () => {
  await stopJobRunner();
  await store.stop();
});

const file = (bytes: Buffer | string, name = "contacts.csv") => {
  const buffer = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  return { name, size: buffer.length, stream: Readable.from([buffer]) };
};

/** Uploads `csv`, starts it with `mapping` (or the guess), runs it here; returns the import row. */
async function importCsv(t: Tenant, csv: Buffer | string, options: { mapping?: ImportMapping; duplicateMode?: "skip" | "update" | "fill_empty"; tags?: string[]; batchRows?: number } = {}) {
  const uploaded = await uploadContactImport(t.owner.ctx, file(csv));
  await startContactImport(t.owner.ctx, { importId: uploaded.importId, mapping: options.mapping ?? uploaded.suggestedMapping, duplicateMode: options.duplicateMode, tags: options.tags });
  await runContactImport({ workspaceId: t.workspace.id, importId: uploaded.importId }, { batchRows: options.batchRows ?? 3 });
  return { uploaded, job: await prisma.contactImport.findUniqueOrThrow({ where: { id: uploaded.importId } }) };
}

const contactsOf = (t: Tenant, phones: string[]) => prisma.contact.findMany({ where: { workspaceId: t.workspace.id, phone: { in: phones } }, include: { tags: { include: { tag: true } }, groups: { include: { group: true } } }, orderBy: { phone: "asc" } });
const reasons = async (importId: string) => (await prisma.contactImportRejection.findMany({ where: { importId }, orderBy: { rowNumber: "asc" } })).map((r) => [r.rowNumber, r.reason]);

describe("uploadContactImport", () => {
  it("reads the encoding, delimiter and header, and guesses the mapping", async () => {
    const t = await createTenant();
    await prisma.customField.create({ data: { workspaceId: t.workspace.id, key: "city", label: "Kota" } });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Nama;No HP;Email;Kota\r\nRina;0812 1111 2222;rina@example.com;Medan\r\n", "utf8")]);
    const uploaded = await uploadContactImport(t.owner.ctx, file(bom));
    expect(uploaded).toMatchObject({ encoding: "utf-8", delimiter: ";", columns: ["Nama", "No HP", "Email", "Kota"], preview: [["Rina", "0812 1111 2222", "rina@example.com", "Medan"]] });
    expect(uploaded.suggestedMapping).toEqual({ "0": "name", "1": "phone", "2": "email", "3": "custom:city" });

    const latin1 = Buffer.from("name,phone\nJosé Müller,+4915123456789\n", "latin1");
    expect(await uploadContactImport(t.owner.ctx, file(latin1))).toMatchObject({ encoding: "windows-1252", preview: [["José Müller", "+4915123456789"]] });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("name\tphone\nAni\t0813 2222 3333\n", "utf16le")]);
    expect(await uploadContactImport(t.owner.ctx, file(utf16))).toMatchObject({ encoding: "utf-16le", delimiter: "\t", columns: ["name", "phone"] });
  });

  it("refuses a file that is not CSV, is empty or has no data row, and keeps nothing", async () => {
    const t = await createTenant();
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(await rejection(uploadContactImport(t.owner.ctx, file(zip, "contacts.xlsx")))).toMatchObject({ code: "invalid", messageKey: "importNotCsv" });
    expect(await rejection(uploadContactImport(t.owner.ctx, file("")))).toMatchObject({ messageKey: "importEmpty" });
    expect(await rejection(uploadContactImport(t.owner.ctx, file("name,phone\n\n\n")))).toMatchObject({ messageKey: "importNoRows" });
    expect(await prisma.contactImport.count({ where: { workspaceId: t.workspace.id } })).toBe(0);
    // Agents may not import.
    expect(await rejection(uploadContactImport(t.agent.ctx, file("name,phone\nA,0812 1111 2222\n")))).toMatchObject({ code: "forbidden" });
  });
});

describe("startContactImport", () => {
  it("needs a phone column, each field once, known custom fields; queues the run once", async () => {
    const t = await createTenant();
    const { importId } = await uploadContactImport(t.owner.ctx, file("name,phone,city\nA,0812 1111 2222,Medan\n"));
    expect(await rejection(startContactImport(t.owner.ctx, { importId, mapping: { "0": "name" } }))).toMatchObject({ messageKey: "importPhoneNotMapped" });
    expect(await rejection(startContactImport(t.owner.ctx, { importId, mapping: { "0": "phone", "1": "phone" } }))).toMatchObject({ messageKey: "importFieldTwice" });
    expect(await rejection(startContactImport(t.owner.ctx, { importId, mapping: { "1": "phone", "2": "custom:city" } }))).toMatchObject({ messageKey: "customFieldUnknown" });
    expect(await rejection(startContactImport(t.owner.ctx, { importId, mapping: { "1": "phone", "7": "name" } }))).toMatchObject({ messageKey: "importColumnUnknown" });
    const first = await startContactImport(t.owner.ctx, { importId, mapping: { "0": "name", "1": "phone" } });
    expect(first).toEqual({ importId, status: "queued" });
    await startContactImport(t.owner.ctx, { importId, mapping: { "0": "name", "1": "phone" } });
    const { jobQueue } = await import("@/lib/jobs/local/runner");
    expect(await (await jobQueue()).getQueueSize("contact-import")).toBe(1);
  });
});

describe("runContactImport", () => {
  it("writes good rows in batches and keeps every bad one with its reason", async () => {
    const t = await createTenant();
    await prisma.customField.create({ data: { workspaceId: t.workspace.id, key: "orders", label: "Orders", type: "number" } });
    const existing = t.contacts[0]!.phone; // the workspace already holds it
    const csv = [
      "name,phone,email,orders,tags",
      'Budi,0812 3000 0001,budi@example.com,3,"vip, wholesale"',
      "Sari,0812 3000 0002,,x,",
      ",call me,,,",
      "Dewi,0812 3000 0001,,,", // the same number as Budi
      "",
      `"Eko, ""the boss""","+62 812 3000 0003",eko@example,1,`,
      `"Fitri\nMultiline",0812-3000-0004,,2,vip`,
      `Lama,0${existing.slice(3)},,,`,
      "Wati,08123000005,,,", // a shorter Indonesian mobile number, still valid
    ].join("\r\n");
    const { job } = await importCsv(t, csv, { mapping: { "0": "name", "1": "phone", "2": "email", "3": "custom:orders", "4": "tags" }, tags: ["import-dec"], batchRows: 2 });
    expect(job).toMatchObject({ status: "completed", rowsDone: 8, rejected: 4, skipped: 1 });
    expect(await reasons(job.id)).toEqual([
      [2, "customFieldNotANumber"],
      [3, "phoneNotANumber"],
      [4, "importDuplicateInFile"],
      [5, "emailInvalid"],
    ]);
    const rows = await contactsOf(t, ["+6281230000001", "+6281230000004", "+628123000005"]);
    expect(rows.map((r) => [r.phone, r.name, r.customFields, r.tags.map((x) => x.tag.name).sort()])).toEqual([
      ["+6281230000001", "Budi", { orders: 3 }, ["import-dec", "vip", "wholesale"]],
      ["+6281230000004", "Fitri\nMultiline", { orders: 2 }, ["import-dec", "vip"]],
      ["+628123000005", "Wati", {}, ["import-dec"]],
    ]);
    expect(job.created).toBe(3);
    // Nothing of the file is left behind but its rejections.
    expect(await prisma.contactImportPhone.count({ where: { importId: job.id } })).toBe(0);
  });

  it("treats a number the workspace holds by the chosen mode", async () => {
    const t = await createTenant();
    await prisma.contact.create({ data: { workspaceId: t.workspace.id, phone: "+6281240000001", name: "Kept", email: null, customFields: { city: "Medan" } } });
    await prisma.customField.create({ data: { workspaceId: t.workspace.id, key: "city", label: "City" } });
    const csv = "name,phone,email,city\nNew Name,0812 4000 0001,new@example.com,\n";
    const mapping: ImportMapping = { "0": "name", "1": "phone", "2": "email", "3": "custom:city" };
    const read = async () => (await contactsOf(t, ["+6281240000001"]))[0]!;

    expect((await importCsv(t, csv, { mapping, duplicateMode: "skip" })).job).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    expect(await read()).toMatchObject({ name: "Kept", email: null });
    expect((await importCsv(t, csv, { mapping, duplicateMode: "fill_empty" })).job).toMatchObject({ updated: 1 });
    expect(await read()).toMatchObject({ name: "Kept", email: "new@example.com", customFields: { city: "Medan" } });
    expect((await importCsv(t, csv.replace("new@", "newer@"), { mapping, duplicateMode: "update" })).job).toMatchObject({ updated: 1 });
    // The file's values win, but its empty city does not wipe the stored one.
    expect(await read()).toMatchObject({ name: "New Name", email: "newer@example.com", customFields: { city: "Medan" } });
  });

  it("resumes after a crash from the last committed batch, without doubled rows, 1,000 bad rows kept", async () => {
    const t = await createTenant();
    const lines = ["phone,name"];
    for (let i = 0; i < 1_000; i++) lines.push(`0813${String(50_000_000 + i)},Customer ${i}`);
    for (let i = 0; i < 1_000; i++) lines.push(`not-a-number-${i},Bad ${i}`); // 1,000 bad rows among the good
    for (let i = 0; i < 20; i++) lines.push(`0813${String(50_000_000 + i)},Again ${i}`); // duplicates in the file
    const uploaded = await uploadContactImport(t.owner.ctx, file(lines.join("\n")));
    await startContactImport(t.owner.ctx, { importId: uploaded.importId, mapping: uploaded.suggestedMapping });
    const payload = { workspaceId: t.workspace.id, importId: uploaded.importId };

    await expect(runContactImport(payload, { batchRows: 100, crashAfterBatches: 4 })).rejects.toThrow("simulated crash");
    expect((await prisma.contactImport.findUniqueOrThrow({ where: { id: uploaded.importId } })).rowsDone).toBe(400);
    expect(await runContactImport(payload, { batchRows: 100 })).toEqual({ status: "completed" });

    const job = await prisma.contactImport.findUniqueOrThrow({ where: { id: uploaded.importId } });
    expect(job).toMatchObject({ status: "completed", rowsDone: 2_020, created: 1_000, rejected: 1_020, skipped: 0 });
    expect(await prisma.contact.count({ where: { workspaceId: t.workspace.id, phone: { startsWith: "+62813500" } } })).toBe(1_000);
    expect(await prisma.contactImportRejection.count({ where: { importId: job.id } })).toBe(1_020);
    expect(await prisma.contactImportRejection.count({ where: { importId: job.id, reason: "importDuplicateInFile" } })).toBe(20);
    // A run after the end changes nothing.
    expect(await runContactImport(payload)).toEqual({ status: "not_runnable" });
  });

  it("ends as failed when the task gives up, keeping what it committed", async () => {
    const t = await createTenant();
    const lines = ["phone"];
    for (let i = 0; i < 300; i++) lines.push(`0813${String(60_000_000 + i)}`);
    const uploaded = await uploadContactImport(t.owner.ctx, file(lines.join("\n")));
    await startContactImport(t.owner.ctx, { importId: uploaded.importId, mapping: { "0": "phone" } });
    const payload = { workspaceId: t.workspace.id, importId: uploaded.importId };
    await expect(runContactImport(payload, { batchRows: 100, crashAfterBatches: 1 })).rejects.toThrow();
    await markContactImportFailed(payload, new Error("simulated crash mid-import"));
    expect(await prisma.contactImport.findUniqueOrThrow({ where: { id: uploaded.importId } })).toMatchObject({ status: "failed", error: "simulated crash mid-import", created: 100, rowsDone: 100 });
    expect(await prisma.contactImportPhone.count({ where: { importId: uploaded.importId } })).toBe(0);
    // A failed import is not run again.
    expect(await runContactImport(payload)).toEqual({ status: "not_runnable" });
  });

  it("gives the rejected rows back as a CSV in the reader's language", async () => {
    const t = await createTenant();
    const { job } = await importCsv(t, "name;phone\nGood;0812 5000 0001\nBad;12\n", { mapping: { "0": "name", "1": "phone" } });
    const messages: Record<string, string> = { phoneTooShort: "Too short" };
    const out = await rejectedRowsCsv(t.owner.ctx, job.id, { row: "Row", reason: "Reason", message: (key) => messages[key] ?? key });
    expect(out.filename).toBe("contacts-rejected.csv");
    expect(out.csv).toBe("\uFEFFname;phone;Row;Reason\r\nBad;12;2;Too short\r\n");
  });
});
