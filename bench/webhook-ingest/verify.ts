/**
 * After the webhook run: waits for processing to drain (every WebhookEvent processed), then counts
 * what was lost and what was doubled, against the ledger of what was sent and acknowledged.
 *
 *   lost       = acknowledged deliveries with no WebhookEvent row
 *              + inbound wamids of acknowledged, processed deliveries with no Message row
 *              + statuses of acknowledged, processed deliveries not applied (per-status timestamp
 *                unset, or the message's status below the highest one reported)
 *              + image messages with no Media row
 *   late       = acknowledged deliveries stored but still unprocessed when the drain timed out
 *                (not lost: the recovery sweep processes them later; their rows are not checked)
 *   duplicated = WebhookEvent rows beyond one per delivery (or matching no delivery)
 *              + WebhookEvent rows of deliveries that were not acknowledged (stored, yet Meta would
 *                redeliver them)
 *              + Message rows beyond one per inbound wamid, Media rows beyond one per message
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Delivery, Plan, StatusKind } from "./deliveries";
import type { Ledger } from "./load";

export interface Drain {
  /** Unprocessed events when the load stopped. */
  backlogAtEnd: number;
  /** From the end of the load until every event was processed (or the timeout). */
  seconds: number;
  drained: boolean;
  unprocessed: number;
  /** A few error texts of unprocessed events, for the report. */
  errors: string[];
  /** Events processed per second while draining. */
  rate: number;
  /** Unprocessed events every 10 s of the drain (index 0 = when the load stopped). */
  series: number[];
}

export async function waitForDrain(prisma: PrismaClient, timeoutMs: number): Promise<Drain> {
  const started = performance.now();
  const backlogAtEnd = await prisma.webhookEvent.count({ where: { processedAt: null } });
  let unprocessed = backlogAtEnd;
  const series = [backlogAtEnd];
  while (unprocessed > 0 && performance.now() - started < timeoutMs) {
    await sleep(250);
    unprocessed = await prisma.webhookEvent.count({ where: { processedAt: null } });
    if (performance.now() - started >= series.length * 10_000) series.push(unprocessed);
  }
  const seconds = unprocessed === 0 && backlogAtEnd === 0 ? 0 : (performance.now() - started) / 1000;
  const errors =
    unprocessed > 0
      ? (await prisma.webhookEvent.findMany({ where: { processedAt: null, error: { not: null } }, select: { error: true }, take: 3 })).map(
          (row) => row.error ?? "",
        )
      : [];
  const rate = seconds > 0 ? (backlogAtEnd - unprocessed) / seconds : 0;
  return { backlogAtEnd, seconds, drained: unprocessed === 0, unprocessed, errors, rate, series };
}

export interface Accounting {
  acked: number;
  notAcked: number;
  lost: number;
  duplicated: number;
  late: number;
  detail: {
    eventsMissing: number;
    eventsExtra: number;
    storedNotAcked: number;
    inboundExpected: number;
    inboundMissing: number;
    inboundExtra: number;
    statusesExpected: number;
    statusesMissing: number;
    mediaMissing: number;
    mediaExtra: number;
  };
}

const RANK: Record<string, number> = { pending: 0, sent: 1, failed: 2, delivered: 3, read: 4 };

