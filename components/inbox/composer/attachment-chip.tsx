import { useLocale, useTranslations } from "next-intl";
import { formatFileSize } from "@/components/inbox/timeline/file-size";
import { TimelineIcon } from "@/components/inbox/timeline/icons";

export interface AttachmentState {
  file: File;
  /** Object URL for an image preview. */
  previewUrl: string | null;
  status: "uploading" | "ready" | "failed";
  mediaUploadId?: string;
  kind?: "image" | "video" | "audio" | "document" | "sticker";
  error?: string;
}

/** The chosen file before it is sent: preview or name, size, upload state, remove. */
export function AttachmentChip({ attachment, onRemove }: { attachment: AttachmentState; onRemove: () => void }) {
  const t = useTranslations("inboxComposer.attachment");
  const locale = useLocale();
  return (
    <div className="flex items-center gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-700 dark:bg-zinc-800/60">
      {attachment.previewUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- a local object URL
        <img src={attachment.previewUrl} alt="" className="size-12 rounded object-cover" />
      ) : (
        <TimelineIcon name="file" className="size-10 text-zinc-500" />
      )}
      <div className="min-w-0 flex-1 text-sm">
        <p className="truncate font-medium">{attachment.file.name}</p>
        <p className={`text-xs ${attachment.status === "failed" ? "text-red-600 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"}`} role={attachment.status === "failed" ? "alert" : "status"}>
          {attachment.status === "uploading" ? t("uploading") : attachment.status === "failed" ? (attachment.error ?? t("failed")) : formatFileSize(attachment.file.size, locale)}
        </p>
      </div>
      <button type="button" onClick={onRemove} className="rounded p-1 hover:bg-zinc-200 dark:hover:bg-zinc-700" aria-label={t("remove")} title={t("remove")}>
        <TimelineIcon name="x" />
      </button>
    </div>
  );
}
