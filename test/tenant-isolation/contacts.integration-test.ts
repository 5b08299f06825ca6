/**
 * Tenant isolation for the contacts CRM (lib/services/contacts): B creating contacts never reaches
 * A's groups, tags, custom fields or phone numbers, and nothing of A changes.
 */
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { stopJobRunner } from "@/lib/jobs/local/runner";
import { rejectedRowsCsv } from "@/lib/services/contacts/import/rejected-rows";
import { markContactImportFailed, runContactImport } from "@/lib/services/contacts/import/run-import";
import { startContactImport } from "@/lib/services/contacts/import/start-import";
import { uploadContactImport } from "@/lib/services/contacts/import/upload-import";
import { startStorage, type TestStorage } from "@/test/media/harness";
import { prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { createContact } from "@/lib/services/contacts/create-contact";
import { setContactLabels } from "@/lib/services/contacts/contact-labels";
import { sendOptOutConfirmation } from "@/lib/services/contacts/consent-reply";
import { createTenants } from "@/test/fixtures/tenants";
import { rejection, untouched } from "./helpers";

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

/** An import of A's, uploaded and queued. */
async function importOfA(A: Awaited<ReturnType<typeof createTenants>>["A"]) {
  const bytes = Buffer.from("name,phone\nGood,0812 6000 0001\nBad,12\n");
  const uploaded = await uploadContactImport(A.owner.ctx, { name: "a.csv", size: bytes.length, stream: Readable.from([bytes]) });
  await startContactImport(A.owner.ctx, { importId: uploaded.importId, mapping: { "0": "name", "1": "phone" } });
  return uploaded.importId;
}

describe("createContact", () => {
  it("refuses A's groups, ignores A's custom fields and tags, and takes a number A also holds", async () => {
    const { A, B } = await createTenants();
    const aGroup = await prisma.contactGroup.create({ data: { workspaceId: A.workspace.id, name: "VIP" } });
    await prisma.customField.create({ data: { workspaceId: A.workspace.id, key: "city", label: "City" } });
    await prisma.tag.create({ data: { workspaceId: A.workspace.id, name: "shared-name" } });
    const onlyA = await prisma.contact.create({ data: { workspaceId: A.workspace.id, phone: "+6281399990001" } });

    await untouched(A, async () => {
      expect(await rejection(createContact(B.owner.ctx, { phone: "+6281300000001", groupIds: [aGroup.id] }))).toMatchObject({ code: "invalid", messageKey: "groupNotFound" });
      expect(await rejection(createContact(B.owner.ctx, { phone: "+6281300000001", customFields: { city: "Medan" } }))).toMatchObject({ messageKey: "customFieldUnknown" });
      // A's number is not B's: B gets a contact of its own.
      const created = await createContact(B.owner.ctx, { phone: onlyA.phone!, tags: ["shared-name"] });
      const row = await prisma.contact.findUniqueOrThrow({ where: { id: created.id }, include: { tags: { include: { tag: true } } } });
      expect(row.workspaceId).toBe(B.workspace.id);
      expect(row.tags.map((t) => t.tag.workspaceId)).toEqual([B.workspace.id]);
    });
  });
});

describe("setContactLabels", () => {
  it("finds no contact of A to label, and writes no join row", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      const refused = await rejection(tenantDb(B.owner.ctx).$transaction((tx) => setContactLabels(tx, B.workspace.id, A.contacts[0]!.id, { tags: ["x"], groupIds: [] })));
      expect(refused).toMatchObject({ code: "not_found", messageKey: "contactNotFound" });
    });
    expect(await prisma.contactTag.count({ where: { contactId: A.contacts[0]!.id } })).toBe(0);
  });
});

describe("sendOptOutConfirmation", () => {
  it("finds no message of A under B's workspace, and writes nothing", async () => {
    const { A, B } = await createTenants();
    const aMessage = await prisma.message.findFirstOrThrow({ where: { workspaceId: A.workspace.id, direction: "inbound" } });
    await prisma.contact.update({ where: { id: aMessage.contactId }, data: { optedOutAt: new Date() } });
    await untouched(A, async () => {
      expect(await sendOptOutConfirmation({ workspaceId: B.workspace.id, messageId: aMessage.id })).toBe("no_message");
    });
  });
});

describe("uploadContactImport", () => {
  it("stores B's file under B's workspace, as B's import", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      const bytes = Buffer.from("name,phone\nB,0812 6000 0002\n");
      const uploaded = await uploadContactImport(B.owner.ctx, { name: "b.csv", size: bytes.length, stream: Readable.from([bytes]) });
      expect(await prisma.contactImport.findUniqueOrThrow({ where: { id: uploaded.importId } })).toMatchObject({ workspaceId: B.workspace.id, fileKey: expect.stringMatching(new RegExp(`^w/${B.workspace.id}/`)) });
    });
  });
});

describe("startContactImport", () => {
  it("is not found for A's import", async () => {
    const { A, B } = await createTenants();
    const importId = await importOfA(A);
    await untouched(A, async () => {
      expect(await rejection(startContactImport(B.owner.ctx, { importId, mapping: { "1": "phone" } }))).toMatchObject({ code: "not_found" });
    });
  });
});

describe("runContactImport", () => {
  it("does not run A's import under B's workspace", async () => {
    const { A, B } = await createTenants();
    const importId = await importOfA(A);
    await untouched(A, async () => {
      expect(await runContactImport({ workspaceId: B.workspace.id, importId })).toEqual({ status: "not_runnable" });
    });
  });
});

describe("rejectedRowsCsv", () => {
  it("is not found for A's import", async () => {
    const { A, B } = await createTenants();
    const importId = await importOfA(A);
    await runContactImport({ workspaceId: A.workspace.id, importId });
    expect(await rejection(rejectedRowsCsv(B.owner.ctx, importId, { row: "Row", reason: "Reason", message: (k) => k }))).toMatchObject({ code: "not_found" });
  });
});

describe("markContactImportFailed", () => {
  it("does not end A's import under B's workspace", async () => {
    const { A, B } = await createTenants();
    const importId = await importOfA(A);
    await untouched(A, async () => {
      await markContactImportFailed({ workspaceId: B.workspace.id, importId }, new Error("not B's"));
    });
    expect(await prisma.contactImport.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ status: "queued", error: null });
  });
});
