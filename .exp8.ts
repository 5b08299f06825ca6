import { createIsolatedSchema } from "./lib/db/isolated-schema";
async function main() {
  const base = process.argv[2]!;
  const t0 = Date.now();
  const iso = process.argv[3] === "public" ? null : await createIsolatedSchema(base, "exp");
  const tSchema = Date.now() - t0;
  if (iso) process.env.DATABASE_URL = iso.url; else process.env.DATABASE_URL = base;
  const { prisma } = await import("./lib/db");
  const t1 = Date.now();
  const ws = await prisma.workspace.create({ data: { name: "W", slug: "w-" + Date.now() + Math.random() } });
  const user = await prisma.user.create({ data: { email: `u${Date.now()}${Math.random()}@x` } });
  await prisma.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "admin" } });
  const m = await prisma.membership.findFirst({ where: { role: "admin", workspaceId: ws.id }, include: { user: true, workspace: true } });
  if (m?.role !== "admin" || m.user.id !== user.id) throw new Error("bad read");
  const c = await prisma.contact.create({ data: { workspaceId: ws.id, phone: "+62" + Date.now(), customFields: { a: 1 } } });
  // interactive tx with rollback
  await prisma.$transaction(async (tx) => {
    await tx.conversation.create({ data: { workspaceId: ws.id, contactId: c.id } });
    throw new Error("rollback me");
  }).catch((e: Error) => { if (e.message !== "rollback me") throw e; });
  if ((await prisma.conversation.count({ where: { contactId: c.id } })) !== 0) throw new Error("tx not rolled back");
  await prisma.$transaction(async (tx) => {
    const conv = await tx.conversation.create({ data: { workspaceId: ws.id, contactId: c.id } });
    await tx.message.create({ data: { workspaceId: ws.id, conversationId: conv.id, contactId: c.id, direction: "inbound", type: "text", content: { body: "hi" }, status: "received" } });
  });
  // upsert + enum filter
  await prisma.tag.upsert({ where: { workspaceId_name: { workspaceId: ws.id, name: "vip" } }, create: { workspaceId: ws.id, name: "vip" }, update: {} });
  await prisma.tag.upsert({ where: { workspaceId_name: { workspaceId: ws.id, name: "vip" } }, create: { workspaceId: ws.id, name: "vip" }, update: { color: "red" } });
  const apiKey = await prisma.apiKey.create({ data: { workspaceId: ws.id, name: "k", prefix: "p", keyHash: "h" + Math.random(), scopes: ["a", "b"] } });
  if (apiKey.scopes.length !== 2) throw new Error("array");
  const tCrud = Date.now() - t1;
  // concurrency: 200 creates in parallel + concurrent interactive transactions
  const t2 = Date.now();
  await Promise.all(Array.from({ length: 200 }, (_, i) => prisma.contact.create({ data: { workspaceId: ws.id, phone: `+1${i}${Date.now()}`, name: "c" + i } })));
  const tConc = Date.now() - t2;
  const t3 = Date.now();
  await Promise.all(Array.from({ length: 20 }, (_, i) => prisma.$transaction(async (tx) => {
    const n = await tx.contact.count({ where: { workspaceId: ws.id } });
    await tx.auditLog.create({ data: { workspaceId: ws.id, action: "t" + i, metadata: { n } } });
  })));
  const tTx = Date.now() - t3;
  const raw = await prisma.$queryRaw<{ n: bigint }[]>`select count(*)::bigint as n from pg_namespace`;
  console.log({ schema: iso?.schema ?? "public", tSchema, tCrud, tConc200: tConc, tTx20: tTx, contacts: await prisma.contact.count({ where: { workspaceId: ws.id } }), raw: raw[0] });
  await prisma.$disconnect();
  await iso?.drop();
}
main().catch((e) => { console.error("ERR", e); process.exit(1); });
