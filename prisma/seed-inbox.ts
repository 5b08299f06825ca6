/**
 * A lived-in inbox for the demo workspace: conversations of the last few days (every one of them
 * older than 24 hours, so the emulator — which only knows windows its own customers opened — and
 * the app agree that free text needs a fresh customer message), the two templates the emulator
 * approves out of the box, canned replies and an internal note. Seeded once: skipped when the
 * workspace already has conversations.
 *
 * Message `content` has Meta's shape for the type (text → { body }, location → { latitude, … }),
 * as webhook processing stores it; wamids are made up but unique.
 */
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageStatus, MessageType } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db";
import { DEFAULT_TEMPLATES } from "@/local/whatsapp-emulator/templates";

const HOUR = 3_600_000;

interface Line {
  /** Hours before now. */
  ago: number;
  from: "customer" | "agent";
  type?: MessageType;
  text?: string;
  content?: Prisma.InputJsonObject;
  status?: MessageStatus;
  error?: { code: number; title: string };
}

interface Thread {
  contactIndex: number;
  assignee?: "siti@parley.dev" | "budi@parley.dev";
  resolved?: boolean;
  unread?: number;
  note?: string;
  lines: Line[];
}

const THREADS: Thread[] = [
  {
    contactIndex: 0,
    assignee: "budi@parley.dev",
    unread: 2,
    note: "Wants the blue one in size M. Stock arrives Friday.",
    lines: [
      { ago: 30, from: "customer", text: "Halo, apakah kemeja batik biru masih ada ukuran M?" },
      { ago: 29.5, from: "agent", text: "Halo! Ukuran M sedang kosong, stok baru datang hari Jumat 🙏", status: "read" },
      { ago: 29, from: "customer", text: "Oke, tolong kabari ya kalau sudah ada" },
      { ago: 28.9, from: "customer", text: "Terima kasih!" },
    ],
  },
  {
    contactIndex: 1,
    unread: 1,
    lines: [
      { ago: 50, from: "customer", text: "Where is your shop? I'd like to pick up my order." },
      { ago: 49, from: "agent", text: "Here you go:", status: "read" },
      {
        ago: 48.9,
        from: "agent",
        type: "location",
        content: { latitude: -6.2253, longitude: 106.7993, name: "Acme Store", address: "Jl. Senopati No. 10, Jakarta" },
        status: "delivered",
      },
      { ago: 26, from: "customer", type: "interactive", content: { type: "button_reply", button_reply: { id: "pickup_today", title: "Pick up today" } } },
    ],
  },
  {
    contactIndex: 2,
    assignee: "siti@parley.dev",
    resolved: true,
    lines: [
      { ago: 96, from: "customer", text: "My order #1042 hasn't arrived yet." },
      { ago: 95, from: "agent", text: "Sorry about that! It left our warehouse this morning, tracking: JNE 0123456789.", status: "read" },
      { ago: 94, from: "customer", text: "Got it, thanks a lot 👍" },
    ],
  },
  {
    contactIndex: 3,
    lines: [
      { ago: 72, from: "customer", text: "Can I pay by bank transfer?" },
      {
        ago: 71,
        from: "agent",
        text: "Yes — BCA 123 456 7890 a.n. PT Acme.",
        status: "failed",
        error: { code: 131026, title: "Message undeliverable" },
      },
    ],
  },
  {
    contactIndex: 4,
    unread: 1,
    lines: [
      {
        ago: 40,
        from: "customer",
        type: "contacts",
        content: { contacts: [{ name: { formatted_name: "Rina Halim", first_name: "Rina" }, phones: [{ phone: "+62 812 3456 7890", type: "CELL", wa_id: "6281234567890" }] }] },
      },
      { ago: 39.8, from: "customer", text: "My sister wants to order too, here's her number." },
    ],
  },
  {
    contactIndex: 5,
    lines: [
      { ago: 120, from: "agent", type: "template", content: { name: "order_shipped", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Ayu" }, { type: "text", text: "#1077" }] }] }, status: "read" },
      { ago: 119, from: "customer", type: "button", content: { payload: "Track it", text: "Track it" } },
    ],
  },
];

const CANNED = [
  { shortcut: "hi", title: "Greeting", body: "Hi! Thanks for reaching out to Acme. How can I help you today?" },
  { shortcut: "halo", title: "Salam", body: "Halo! Terima kasih sudah menghubungi Acme. Ada yang bisa kami bantu?" },
  { shortcut: "hours", title: "Opening hours", body: "We're open Monday to Saturday, 09:00–18:00 WIB." },
  { shortcut: "thanks", title: "Thank you", body: "Thank you for shopping with Acme! 🙏" },
];

function wamid(): string {
  return `wamid.SEED${randomBytes(12).toString("hex").toUpperCase()}`;
}

function preview(line: Line): string {
  if (line.text) return line.text;
  switch (line.type) {
    case "location":
      return `📍 ${String(line.content?.name ?? "Location")}`;
    case "contacts":
      return "👤 Contact";
    case "interactive":
    case "button":
      return String((line.content?.button_reply as { title?: string } | undefined)?.title ?? line.content?.text ?? "Reply");
    case "template":
      return `Template: ${String(line.content?.name ?? "")}`;
    default:
      return "";
  }
}

export async function seedInbox(workspaceId: string): Promise<void> {
  if ((await prisma.conversation.count({ where: { workspaceId } })) > 0) return;
  const connection = await prisma.whatsappConnection.findFirst({ where: { workspaceId }, select: { id: true } });
  const members = await prisma.user.findMany({
    where: { memberships: { some: { workspaceId } } },
    select: { id: true, email: true },
  });
  const userId = (email: string) => members.find((member) => member.email === email)?.id ?? null;
  const owner = userId("demo@parley.dev");
  const contacts = await prisma.contact.findMany({
    where: { workspaceId, optedOutAt: null, phone: { not: null } },
    orderBy: { createdAt: "asc" },
    take: THREADS.length,
    select: { id: true },
  });

  // The emulator's sample templates, approved there out of the box (the picker also syncs them).
  for (const template of DEFAULT_TEMPLATES) {
    await prisma.template.upsert({
      where: { workspaceId_name_language: { workspaceId, name: template.name, language: template.language } },
      create: {
        workspaceId,
        connectionId: connection?.id ?? null,
        name: template.name,
        language: template.language,
        category: template.category,
        components: template.components as Prisma.InputJsonValue,
        status: "APPROVED",
        submittedAt: new Date(Date.now() - 240 * HOUR),
      },
      update: {},
    });
  }
  await prisma.cannedReply.createMany({
    data: CANNED.map((reply) => ({ ...reply, workspaceId, createdById: owner })),
    skipDuplicates: true,
  });

  const now = Date.now();
  for (const [index, thread] of THREADS.entries()) {
    const contact = contacts[index];
    if (!contact) break;
    const at = (line: Line) => new Date(now - line.ago * HOUR);
    const inbound = thread.lines.filter((line) => line.from === "customer");
    const last = thread.lines.at(-1)!;
    const lastInboundAt = inbound.length > 0 ? at(inbound.at(-1)!) : null;
    const conversation = await prisma.conversation.create({
      data: {
        workspaceId,
        contactId: contact.id,
        connectionId: connection?.id ?? null,
        status: thread.resolved ? "resolved" : "open",
        isOpen: thread.resolved ? null : true,
        resolvedAt: thread.resolved ? at(last) : null,
        assigneeId: thread.assignee ? userId(thread.assignee) : null,
        unreadCount: thread.unread ?? 0,
        lastMessagePreview: preview(last).slice(0, 200),
        lastMessageAt: at(last),
        lastInboundAt,
        createdAt: at(thread.lines[0]!),
      },
    });
    await prisma.contact.update({ where: { id: contact.id }, data: { lastInboundAt } });
    for (const line of thread.lines) {
      const timestamp = at(line);
      const outbound = line.from === "agent";
      const status = outbound ? (line.status ?? "sent") : "received";
      await prisma.message.create({
        data: {
          workspaceId,
          conversationId: conversation.id,
          contactId: contact.id,
          connectionId: connection?.id ?? null,
          direction: outbound ? "outbound" : "inbound",
          type: line.type ?? "text",
          content: line.content ?? { body: line.text ?? "" },
          previewText: preview(line),
          wamid: wamid(),
          status,
          authorId: outbound ? (thread.assignee ? userId(thread.assignee) : owner) : null,
          timestamp,
          createdAt: timestamp,
          sentAt: outbound && status !== "failed" ? timestamp : null,
          deliveredAt: status === "delivered" || status === "read" ? new Date(timestamp.getTime() + 60_000) : null,
          readAt: status === "read" ? new Date(timestamp.getTime() + 300_000) : null,
          failedAt: status === "failed" ? timestamp : null,
          errorCode: line.error?.code ?? null,
          errorTitle: line.error?.title ?? null,
        },
      });
    }
    if (thread.note) {
      await prisma.note.create({
        data: { workspaceId, conversationId: conversation.id, authorId: thread.assignee ? userId(thread.assignee) : owner, body: thread.note },
      });
    }
  }
}
