/** Internal notes: the team's only, oldest first, never sent to Meta, bounded and validated. */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import { addNote, listNotes } from "./notes";

describe("notes", () => {
  it("are added by any member and listed oldest first with their author, and never become messages", async () => {
    const T = await createTenant("N");
    const conversationId = T.conversations[0]!.id;
    const messages = await prisma.message.count({ where: { conversationId } });
    const first = await addNote(T.agent.ctx, { conversationId, body: "  Customer is a VIP  " });
    await addNote(T.owner.ctx, { conversationId, body: "Offer free shipping" });
    expect(first).toMatchObject({ body: "Customer is a VIP", author: { id: T.agent.userId } });
    expect((await listNotes(T.admin.ctx, conversationId)).map((n) => [n.body, n.author?.id])).toEqual([
      ["Customer is a VIP", T.agent.userId],
      ["Offer free shipping", T.owner.userId],
    ]);
    expect(await listNotes(T.admin.ctx, T.conversations[1]!.id)).toEqual([]);
    expect(await prisma.message.count({ where: { conversationId } })).toBe(messages);
  });

  it("refuse an empty or over-long note, writing nothing", async () => {
    const T = await createTenant("O");
    const conversationId = T.conversations[0]!.id;
    for (const body of ["   ", "x".repeat(2001)]) {
      expect(await rejection(addNote(T.agent.ctx, { conversationId, body }))).toMatchObject({ code: "invalid", messageKey: "invalidInput" });
    }
    expect(await prisma.note.count({ where: { conversationId } })).toBe(0);
    expect((await addNote(T.agent.ctx, { conversationId, body: "x".repeat(2000) })).body).toHaveLength(2000);
  });
});
