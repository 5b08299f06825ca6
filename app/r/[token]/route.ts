/**
 * GET /r/<token>: a campaign's tracked link (public: the recipient is not signed in). The token
 * names the recipient and the link variable; its campaign's mapping holds the destination. The
 * first click sets the recipient's clickedAt and counts once on the campaign, in one transaction
 * (a conditional UPDATE, then the counter); later clicks only redirect. An unknown token is 404.
 */
import { prisma } from "@/lib/db";
import { parseClickToken, storedMapping } from "@/lib/campaigns/mapping";
import { signalCampaignProgress } from "@/lib/services/campaigns/progress";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

export async function GET(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  const parsed = parseClickToken(decodeURIComponent(token));
  if (!parsed) return notFound();
  // System lookup: the token is what names the workspace (unscoped-queries.test.ts says why).
  const recipient = await prisma.campaignRecipient.findUnique({
    where: { id: parsed.recipientId },
    select: { id: true, workspaceId: true, campaignId: true, campaign: { select: { variableMapping: true } } },
  });
  if (!recipient) return notFound();
  const source = storedMapping(recipient.campaign.variableMapping)[parsed.key];
  if (source?.source !== "link") return notFound();
  // Only the first click sets clickedAt (the conditional UPDATE) and counts on the campaign.
  const counted = await prisma.$transaction(async (tx) => {
    const first = await tx.campaignRecipient.updateMany({
      where: { id: recipient.id, workspaceId: recipient.workspaceId, clickedAt: null },
      data: { clickedAt: new Date() },
    });
    if (first.count !== 1) return false;
    await tx.campaign.updateMany({ where: { id: recipient.campaignId, workspaceId: recipient.workspaceId }, data: { clickedCount: { increment: 1 } } });
    return true;
  });
  if (counted) signalCampaignProgress(recipient.workspaceId, recipient.campaignId);
  return new Response(null, { status: 302, headers: { location: source.url, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}
