/**
 * Tenant isolation of the inbox writes (sendMessage, uploadAttachment, retryMessage,
 * markConversationRead, notes, sendable templates) and of their server actions: a member of B who
 * names A's conversation, message, attachment or template gets "not found", nothing of A changes,
 * and nothing reaches Meta on A's number.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { markConversationRead } from "@/lib/services/inbox/mark-read";
import { addNote, listNotes } from "@/lib/services/inbox/notes";
import { retryMessage } from "@/lib/services/inbox/retry-message";
import { sendMessage } from "@/lib/services/inbox/send-message";
import { listSendableTemplates } from "@/lib/services/inbox/sendable-templates";
import { uploadAttachment } from "@/lib/services/inbox/upload-attachment";
import type { RunningEmulator } from "@/local/whatsapp-emulator";
import { sampleMedia } from "@/local/whatsapp-emulator/media-samples";
import type { Tenant } from "@/test/fixtures/tenants";
import { connectedTenant, emulatorNumber, startEmulator, startStorage, type TestStorage } from "@/test/media/harness";
import { key } from "@/test/inbox/send-harness";
import { expectNothingOf, rejection, untouched } from "./helpers";

const at = vi.hoisted(() => ({ graphUrl: "", storage: undefined as Storage | undefined, user: null as CurrentUser | null }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof StorageModule>()),
  getStorage: () => at.storage,
}));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => at.user, requireUser: async () => at.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("@/app/actions/inbox/messages");

const numbers = { A: emulatorNumber("Alpha"), B: emulatorNumber("Beta") };
let emulator: RunningEmulator;
let store: TestStorage;

beforeAll(async () => {
  emulator = await startEmulator([numbers.A, numbers.B]);
  at.graphUrl = emulator.url;
  store = await startStorage("disk");
  at.storage = store.storage;
});
afterAll(async () => {
  await emulator.stop();
  await store.stop();
});
beforeEach(() => {
  at.user = null;
});

const file = () => new File([new Uint8Array(sampleMedia("document").bytes)], "a.pdf", { type: "application/pdf" });
const sentBy = (tenant: Tenant) => emulator.sentMessages({ phoneNumberId: tenant.connection.phoneNumberId }).length;

/** A and B (one pair per file: each emulator number connects one workspace), each with conversations whose customer wrote just now, and A with an attachment, a template, a failed message and a note. */
let fixture: Promise<Awaited<ReturnType<typeof createFixture>>> | undefined;
const tenants = () => (fixture ??= createFixture());

async function createFixture() {
  const A = await connectedTenant("A", numbers.A);
  const B = await connectedTenant("B", numbers.B);
  for (const tenant of [A, B]) {
    await prisma.conversation.updateMany({ where: { workspaceId: tenant.workspace.id }, data: { lastInboundAt: new Date(), unreadCount: 3 } });
  }
  const attachment = await uploadAttachment(A.agent.ctx, { conversationId: A.conversations[0]!.id, file: file() });
  const template = await prisma.template.create({
    data: { workspaceId: A.workspace.id, name: "hello_world", language: "en_US", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "Hello World" }] },
  });
  const failed = A.messages.find((m) => m.wamid.endsWith("outbound"))!;
  await prisma.message.update({ where: { id: failed.id }, data: { status: "failed", errorCode: 131000, errorTitle: "Something went wrong" } });
  const note = await addNote(A.agent.ctx, { conversationId: A.conversations[0]!.id, body: "A's secret note" });
  return { A, B, attachment, template, failed, note };
}

describe("sendMessage", () => {
  it("refuses B's members A's conversation, and A's attachment, template and messages inside B's own conversation", async () => {
    const { A, B, attachment, template } = await tenants();
    const inboundOfA = A.messages.find((m) => m.wamid.endsWith("inbound"))!;
    const own = B.conversations[0]!.id;
    const sentA = sentBy(A);
    await untouched(A, async () => {
      for (const intruder of [B.owner, B.admin, B.agent]) {
        const text = { type: "text", body: "hi" } as const;
        expect((await rejection(sendMessage(intruder.ctx, { conversationId: A.conversations[0]!.id, idempotencyKey: key(), content: text }))).code).toBe("not_found");
        for (const content of [
          { type: "media", mediaUploadId: attachment.mediaUploadId },
          { type: "template", templateId: template.id, variables: {} },
          { type: "reaction", messageId: inboundOfA.id, emoji: "👍" },
        ] as const) {
          const error = await rejection(sendMessage(intruder.ctx, { conversationId: own, idempotencyKey: key(), content }));
          expect(["not_found", "invalid"]).toContain(error.code);
          expect(["attachmentNotFound", "templateNotFound", "messageNotFound"]).toContain(error.messageKey);
        }
        const quoting = await rejection(sendMessage(intruder.ctx, { conversationId: own, idempotencyKey: key(), replyToMessageId: inboundOfA.id, content: text }));
        expect(quoting.messageKey).toBe("messageNotFound");
      }
    });
    expect(sentBy(A)).toBe(sentA);
  });

  it("sends B's message on B's number, scoped to B (an idempotency key A used is B's own to use)", async () => {
    const { A, B } = await tenants();
    const sharedKey = key();
    const ofA = await sendMessage(A.agent.ctx, { conversationId: A.conversations[0]!.id, idempotencyKey: sharedKey, content: { type: "text", body: "A" } });
    await untouched(A, async () => {
      const ofB = await sendMessage(B.agent.ctx, { conversationId: B.conversations[0]!.id, idempotencyKey: sharedKey, content: { type: "text", body: "B" } });
      expect(ofB.id).not.toBe(ofA.id);
      expect(ofB.status).toBe("sent");
      expect(emulator.sentMessages({ phoneNumberId: numbers.B.phoneNumberId }).some((m) => m.wamid === ofB.wamid)).toBe(true);
      expectNothingOf(A, ofB);
    });
  });
});

