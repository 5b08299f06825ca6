/** An upload's bytes from a Buffer, a web stream or a Node stream, never more than `maxBytes` read. */
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";

export type MediaInput = Uint8Array | ReadableStream<Uint8Array> | Readable;

/** The bytes, or null as soon as the input passes `maxBytes` (the rest is not read). */
export async function readLimited(input: MediaInput, maxBytes: number): Promise<Buffer | null> {
  if (input instanceof Uint8Array)
    return input.byteLength > maxBytes ? null : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const stream = input instanceof Readable ? input : Readable.fromWeb(input as NodeWebStream<Uint8Array>);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > maxBytes) return null;
      chunks.push(buffer);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, size);
}
