/**
 * The file name an attachment keeps (shown to the customer for documents, offered on download):
 * the browser's name without any folder, control characters, quotes or slashes, at most 200
 * characters, and with the extension of what the file really is (a converted image becomes
 * ".jpg"; a PNG named "scan.pdf" becomes "scan.png"; plain text keeps .csv, .md and the like).
 */
import { extensionFor } from "@/lib/storage";

const MAX_LENGTH = 200;
/** Plain-text formats sent as text/plain that keep their own extension (a CSV stays .csv). */
const TEXT_EXTENSIONS = new Set(["txt", "csv", "tsv", "log", "md", "json", "ics", "vcf"]);

export function attachmentFilename(given: string | null | undefined, mimeType: string): string {
  const givenExtension = (given ?? "").toLowerCase().match(/\.([a-z0-9]{1,8})$/)?.[1] ?? "";
  const extension = mimeType === "text/plain" && TEXT_EXTENSIONS.has(givenExtension) ? givenExtension : extensionFor(mimeType);
  const base = (given ?? "").split(/[\\/]/).pop() ?? "";
  let stem = base
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const dot = stem.lastIndexOf(".");
  if (dot >= 0) stem = stem.slice(0, dot);
  stem =
    stem
      .replace(/^[.\s]+/, "")
      .slice(0, MAX_LENGTH - extension.length - 1)
      .trim() || "attachment";
  return extension === "bin" ? stem : `${stem}.${extension}`;
}
