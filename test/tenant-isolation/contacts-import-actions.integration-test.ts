/**
 * Tenant isolation for the import's server actions: a member of B naming A's import, under A's
 * slug or B's own, gets "not found" and nothing of A changes; B's upload lands in B's workspace.
 */
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { createTenants } from "@/test/fixtures/tenants";
import { startStorage, type TestStorage } from "@/test/media/harness";
import { untouched } from "./helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
const at = vi.hoisted(() => ({ storage: undefined as Storage | undefined }));
vi.mock("@/lib/storage", async (importOriginal) => ({ ...(await importOriginal<typeof StorageModule>()), getStorage: () => at.storage }));

const { prisma } = await import("@/lib/db");
const { stopJobRunner } = await import("@/lib/jobs/local/runner");
const { uploadContactImport } = await import("@/lib/services/contacts/import/upload-import");
const imports = await import("@/app/actions/contacts/imports");

let store: TestStorage;
beforeAll(async () => {
  store = await startStorage("disk");
  at.storage = store.storage;
});
afterAll(async () => {
  await stopJobRunner();
  await store.stop();
});
beforeEach(() => {
  session.user = null;
});

const csv = () => new File(["name,phone\nX,0812 7000 0001\n"], "x.csv", { type: "text/csv" });

describe("contact import actions", () => {
  it("answer a member of B with not found for A's import, and upload into B's own workspace", async () => {
    const { A, B } = await createTenants();
    const bytes = Buffer.from("name,phone\nA,0812 7000 0002\n");
    const { importId } = await uploadContactImport(A.owner.ctx, { name: "a.csv", size: bytes.length, stream: Readable.from([bytes]) });
    session.user = { id: B.owner.userId, email: B.owner.email, name: B.owner.name, locale: null };
    await untouched(A, async () => {
      for (const slug of [A.workspace.slug, B.workspace.slug]) {
        expect((await imports.loadImportAction({ slug, importId }))?.serverError?.code).toBe("not_found");
        expect((await imports.startImportAction({ slug, importId, mapping: { "1": "phone" } }))?.serverError?.code).toBe("not_found");
      }
      expect((await imports.uploadImportAction({ slug: A.workspace.slug, file: csv() }))?.serverError?.code).toBe("not_found");
      const own = await imports.uploadImportAction({ slug: B.workspace.slug, file: csv() });
      expect((await prisma.contactImport.findUniqueOrThrow({ where: { id: own!.data!.importId } })).workspaceId).toBe(B.workspace.id);
    });
    expect((await prisma.contactImport.findUniqueOrThrow({ where: { id: importId } })).status).toBe("uploaded");
  });

  it("refuse an agent, who may not import", async () => {
    const { B } = await createTenants();
    session.user = { id: B.agent.userId, email: B.agent.email, name: B.agent.name, locale: null };
    expect((await imports.uploadImportAction({ slug: B.workspace.slug, file: csv() }))?.serverError?.code).toBe("forbidden");
  });
});
