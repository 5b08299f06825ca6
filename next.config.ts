import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
import path from "node:path";
import { assertProductionEnv } from "./lib/env";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Without this, Turbopack may take a parent folder with a package.json as the root (STACK.md).
  turbopack: { root: path.resolve(__dirname) },
  serverExternalPackages: ["@node-rs/argon2", "pg", "@electric-sql/pglite"],
  poweredByHeader: false,
  experimental: {
    // The composer uploads attachments through a server action (uploadAttachmentAction): Meta's
    // largest media is a 100 MB document, plus the multipart envelope. Both limits apply, since
    // middleware.ts buffers the body of the requests it matches.
    serverActions: { bodySizeLimit: "101mb" },
    proxyClientMaxBodySize: "101mb",
  },
};

export default function config(phase: string): NextConfig {
  // `next start`: refuse to run without the production secrets, before serving anything.
  // (On Vercel, where this file is not evaluated at run time, instrumentation.ts does the same.)
  if (phase === PHASE_PRODUCTION_SERVER) {
    try {
      assertProductionEnv();
    } catch (error) {
      console.error(`\n${(error as Error).message}\n`);
      process.exit(1);
    }
  }
  return withNextIntl(nextConfig);
}
