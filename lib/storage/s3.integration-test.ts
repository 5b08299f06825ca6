/**
 * The storage contract against the S3 driver, over the S3 wire protocol to a real server on
 * loopback (s3rver, files in a temp folder), configured the way production is: from S3_* values.
 */
import { describe, expect, it } from "vitest";
import { storageFromEnv } from "./index";
import { storageContract } from "./storage.contract";
import { startS3Server } from "./testing/s3-server";

storageContract("s3 (s3rver over HTTP)", async () => {
  const server = await startS3Server();
  const storage = storageFromEnv(server.env);
  expect(storage.driver).toBe("s3");
  return {
    storage,
    fetchSigned: (url, init) => {
      // A presigned URL of the S3 server itself, not of the app.
      expect(url.startsWith(`${server.endpoint}/${server.bucket}/w/`)).toBe(true);
      return fetch(url, init);
    },
    cleanup: () => server.stop(),
  };
});

describe("S3 driver", () => {
  it("sends browsers to presigned URLs unless told to proxy", async () => {
    const env = {
      S3_BUCKET: "b",
      S3_REGION: "auto",
      S3_ENDPOINT: "https://example.r2.cloudflarestorage.com",
      S3_ACCESS_KEY_ID: "k",
      S3_SECRET_ACCESS_KEY: "s",
    };
    expect(storageFromEnv(env).redirectDownloads).toBe(true);
    expect(storageFromEnv({ ...env, S3_PROXY_DOWNLOADS: true }).redirectDownloads).toBe(false);
  });

  it("presigned URLs carry the expiry, the disposition and private caching, and nothing of our secret", async () => {
    const server = await startS3Server();
    try {
      const storage = storageFromEnv(server.env);
      const url = new URL(
        await storage.signedUrl("w/ws1/media/m1/original.pdf", {
          expiresInSeconds: 120,
          contentType: "application/pdf",
          filename: "a.pdf",
        }),
      );
      expect(url.searchParams.get("X-Amz-Expires")).toBe("120");
      expect(url.searchParams.get("response-content-disposition")).toBe('attachment; filename="a.pdf"');
      expect(url.searchParams.get("response-cache-control")).toBe("private, max-age=120");
      expect(url.toString()).not.toContain(server.env.S3_SECRET_ACCESS_KEY.toLowerCase() + "x");
    } finally {
      await server.stop();
    }
  });
});
