/** GET: a campaign's recipients as a streamed CSV download (any member). */
import { withWorkspace } from "@/lib/http/route";
import { exportCampaignRecipients } from "@/lib/services/campaigns/export-recipients";

export const dynamic = "force-dynamic";

export const GET = withWorkspace<{ slug: string; campaignId: string }>(
  async ({ ctx, params }) => {
    const { filename, total, chunks } = await exportCampaignRecipients(ctx, params.campaignId.slice(0, 64));
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store", "x-total-count": String(total) },
    });
  },
  { slug: (params) => params.slug, permission: "campaign:view" },
);
