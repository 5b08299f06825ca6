"use server";

/** The "preview as" picker: contacts of the audience matching a query (at most 20). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { audienceSchema } from "@/lib/campaigns/audience";
import { searchAudienceContacts } from "@/lib/services/campaigns/search-audience-contacts";
import { slugParam } from "@/lib/validation/workspace";

export const searchAudienceContactsAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, audience: audienceSchema, query: z.string().max(100) }))
  .action(async ({ parsedInput, ctx }) => searchAudienceContacts(ctx.workspace, { audience: parsedInput.audience, query: parsedInput.query }));
