"use server";

/**
 * A header sample for the builder (owners and admins): the File travels inside the action's
 * arguments (React serialises it as multipart), is checked against Meta's sample limits and
 * uploaded to Meta; the answer ({ handle, fileName, mimeType, size }) goes into the draft's `sample`.
 */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { uploadTemplateSample } from "@/lib/services/templates/upload-sample";
import { MEDIA_FORMATS } from "@/lib/templates/draft";
import { TEMPLATE_SAMPLE_LIMITS } from "@/lib/templates/limits";
import { slugParam } from "@/lib/validation/workspace";

const MAX_SAMPLE_BYTES = Math.max(...Object.values(TEMPLATE_SAMPLE_LIMITS).map((limit) => limit.maxBytes));

export const uploadTemplateSampleAction = workspaceAction
  .inputSchema(
    z.object({
      slug: slugParam,
      format: z.enum(MEDIA_FORMATS).optional(),
      file: z
        .instanceof(File, { message: "fileRequired" })
        .refine((file) => file.size > 0, "fileRequired")
        .refine((file) => file.size <= MAX_SAMPLE_BYTES, "fileTooLarge"),
    }),
  )
  .action(async ({ parsedInput: { file, format }, ctx }) =>
    uploadTemplateSample(ctx.workspace, {
      fileName: file.name,
      mimeType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
      format,
    }),
  );
