/**
 * Image thumbnails for lists and chat bubbles: at most 320 px on the longer side, WebP, EXIF
 * orientation applied, made once when the original is stored. Photos only (JPEG, PNG): stickers
 * are small WebP files a browser shows as they are, and other media have no picture to shrink.
 */
import sharp from "sharp";
import { baseMimeType } from "@/lib/whatsapp/media/limits";

export const THUMBNAIL_MAX_PX = 320;
export const THUMBNAIL_MIME_TYPE = "image/webp";
export const THUMBNAIL_EXTENSION = "webp";
/** sharp refuses larger images (decompression bombs): 50 megapixels. */
export const MAX_INPUT_PIXELS = 50_000_000;

const PHOTO_TYPES = new Set(["image/jpeg", "image/png"]);

export function wantsThumbnail(mimeType: string): boolean {
  return PHOTO_TYPES.has(baseMimeType(mimeType));
}

/** The thumbnail's bytes; null when sharp cannot read the image (the original is kept regardless). */
export async function makeThumbnail(bytes: Buffer): Promise<Buffer | null> {
  try {
    return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(THUMBNAIL_MAX_PX, THUMBNAIL_MAX_PX, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  } catch {
    return null;
  }
}
