"use server";

/** "Retry failed": requeues the retryable failures in a new run (managers). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { retryFailedRecipients } from "@/lib/services/campaigns/retry-failed";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId } from "./input";

export const retryFailedRecipientsAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, campaignId }))
  .action(async ({ parsedInput, ctx }) => retryFailedRecipients(ctx.workspace, parsedInput.campaignId));