/** `ignored`: signatures of other deliveries stored in the same schema on purpose (the ack-only run). */
export async function account(prisma: PrismaClient, plan: Plan, ledger: Ledger, ignored: Set<string>): Promise<Accounting> {
  const bySignature = new Map<string, Delivery>(plan.deliveries.map((delivery) => [delivery.signature, delivery]));
  const acked = plan.deliveries.filter((delivery) => ledger.acked(delivery.index));
  const notAcked = plan.deliveries.filter((delivery) => ledger.sent.has(delivery.index) && !ledger.acked(delivery.index));

  // One WebhookEvent row per acknowledged delivery, none for the others. The stored signature
  // header is the HMAC of the body, and every planned body is unique.
  const events = await prisma.webhookEvent.findMany({ select: { signature: true, processedAt: true } });
  const rows = new Map<string, { count: number; processed: boolean }>();
  let eventsExtra = 0;
  for (const event of events) {
    if (event.signature && ignored.has(event.signature)) continue;
    if (!event.signature || !bySignature.has(event.signature)) {
      eventsExtra++;
      continue;
    }
    const seen = rows.get(event.signature);
    rows.set(event.signature, { count: (seen?.count ?? 0) + 1, processed: (seen?.processed ?? false) || event.processedAt !== null });
  }
  let eventsMissing = 0;
  let late = 0;
  const checked: Delivery[] = [];
  for (const delivery of acked) {
    const row = rows.get(delivery.signature);
    if (!row) {
      eventsMissing++;
      continue;
    }
    eventsExtra += row.count - 1;
    if (row.processed) checked.push(delivery);
    else late++;
  }
  let storedNotAcked = 0;
  for (const delivery of notAcked) storedNotAcked += rows.get(delivery.signature)?.count ?? 0;

  // Inbound messages: one Message (and, for an image, one Media) per wamid.
  const inbound = await prisma.message.findMany({
    where: { direction: "inbound" },
    select: { wamid: true, _count: { select: { media: true } } },
  });
  const inboundRows = new Map<string, { count: number; media: number }>();
  for (const row of inbound) {
    if (!row.wamid) continue;
    const seen = inboundRows.get(row.wamid);
    inboundRows.set(row.wamid, { count: (seen?.count ?? 0) + 1, media: (seen?.media ?? 0) + row._count.media });
  }
  let inboundExpected = 0;
  let inboundMissing = 0;
  let inboundExtra = 0;
  let mediaMissing = 0;
  let mediaExtra = 0;
  for (const delivery of checked) {
    for (const message of delivery.inbound) {
      inboundExpected++;
      const row = inboundRows.get(message.wamid);
      if (!row) {
        inboundMissing++;
        continue;
      }
      inboundExtra += row.count - 1;
      const media = message.kind === "image" ? 1 : 0;
      if (row.media < media) mediaMissing += media - row.media;
      if (row.media > media) mediaExtra += row.media - media;
    }
  }

  // Statuses: each reported (wamid, status) sets its timestamp; the status ends at the highest.
  const expected = new Map<string, Set<StatusKind>>();
  for (const delivery of checked) {
    for (const status of delivery.statuses) {
      const kinds = expected.get(status.wamid) ?? new Set<StatusKind>();
      kinds.add(status.status);
      expected.set(status.wamid, kinds);
    }
  }
  const outbound = await prisma.message.findMany({
    where: { direction: "outbound" },
    select: { wamid: true, status: true, sentAt: true, deliveredAt: true, readAt: true },
  });
  const outboundRows = new Map(outbound.map((row) => [row.wamid ?? "", row]));
  let statusesExpected = 0;
  let statusesMissing = 0;
  for (const [wamid, kinds] of expected) {
    statusesExpected += kinds.size;
    const row = outboundRows.get(wamid);
    if (!row) {
      statusesMissing += kinds.size;
      continue;
    }
    const top = Math.max(...[...kinds].map((kind) => RANK[kind] ?? 0));
    const stamped = { sent: row.sentAt, delivered: row.deliveredAt, read: row.readAt };
    let missing = [...kinds].filter((kind) => stamped[kind] === null).length;
    if ((RANK[row.status] ?? 0) < top && missing === 0) missing = 1;
    statusesMissing += missing;
  }

  const lost = eventsMissing + inboundMissing + statusesMissing + mediaMissing;
  const duplicated = eventsExtra + storedNotAcked + inboundExtra + mediaExtra;
  return {
    acked: acked.length,
    notAcked: notAcked.length,
    lost,
    duplicated,
    late,
    detail: {
      eventsMissing,
      eventsExtra,
      storedNotAcked,
      inboundExpected,
      inboundMissing,
      inboundExtra,
      statusesExpected,
      statusesMissing,
      mediaMissing,
      mediaExtra,
    },
  };
}

/** Media rows by status (the download step after processing: stored, still pending, unavailable). */
export async function mediaByStatus(prisma: PrismaClient): Promise<Record<string, number>> {
  const groups = await prisma.media.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}

export interface CampaignAccounting {
  /** Counter minus the recipients that reached the stage: > 0 doubled, < 0 lost. */
  deliveredOff: number;
  readOff: number;
  /** Recipients whose status is behind (or ahead of) their message's: a status applied to one and not the other. */
  recipientsApart: number;
}

/**
 * The campaign of a statuses-only run: each counter equals its recipients, each recipient follows
 * its message. Read in one repeatable-read snapshot, so an event still being processed is seen
 * whole or not at all.
 */
export async function accountCampaign(prisma: PrismaClient, campaignId: string): Promise<CampaignAccounting> {
  const [campaign, delivered, read, recipients, messages] = await prisma.$transaction(
    [
      prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { deliveredCount: true, readCount: true } }),
      prisma.campaignRecipient.count({ where: { campaignId, deliveredAt: { not: null } } }),
      prisma.campaignRecipient.count({ where: { campaignId, readAt: { not: null } } }),
      prisma.campaignRecipient.findMany({ where: { campaignId }, select: { id: true, status: true } }),
      prisma.message.findMany({ where: { campaignRecipientId: { not: null } }, select: { campaignRecipientId: true, status: true } }),
    ],
    { isolationLevel: "RepeatableRead" },
  );
  const messageStatus = new Map(messages.map((m) => [m.campaignRecipientId ?? "", m.status]));
  const recipientsApart = recipients.filter((r) => (messageStatus.get(r.id) ?? "sent") !== r.status).length;
  return { deliveredOff: campaign.deliveredCount - delivered, readOff: campaign.readCount - read, recipientsApart };
}
