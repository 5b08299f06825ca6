/** Canned replies: managers create, edit and delete; everyone searches them from the "/" picker. */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import { listCannedReplies } from "./list-canned-replies";
import { createCannedReply, deleteCannedReply, updateCannedReply } from "./manage-canned-replies";

describe("canned replies", () => {
  it("are created, listed, edited and deleted by managers, with their input normalised", async () => {
    const T = await createTenant("C");
    const created = await createCannedReply(T.admin.ctx, { shortcut: "  Hours ", title: "Opening hours", body: "We are open 9–17, Monday to Friday." });
    expect(created).toMatchObject({ shortcut: "hours", title: "Opening hours" });
    expect((await prisma.cannedReply.findUniqueOrThrow({ where: { id: created.id } })).createdById).toBe(T.admin.userId);

    const updated = await updateCannedReply(T.owner.ctx, { id: created.id, shortcut: "jam", title: "Jam buka", body: "Kami buka 9–17." });
    expect(updated).toMatchObject({ id: created.id, shortcut: "jam", body: "Kami buka 9–17." });
    expect((await listCannedReplies(T.agent.ctx)).map((r) => r.shortcut)).toEqual(["jam"]);

    await deleteCannedReply(T.admin.ctx, created.id);
    expect(await listCannedReplies(T.agent.ctx)).toEqual([]);
    expect((await rejection(deleteCannedReply(T.admin.ctx, created.id))).messageKey).toBe("cannedReplyNotFound");
  });

  it("refuse a duplicate shortcut on create and on edit, changing nothing", async () => {
    const T = await createTenant("D");
    await createCannedReply(T.admin.ctx, { shortcut: "thanks", title: "Thanks", body: "Thank you!" });
    const other = await createCannedReply(T.admin.ctx, { shortcut: "bye", title: "Bye", body: "Goodbye!" });
    expect(await rejection(createCannedReply(T.admin.ctx, { shortcut: "THANKS", title: "Again", body: "x" }))).toMatchObject({
      code: "conflict",
      messageKey: "cannedReplyShortcutTaken",
      field: "shortcut",
    });
    expect((await rejection(updateCannedReply(T.admin.ctx, { id: other.id, shortcut: "thanks", title: "Bye", body: "Goodbye!" }))).field).toBe("shortcut");
    expect((await listCannedReplies(T.admin.ctx)).map((r) => `${r.shortcut}:${r.title}`)).toEqual(["bye:Bye", "thanks:Thanks"]);
  });

  it("refuse bad input with the field named", async () => {
    const T = await createTenant("E");
    for (const [input, field] of [
      [{ shortcut: "with space", title: "t", body: "b" }, "shortcut"],
      [{ shortcut: "", title: "t", body: "b" }, "shortcut"],
      [{ shortcut: "ok", title: "", body: "b" }, "title"],
      [{ shortcut: "ok", title: "t", body: "x".repeat(4097) }, "body"],
    ] as const) {
      expect(await rejection(createCannedReply(T.admin.ctx, input))).toMatchObject({ code: "invalid", field });
    }
    expect(await prisma.cannedReply.count({ where: { workspaceId: T.workspace.id } })).toBe(0);
  });

  it("are managed by owners and admins only; agents may read", async () => {
    const T = await createTenant("F");
    const reply = await createCannedReply(T.owner.ctx, { shortcut: "hi", title: "Hi", body: "Hello!" });
    expect((await rejection(createCannedReply(T.agent.ctx, { shortcut: "x", title: "x", body: "x" }))).code).toBe("forbidden");
    expect((await rejection(updateCannedReply(T.agent.ctx, { id: reply.id, shortcut: "x", title: "x", body: "x" }))).code).toBe("forbidden");
    expect((await rejection(deleteCannedReply(T.agent.ctx, reply.id))).code).toBe("forbidden");
    expect(await listCannedReplies(T.agent.ctx)).toHaveLength(1);
  });

  it("are found for the / picker: shortcut prefix first, then title prefix, then text containing the query", async () => {
    const T = await createTenant("G");
    for (const [shortcut, title, body] of [
      ["price-list", "Prices", "Our price list is attached."],
      ["shipping", "Shipping price", "Free above 100k."],
      ["hello", "Greeting", "Hi! What is your order number?"],
      ["pr", "PR", "Press contact."],
    ]) {
      await createCannedReply(T.admin.ctx, { shortcut: shortcut!, title: title!, body: body! });
    }
    expect((await listCannedReplies(T.agent.ctx, { query: "/pr" })).map((r) => r.shortcut)).toEqual(["pr", "price-list", "shipping"]);
    expect((await listCannedReplies(T.agent.ctx, { query: "ORDER" })).map((r) => r.shortcut)).toEqual(["hello"]);
    expect(await listCannedReplies(T.agent.ctx, { query: "nothing-like-this" })).toEqual([]);
  });
});
