import { StorageRangeError } from "./errors";
import type { ByteRange } from "./types";

function assertOffset(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/** Checks a range's shape (programming errors throw RangeError). */
export function assertByteRange(range: ByteRange): void {
  if ("suffix" in range) {
    assertOffset(range.suffix, "suffix");
    if (range.suffix === 0) throw new RangeError("suffix must be at least 1");
    return;
  }
  assertOffset(range.start, "start");
  if (range.end !== undefined) {
    assertOffset(range.end, "end");
    if (range.end < range.start) throw new RangeError(`end (${range.end}) is before start (${range.start})`);
  }
}

/** The inclusive offsets `range` covers in an object of `size` bytes; StorageRangeError when none. */
export function resolveRange(range: ByteRange, size: number): { start: number; end: number } {
  assertByteRange(range);
  if (size === 0) throw new StorageRangeError(size);
  if ("suffix" in range) return { start: Math.max(0, size - range.suffix), end: size - 1 };
  if (range.start >= size) throw new StorageRangeError(size);
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}
