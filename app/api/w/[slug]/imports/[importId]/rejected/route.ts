/**
 * GET: the rows an import refused, as a CSV download (the file's columns, the row number and the
 * reason in the caller's language). Owners and admins of the workspace (contact:import).
 */
import { getTranslations } from "next-intl/server";
import { withWorkspace } from "@/lib/http/route";
import { rejectedRowsCsv } from "@/lib/services/contacts/import/rejected-rows";

export const dynamic = "force-dynamic";

export const GET = withWorkspace<{ slug: string; importId: string }>(
  async ({ ctx, params }) => {
    const [t, errors] = await Promise.all([getTranslations("contactsImport"), getTranslations("errors")]);
    const { filename, csv } = await rejectedRowsCsv(ctx, params.importId, {
      row: t("rejectedRow"),
      reason: t("rejectedReason"),
      message: (key) => (errors.has(key) ? errors(key) : key),
    });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        "cache-control": "no-store",
      },
    });
  },
  { slug: (params) => params.slug, permission: "contact:import" },
);
