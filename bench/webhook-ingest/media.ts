/**
 * Customer photos for the image messages: a few JPEGs of a phone photo's size (1280×960, ~270 KB),
 * uploaded to the emulator, whose media ids (with Meta's base64 sha256) the deliveries carry. The
 * app then downloads, checks, stores and thumbnails them after processing, as it does Meta's.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { EmulatorPhoneNumber } from "@/local/whatsapp-emulator/types";
import { fetchWithin } from "./servers";

export interface UploadedImage {
  id: string;
  /** As Meta's webhook carries it: base64 of the SHA-256 digest. */
  sha256: string;
  mimeType: string;
}

const WIDTH = 1280;
const HEIGHT = 960;

/** A photo-like JPEG (gradients and grain, so it compresses like a photo), different per seed. */
async function photo(seed: number): Promise<Buffer> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  let state = seed * 7919 + 1;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      const i = (y * WIDTH + x) * 3;
      raw[i] = ((x * 255) / WIDTH + (state & 31) + seed * 13) & 255;
      raw[i + 1] = ((y * 255) / HEIGHT + ((state >> 5) & 31)) & 255;
      raw[i + 2] = (x + y + seed * 29) & 255;
    }
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export async function uploadImages(emulatorUrl: string, phone: EmulatorPhoneNumber, count: number): Promise<UploadedImage[]> {
  const images: UploadedImage[] = [];
  for (let seed = 0; seed < count; seed++) {
    const bytes = await photo(seed);
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", "image/jpeg");
    form.set("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), `photo-${seed}.jpg`);
    const response = await fetchWithin(
      `${emulatorUrl}/v23.0/${phone.phoneNumberId}/media`,
      { method: "POST", headers: { authorization: `Bearer ${phone.accessToken}` }, body: form },
      10_000,
    );
    const answer = JSON.parse(response.body.toString("utf8")) as { id?: string };
    if (response.status !== 200 || !answer.id)
      throw new Error(`the emulator refused a media upload (${response.status}): ${response.body.toString("utf8")}`);
    images.push({ id: answer.id, sha256: createHash("sha256").update(bytes).digest("base64"), mimeType: "image/jpeg" });
  }
  return images;
}
