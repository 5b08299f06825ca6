/**
 * Content-Disposition for media: inline for what a browser shows safely in a page (raster images,
 * audio, video), attachment for everything else (documents, and anything a browser could run as
 * a page, such as SVG or HTML). Filenames follow RFC 6266 with the RFC 5987 `filename*` form for
 * anything beyond plain ASCII.
 */
export type Disposition = "inline" | "attachment";

const INLINE_IMAGES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"]);

export function dispositionFor(mimeType: string | null | undefined): Disposition {
  const base = (mimeType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (INLINE_IMAGES.has(base) || /^(audio|video)\/[\w.+-]+$/.test(base)) return "inline";
  return "attachment";
}

// Control characters, and path separators a browser would strip anyway.
const UNSAFE = /[\u0000-\u001f\u007f/\\]/g;

/** RFC 5987 ext-value characters: percent-encode all but attr-char. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(disposition: Disposition, filename?: string | null): string {
  const name = (filename ?? "").replace(UNSAFE, "_").trim().slice(0, 200);
  if (!name) return disposition;
  // The quoted fallback for old clients: printable ASCII without quote, backslash or percent.
  const fallback = name.replace(/[^\x20-\x7e]|["%]/g, "_");
  if (fallback === name) return `${disposition}; filename="${name}"`;
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
