/**
 * What the storage layer throws besides I/O errors. Plain errors, not AppErrors: a bad key or a
 * misconfiguration is a bug or an operator's mistake, and the edges decide what a user sees.
 */

/** A key outside the rules of keys.ts (not under `w/<workspaceId>/`, `..`, absolute, odd characters). */
export class StorageKeyError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Refused storage key ${JSON.stringify(key.slice(0, 200))}: ${reason}`);
    this.name = "StorageKeyError";
  }
}

/** A byte range that starts past the end of the object (HTTP 416); `size` is the object's size. */
export class StorageRangeError extends Error {
  constructor(readonly size: number) {
    super(`Range not satisfiable for an object of ${size} bytes`);
    this.name = "StorageRangeError";
  }
}

/** The bytes written were not the bytes announced (`contentLength`); nothing was stored. */
export class StorageSizeError extends Error {
  constructor(
    readonly expected: number,
    readonly received: number,
  ) {
    super(`Expected ${expected} bytes, received ${received > expected ? "more" : received}; nothing was stored`);
    this.name = "StorageSizeError";
  }
}

/** The environment picks a driver that cannot work here (disk on Vercel, half an S3 config). */
export class StorageConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageConfigError";
  }
}
