/**
 * A real S3-protocol server on loopback for tests (s3rver: files in a temp folder), with one
 * bucket: the S3 driver is tested over the wire, never against a mock. s3rver accepts the
 * access key "S3RVER" with secret "S3RVER" and checks signatures and presigned-URL expiry.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { StorageEnv } from "../index";

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** What lib/env would hold to point Parley at this server. */
  env: Required<Pick<StorageEnv, "S3_ENDPOINT" | "S3_REGION" | "S3_BUCKET" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY">> & {
    S3_FORCE_PATH_STYLE: true;
  };
  stop(): Promise<void>;
}

export async function startS3Server(bucket = "parley-test"): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), "parley-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: true,
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
