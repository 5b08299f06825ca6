"use server";

/**
 * The builder's "upload a list" (owners and admins): the File travels inside the action's
 * arguments; its numbers become a contact group the audience names (lib/services/campaigns/upload-list.ts).
 */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { LIST_MAX_BYTES, uploadCampaignList } from "@/lib/services/campaigns/upload-list";
import { slugParam } from "@/lib/validation/workspace";

export const uploadCampaignListAction = workspaceAction
  .inputSchema(
    z.object({
      slug: slugParam,
      file: z
        .instanceof(File, { message: "fileRequired" })
        .refine((file) => file.size > 0, "fileRequired")
        .refine((file) => file.size <= LIST_MAX_BYTES, "campaignListFileTooLarge"),
    }),
  )
  .action(async ({ parsedInput: { file }, ctx }) => uploadCampaignList(ctx.workspace, { fileName: file.name, text: await file.text() }));
