import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_STORAGE_DIR, StorageConfigError, storageFromEnv } from "./index";

describe("storageFromEnv", () => {
  it("is the disk under .data/storage with nothing set", () => {
    const storage = storageFromEnv({});
    expect(storage).toMatchObject({ driver: "disk", redirectDownloads: false });
    expect(DEFAULT_STORAGE_DIR).toBe(".data/storage");
  });

  it("is the disk under STORAGE_DIR when set", () => {
    expect(storageFromEnv({ STORAGE_DIR: path.join("/tmp", "parley-media") }).driver).toBe("disk");
  });

  it("is S3 as soon as S3_BUCKET is set, with or without an endpoint and keys", () => {
    expect(storageFromEnv({ S3_BUCKET: "media", S3_REGION: "eu-west-1" })).toMatchObject({ driver: "s3", redirectDownloads: true });
    expect(
      storageFromEnv({
        S3_BUCKET: "media",
        S3_REGION: "auto",
        S3_ENDPOINT: "https://acc.r2.cloudflarestorage.com",
        S3_ACCESS_KEY_ID: "k",
        S3_SECRET_ACCESS_KEY: "s",
      }).driver,
    ).toBe("s3");
  });

  it("refuses the disk on Vercel, saying what to set", () => {
    const attempt = () => storageFromEnv({ VERCEL: "1" });
    expect(attempt).toThrow(StorageConfigError);
    expect(attempt).toThrow("Vercel's disk does not persist: set S3_BUCKET");
    expect(() => storageFromEnv({ VERCEL: "1", STORAGE_DIR: "/tmp/x" })).toThrow(StorageConfigError);
  });

  it("runs on Vercel with S3", () => {
    expect(storageFromEnv({ VERCEL: "1", S3_BUCKET: "media", S3_REGION: "us-east-1" }).driver).toBe("s3");
  });

  it("refuses half an S3 configuration rather than silently using the disk", () => {
    expect(() => storageFromEnv({ S3_ENDPOINT: "http://127.0.0.1:9000" })).toThrow("S3_ENDPOINT is set but S3_BUCKET is not");
    expect(() => storageFromEnv({ S3_BUCKET: "media", S3_ACCESS_KEY_ID: "k" })).toThrow("S3_SECRET_ACCESS_KEY");
  });
});