describe("uploadAttachment", () => {
  it("refuses A's conversation and stores nothing", async () => {
    const { A, B } = await tenants();
    const uploads = emulator.media().length;
    await untouched(A, async () => {
      expect((await rejection(uploadAttachment(B.agent.ctx, { conversationId: A.conversations[0]!.id, file: file() }))).code).toBe("not_found");
    });
    expect(emulator.media().length).toBe(uploads);
  });
});

describe("retryMessage", () => {
  it("refuses A's failed message", async () => {
    const { A, B, failed } = await tenants();
    const sentA = sentBy(A);
    await untouched(A, async () => {
      for (const intruder of [B.owner, B.agent]) expect((await rejection(retryMessage(intruder.ctx, failed.id))).code).toBe("not_found");
    });
    expect(sentBy(A)).toBe(sentA);
  });
});

describe("markConversationRead", () => {
  it("refuses A's conversation: A's unread count stays, no receipt on A's number", async () => {
    const { A, B } = await tenants();
    const receipts = emulator.readReceipts().length;
    await untouched(A, async () => {
      expect((await rejection(markConversationRead(B.agent.ctx, A.conversations[0]!.id))).code).toBe("not_found");
    });
    expect(emulator.readReceipts().length).toBe(receipts);
  });
});

describe("addNote", () => {
  it("refuses A's conversation", async () => {
    const { A, B } = await tenants();
    await untouched(A, async () => {
      expect((await rejection(addNote(B.agent.ctx, { conversationId: A.conversations[0]!.id, body: "intrusion" }))).code).toBe("not_found");
    });
  });
});

describe("listNotes", () => {
  it("refuses A's conversation, and lists B's notes without A's", async () => {
    const { A, B } = await tenants();
    await untouched(A, async () => {
      expect((await rejection(listNotes(B.agent.ctx, A.conversations[0]!.id))).code).toBe("not_found");
      await addNote(B.agent.ctx, { conversationId: B.conversations[0]!.id, body: "B's note" });
      const notes = await listNotes(B.agent.ctx, B.conversations[0]!.id);
      expect(notes.map((n) => n.body)).toEqual(["B's note"]);
      expectNothingOf(A, notes);
    });
  });
});

describe("listSendableTemplates", () => {
  it("lists B's approved templates only", async () => {
    const { A, B } = await tenants();
    await untouched(A, async () => {
      const templates = await listSendableTemplates(B.agent.ctx);
      expect(templates).toEqual([]);
      expectNothingOf(A, templates);
    });
  });
});

describe("inbox message actions", () => {
  it("answer a member of B who names A's workspace or A's rows with not found, and change nothing of A", async () => {
    const { A, B, failed } = await tenants();
    const conversationId = A.conversations[0]!.id;
    for (const intruder of [B.owner, B.agent]) {
      at.user = { id: intruder.userId, email: intruder.email, name: intruder.name, locale: null };
      await untouched(A, async () => {
        for (const slug of [A.workspace.slug, B.workspace.slug]) {
          const calls: [string, () => Promise<{ serverError?: { code: string } } | undefined>][] = [
            ["sendMessageAction", () => actions.sendMessageAction({ slug, conversationId, idempotencyKey: key(), content: { type: "text", body: "x" } })],
            ["uploadAttachmentAction", () => actions.uploadAttachmentAction({ slug, conversationId, file: file() })],
            ["retryMessageAction", () => actions.retryMessageAction({ slug, messageId: failed.id })],
            ["markReadAction", () => actions.markReadAction({ slug, conversationId })],
            ["addNoteAction", () => actions.addNoteAction({ slug, conversationId, body: "x" })],
            ["loadNotesAction", () => actions.loadNotesAction({ slug, conversationId })],
          ];
          for (const [name, call] of calls) expect({ name, code: (await call())?.serverError?.code }).toEqual({ name, code: "not_found" });
        }
        // Workspace-wide reads: only the slug can point at A.
        const slug = A.workspace.slug;
        for (const [name, result] of [
          ["searchCannedRepliesAction", await actions.searchCannedRepliesAction({ slug, query: "" })],
          ["loadSendableTemplatesAction", await actions.loadSendableTemplatesAction({ slug })],
        ] as const) {
          expect({ name, code: result?.serverError?.code }).toEqual({ name, code: "not_found" });
        }
      });
    }
  });

  it("answer the signed-out with signed out, and work for a member in their own workspace", async () => {
    const { A } = await tenants();
    expect((await actions.loadNotesAction({ slug: A.workspace.slug, conversationId: A.conversations[0]!.id }))?.serverError?.code).toBe("unauthorized");
    at.user = { id: A.agent.userId, email: A.agent.email, name: A.agent.name, locale: null };
    const notes = await actions.loadNotesAction({ slug: A.workspace.slug, conversationId: A.conversations[0]!.id });
    expect(notes?.data?.map((n) => n.body)).toEqual(["A's secret note"]);
    const bad = await actions.addNoteAction({ slug: A.workspace.slug, conversationId: A.conversations[0]!.id, body: "x".repeat(2001) });
    expect(bad?.validationErrors).toBeTruthy();
  });
});
