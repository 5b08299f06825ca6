/**
 * GET: the contacts of the table's current view (`?filter=`, the filter as base64url JSON) or of a
 * segment (`?segment=`) as a streamed CSV download. `X-Total-Count` says how many rows will come,
 * so the page can show a progress bar while it reads. Owners and admins (contact:export).
 */
import { csvDownload } from "@/lib/http/csv-download";
import { withWorkspace } from "@/lib/http/route";
import { Invalid } from "@/lib/errors";
import { contactFilterSchema } from "@/lib/services/contacts/filter/schema";
import { decodeFilterParam } from "@/lib/services/contacts/filter/url";
import { filterWhere } from "@/lib/services/contacts/filter/to-where";
import { workspaceFilterContext } from "@/lib/services/contacts/filter/context";
import { segmentWhere } from "@/lib/services/contacts/segments";
import { exportContacts } from "@/lib/services/contacts/export-contacts";

export const dynamic = "force-dynamic";

export const GET = withWorkspace<{ slug: string }>(
  async ({ ctx, request }) => {
    const params = new URL(request.url).searchParams;
    const segment = params.get("segment");
    let where;
    if (segment) where = await segmentWhere(ctx, segment.slice(0, 64));
    else {
      const filter = contactFilterSchema.safeParse(decodeFilterParam(params.get("filter")));
      if (!filter.success) throw Invalid("filterInvalid", { field: "filter" });
      where = filterWhere(filter.data, await workspaceFilterContext(ctx));
    }
    return csvDownload(await exportContacts(ctx, where));
  },
  { slug: (params) => params.slug, permission: "contact:export" },
);
