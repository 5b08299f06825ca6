/**
 * A header sample for the builder (image, video or document headers, carousel cards): checked
 * against Meta's sample limits (lib/templates/limits.ts), then uploaded through Meta's Resumable
 * Upload API to the app's uploads (META_APP_ID, see lib/whatsapp/templates/app-id.ts). The handle
 * goes into the draft's `sample`, and from there into `example.header_handle`.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { AppError, Invalid } from "@/lib/errors";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import { connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import type { MediaFormat, TemplateSample } from "@/lib/templates/draft";
import { TEMPLATE_SAMPLE_LIMITS } from "@/lib/templates/limits";
import { metaAppId } from "@/lib/whatsapp/templates/app-id";
import { keepSampleCopy } from "./keep-sample-copy";
import { classifyTemplateCallError } from "./meta-refusal";

export interface SampleInput {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** The header format the sample is for; without it, any format whose types include the file's. */
  format?: MediaFormat;
}

function formatFor(mimeType: string): MediaFormat | undefined {
  return (Object.keys(TEMPLATE_SAMPLE_LIMITS) as MediaFormat[]).find((format) =>
    TEMPLATE_SAMPLE_LIMITS[format].mimeTypes.includes(mimeType),
  );
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export async function uploadTemplateSample(ctx: WorkspaceContext, input: SampleInput): Promise<TemplateSample> {
  authorize(ctx, "template:manage");
  const mimeType = input.mimeType.split(";")[0]!.trim().toLowerCase();
  const format = input.format ?? formatFor(mimeType);
  const limits = format ? TEMPLATE_SAMPLE_LIMITS[format] : undefined;
  if (!format || !limits || !limits.mimeTypes.includes(mimeType)) {
    const types = (
      format ? TEMPLATE_SAMPLE_LIMITS[format].mimeTypes : Object.values(TEMPLATE_SAMPLE_LIMITS).flatMap((l) => l.mimeTypes)
    ).join(", ");
    throw Invalid("templateSampleType", { field: "file", params: { format: format ?? "ANY", types } });
  }
  if (input.bytes.byteLength === 0) throw Invalid("mediaEmpty", { field: "file" });
  if (input.bytes.byteLength > limits.maxBytes)
    throw Invalid("templateSampleTooLarge", { field: "file", params: { max: megabytes(limits.maxBytes) } });

  const appId = metaAppId();
  if (!appId) throw new AppError("invalid", "templateSampleNoApp");
  const connection = await connectionForWorkspace(ctx.workspaceId);
  if (!connection) throw Invalid("notConnected");
  const fileName =
    input.fileName
      .replace(/[\r\n]/g, " ")
      .trim()
      .slice(0, 255) || "sample";
  try {
    const { handle } = await clientForConnection(connection).uploadSample({ appId, fileName, mimeType, bytes: input.bytes });
    const mediaUploadId = await keepSampleCopy(ctx, { bytes: Buffer.from(input.bytes), mimeType, fileName });
    return { handle, fileName, mimeType, size: input.bytes.byteLength, ...(mediaUploadId ? { mediaUploadId } : {}) };
  } catch (error) {
    throw classifyTemplateCallError(error).error;
  }
}
