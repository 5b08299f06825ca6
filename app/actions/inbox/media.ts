"use server";

/**
 * "Try again" on a customer's photo, video or document we could not download: the timeline's
 * retry button. The service checks the workspace and the media's state (lib/services/media).
 */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { slugParam } from "@/lib/validation/workspace";
import { retryMediaDownload } from "@/lib/services/media/retry-media-download";

export const retryMediaDownloadAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, mediaId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    const state = await retryMediaDownload(ctx.workspace, parsedInput.mediaId);
    return { id: state.id, status: state.status, error: state.error };
  });
