/** GET: a campaign's recipients as a streamed CSV download (any member). */
import { csvDownload } from "@/lib/http/csv-download";
import { withWorkspace } from "@/lib/http/route";
import { exportCampaignRecipients } from "@/lib/services/campaigns/export-recipients";

export const dynamic = "force-dynamic";

export const GET = withWorkspace<{ slug: string; campaignId: string }>(
  async ({ ctx, params }) => {
    return csvDownload(await exportCampaignRecipients(ctx, params.campaignId.slice(0, 64)));
  },
  { slug: (params) => params.slug, permission: "campaign:view" },
);
