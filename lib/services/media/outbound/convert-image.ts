/**
 * Images Meta will not take as an image message (WebP fails with 131053; GIF, BMP, TIFF, HEIC,
 * AVIF are not on its list) become JPEG: EXIF orientation applied, transparency on white, the
 * first frame of an animation, at most 4096 px a side — and smaller if that is still over the
 * limit. Only what sharp's bundled libvips can decode converts (its prebuilt binary reads AVIF but
 * not HEVC-coded HEIC, nor BMP); anything else is refused by the caller.
 */
import sharp from "sharp";
import { MAX_INPUT_PIXELS } from "../thumbnail";

export const CONVERTIBLE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  "image/webp",
  "image/gif",
  "image/tiff",
  "image/bmp",
  "image/heic",
  "image/avif",
]);

const STEPS = [
  { maxPx: 4096, quality: 85 },
  { maxPx: 2048, quality: 80 },
  { maxPx: 1600, quality: 75 },
] as const;

/** JPEG bytes within `maxBytes`; null when sharp cannot read the image or no step fits. */
export async function convertToJpeg(bytes: Buffer, maxBytes: number): Promise<Buffer | null> {
  for (const step of STEPS) {
    let jpeg: Buffer;
    try {
      jpeg = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
        .rotate()
        .resize(step.maxPx, step.maxPx, { fit: "inside", withoutEnlargement: true })
        .flatten({ background: "#ffffff" })
        .jpeg({ quality: step.quality, mozjpeg: true })
        .toBuffer();
    } catch {
      return null;
    }
    if (jpeg.length <= maxBytes) return jpeg;
  }
  return null;
}

/** True when sharp decodes the image's header as the format the magic number said. */
export async function isReadableImage(bytes: Buffer, format: "jpeg" | "png"): Promise<boolean> {
  try {
    const metadata = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    return metadata.format === format && (metadata.width ?? 0) > 0 && (metadata.height ?? 0) > 0;
  } catch {
    return false;
  }
}
