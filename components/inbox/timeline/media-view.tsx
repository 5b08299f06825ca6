"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { formatFileSize } from "./file-size";
import { TimelineIcon } from "./icons";
import type { ViewMedia } from "./types";

const mediaUrl = (id: string, thumbnail = false) => `/api/media/${encodeURIComponent(id)}${thumbnail ? "?variant=thumbnail" : ""}`;

function Thumbnail({ media, alt, sticker }: { media: ViewMedia; alt: string; sticker?: boolean }) {
  // Not every image has a thumbnail (small ones, stickers): fall back to the original.
  const [src, setSrc] = useState(sticker ? mediaUrl(media.id) : mediaUrl(media.id, true));
  const image = (
    // eslint-disable-next-line @next/next/no-img-element -- served by our own authenticated route; next/image cannot forward the session
    <img
      src={src}
      alt={alt}
      loading="lazy"
      onError={() => setSrc((current) => (current === mediaUrl(media.id) ? current : mediaUrl(media.id)))}
      className={sticker ? "size-32 object-contain" : "max-h-72 w-full max-w-xs rounded-md object-cover"}
    />
  );
  if (sticker) return image;
  return (
    <a href={mediaUrl(media.id)} target="_blank" rel="noopener" className="block" aria-label={alt}>
      {image}
    </a>
  );
}

export function DocumentLink({ media, fallbackName }: { media: ViewMedia; fallbackName: string }) {
  const t = useTranslations("inboxTimeline.media");
  const locale = useLocale();
  const name = media.filename ?? fallbackName;
  return (
    <a
      href={mediaUrl(media.id)}
      download={name}
      className="flex max-w-xs items-center gap-3 rounded-md bg-black/5 p-2 hover:bg-black/10 dark:bg-white/5 dark:hover:bg-white/10"
      aria-label={t("download", { name })}
    >
      <TimelineIcon name="file" className="size-8 shrink-0 text-zinc-500" />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm font-medium">{name}</span>
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">
          {[media.size !== null ? formatFileSize(media.size, locale) : null, media.mimeType].filter(Boolean).join(" · ")}
        </span>
      </span>
      <TimelineIcon name="download" className="size-5 shrink-0 text-zinc-500" />
    </a>
  );
}

/**
 * A photo, video, voice note, document or sticker in its current state: downloading, stored
 * (previewed / playable / downloadable), unavailable (Meta's copy could not be fetched: reason and
 * a retry), or removed by the workspace's retention.
 */
export function MediaView({ kind, media, onRetryDownload }: { kind: string; media: ViewMedia; onRetryDownload: (mediaId: string) => Promise<void> }) {
  const t = useTranslations("inboxTimeline.media");
  const [retrying, setRetrying] = useState(false);

  if (media.status === "pending") {
    return (
      <p className="flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400" role="status">
        <span className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />
        {t("downloading")}
      </p>
    );
  }
  if (media.status === "deleted") return <p className="text-sm text-zinc-500 italic dark:text-zinc-400">{t("deleted")}</p>;
  if (media.status === "unavailable") {
    return (
      <div className="space-y-2 text-sm">
        <p className="text-zinc-600 dark:text-zinc-300">{t("unavailable")}</p>
        {media.error && <p className="text-xs break-words text-zinc-500 dark:text-zinc-400">{media.error}</p>}
        <Button
          size="sm"
          variant="secondary"
          pending={retrying}
          onClick={async () => {
            setRetrying(true);
            try {
              await onRetryDownload(media.id);
            } finally {
              setRetrying(false);
            }
          }}
        >
          <TimelineIcon name="refresh" />
          {t("retryDownload")}
        </Button>
      </div>
    );
  }

  switch (kind) {
    case "image":
      return <Thumbnail media={media} alt={t("image")} />;
    case "sticker":
      return <Thumbnail media={media} alt={t("sticker")} sticker />;
    case "video":
      return (
        <div className="space-y-1">
          <video controls preload="metadata" src={mediaUrl(media.id)} className="max-h-72 w-full max-w-xs rounded-md bg-black" aria-label={t("video")} />
          <a href={mediaUrl(media.id)} target="_blank" rel="noopener" className="text-xs text-sky-700 underline dark:text-sky-300">
            {t("openFull")}
          </a>
        </div>
      );
    case "audio":
      return <audio controls preload="metadata" src={mediaUrl(media.id)} className="w-64 max-w-full" aria-label={t("audio")} />;
    default:
      return <DocumentLink media={media} fallbackName={t("document")} />;
  }
}
