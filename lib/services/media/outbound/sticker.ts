/**
 * WhatsApp stickers are WebP pictures of exactly 512 × 512 px: at most 100 KB when static, 500 KB
 * when animated (Meta's media limits). An agent's WebP that fits goes out as a sticker; any other
 * WebP is a picture, converted to JPEG (convert-image.ts), because Meta refuses WebP images.
 */
import sharp, { type Metadata } from "sharp";
import { MAX_INPUT_PIXELS } from "../thumbnail";

export const STICKER_SIDE_PX = 512;
export const STATIC_STICKER_MAX_BYTES = 100 * 1024;
export const ANIMATED_STICKER_MAX_BYTES = 500 * 1024;

export async function isSticker(bytes: Buffer): Promise<boolean> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: true }).metadata();
  } catch {
    return false;
  }
  if (meta.format !== "webp") return false;
  const animated = (meta.pages ?? 1) > 1;
  // For an animation sharp reports the height of all frames stacked; pageHeight is one frame's.
  const height = animated ? meta.pageHeight : meta.height;
  if (meta.width !== STICKER_SIDE_PX || height !== STICKER_SIDE_PX) return false;
  return bytes.length <= (animated ? ANIMATED_STICKER_MAX_BYTES : STATIC_STICKER_MAX_BYTES);
}
