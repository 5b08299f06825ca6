/**
 * campaignTimeline against a real Postgres: recipients with known timestamps give known buckets
 * (width from the span, aligned on the workspace's wall clock, cumulative counts that end at the
 * counters), and nothing before the first send.
 */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";
import { bucketWidthSeconds, campaignTimeline } from "./timeline";

type Times = { status: "queued" | "sent" | "delivered" | "read" | "failed"; sentAt?: number; deliveredAt?: number; readAt?: number; repliedAt?: number; failedAt?: number };

let phones = 0;

/** A campaign of A whose recipients have the given timestamps (seconds after `base`). */
async function seed(A: Tenant, base: Date, recipients: Times[]) {
  const campaign = await prisma.campaign.create({ data: { workspaceId: A.workspace.id, name: "Timeline", status: "sending", startedAt: base, audience: { everyone: true } } });
  const at = (s: number | undefined) => (s === undefined ? null : new Date(base.getTime() + s * 1000));
  for (const [i, r] of recipients.entries()) {
    const contact = await prisma.contact.create({ data: { workspaceId: A.workspace.id, phone: `+62812990${String(phones++).padStart(5, "0")}`, name: `T ${i}` } });
    await prisma.campaignRecipient.create({
      data: {
        workspaceId: A.workspace.id,
        campaignId: campaign.id,
        contactId: contact.id,
        status: r.status,
        sentAt: at(r.sentAt),
        deliveredAt: at(r.deliveredAt),
        readAt: at(r.readAt),
        repliedAt: at(r.repliedAt),
        failedAt: at(r.failedAt),
      },
    });
  }
  return campaign;
}

describe("campaignTimeline", () => {
  it("buckets a minute-long campaign by the second, cumulative, a failure after the send moving it from sent to failed", async () => {
    const A = await createTenant("A");
    const base = new Date("2026-03-10T03:00:00.000Z"); // 10:00:00 in Asia/Jakarta (the default zone)
    const campaign = await seed(A, base, [
      { status: "read", sentAt: 0, deliveredAt: 3, readAt: 20, repliedAt: 40 },
      { status: "delivered", sentAt: 1, deliveredAt: 5 },
      { status: "failed", sentAt: 2, failedAt: 10 },
      { status: "failed", failedAt: 4 },
      { status: "read", sentAt: 30, deliveredAt: 31, readAt: 50 },
      { status: "queued" },
    ]);
    const timeline = await campaignTimeline(A.agent.ctx, campaign.id);
    expect(timeline.timeZone).toBe("Asia/Jakarta");
    expect(timeline.bucketSeconds).toBe(1);
    expect(timeline.buckets).toHaveLength(51);
    expect(timeline.buckets[0]!.start).toEqual(base);
    expect(timeline.buckets[0]!.end).toEqual(new Date(base.getTime() + 1000));
    expect(timeline.buckets.at(-1)!.start).toEqual(new Date(base.getTime() + 50_000));
    const at = (s: number) => {
      const { sent, delivered, read, replied, failed } = timeline.buckets[s]!;
      return { sent, delivered, read, replied, failed };
    };
    expect(at(0)).toEqual({ sent: 1, delivered: 0, read: 0, replied: 0, failed: 0 });
    expect(at(4)).toEqual({ sent: 3, delivered: 1, read: 0, replied: 0, failed: 1 });
    expect(at(9)).toEqual({ sent: 3, delivered: 2, read: 0, replied: 0, failed: 1 });
    expect(at(10)).toEqual({ sent: 2, delivered: 2, read: 0, replied: 0, failed: 2 });
    expect(at(50)).toEqual({ sent: 3, delivered: 3, read: 2, replied: 1, failed: 2 });
    // Every second is there, quiet ones included, and no line ever goes down but sent on a failure.
    for (let s = 11; s < 20; s++) expect(at(s)).toEqual(at(10));
  });

  it("gives a day-long campaign half hours, and a fortnight's reads half days aligned on the workspace's midnight", async () => {
    const A = await createTenant("A");
    const base = new Date("2026-03-10T01:10:00.000Z"); // 08:10 in Jakarta
    const day = await seed(A, base, [
      { status: "delivered", sentAt: 0, deliveredAt: 60 },
      { status: "read", sentAt: 5, deliveredAt: 65, readAt: 20 * 3600 },
    ]);
    const timeline = await campaignTimeline(A.owner.ctx, day.id);
    expect(timeline.bucketSeconds).toBe(1800);
    const local = (d: Date) => d.getTime() / 1000 + 7 * 3600;
    expect(timeline.bucketSeconds).toBe(bucketWidthSeconds(local(base), local(base) + 20 * 3600));
    expect(timeline.buckets[0]!.start).toEqual(new Date("2026-03-10T01:00:00.000Z")); // 08:00 there
    expect(timeline.buckets).toHaveLength(41); // 08:00 … 04:00 the next day
    expect(timeline.buckets.at(-1)).toMatchObject({ sent: 2, delivered: 2, read: 1, replied: 0, failed: 0 });

    // Half an hour off UTC: half days start at 00:00 and 12:00 in Kolkata, 18:30 and 06:30 UTC.
    await prisma.workspace.update({ where: { id: A.workspace.id }, data: { timezone: "Asia/Kolkata" } });
    const fortnight = await seed(A, new Date("2026-03-10T00:00:00.000Z"), [
      { status: "read", sentAt: 0, deliveredAt: 10, readAt: 15 * 86_400 },
    ]);
    const long = await campaignTimeline(A.owner.ctx, fortnight.id);
    expect(long.timeZone).toBe("Asia/Kolkata");
    expect(long.bucketSeconds).toBe(12 * 3600);
    expect(long.buckets[0]!.start).toEqual(new Date("2026-03-09T18:30:00.000Z"));
    expect(long.buckets).toHaveLength(31);
    expect(long.buckets.at(-2)).toMatchObject({ sent: 1, delivered: 1, read: 0 });
    expect(long.buckets.at(-1)).toMatchObject({ sent: 1, delivered: 1, read: 1 });
  });

  it("has no buckets before the first send", async () => {
    const A = await createTenant("A");
    const campaign = await seed(A, new Date(), [{ status: "queued" }, { status: "queued" }]);
    expect(await campaignTimeline(A.agent.ctx, campaign.id)).toEqual({ bucketSeconds: null, timeZone: "Asia/Jakarta", buckets: [] });
  });
});
