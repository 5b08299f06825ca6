"use server";

/** Settings → Consent: the workspace's opt-out and opt-in keyword lists. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { updateConsentKeywords } from "@/lib/services/contacts/consent-settings";
import { slugParam } from "@/lib/validation/workspace";

// Shapes only: the service normalises and checks the keywords, and names the list it refuses.
const keywords = z.array(z.string().max(1_000)).max(1_000);

export const updateConsentKeywordsAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, optOut: keywords, optIn: keywords }))
  .action(async ({ parsedInput: { slug, ...input }, ctx }) => {
    const settings = await updateConsentKeywords(ctx.workspace, input);
    revalidatePath(`/w/${slug}/settings/consent`);
    return settings;
  });
