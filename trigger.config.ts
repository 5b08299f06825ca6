/**
 * Trigger.dev's project configuration, for `npx trigger.dev deploy` (trigger/README.md): the tasks
 * of trigger/, the retry defaults every task starts from (lib/jobs/define.ts), and Prisma 7's
 * generated client (lib/generated/prisma, made by `npm install`'s postinstall) bundled as is.
 */
import { prismaExtension } from "@trigger.dev/build/extensions/prisma";
import { defineConfig } from "@trigger.dev/sdk";
import { DEFAULT_RETRY } from "./lib/jobs/define";
import { env } from "./lib/env";

export default defineConfig({
  // Deploying without a project names none: the CLI then refuses with its own message.
  project: env.TRIGGER_PROJECT_REF ?? "",
  dirs: ["./trigger"],
  // The longest any task may run unless it says otherwise (seconds).
  maxDuration: 3_600,
  retries: {
    enabledInDev: true,
    default: { ...DEFAULT_RETRY, randomize: true },
  },
  build: {
    extensions: [prismaExtension({ mode: "modern" })],
  },
});
