/**
 * A CSV import (lib/services/contacts/import/run-import.ts), queued by startContactImport with the
 * import's id as idempotency key, one import at a time per workspace. Each batch commits with its
 * resume point, so a retry (after a failure or a killed server) continues where the last one stopped.
 */
import { z } from "zod";
import { defineTask } from "@/lib/jobs/define";
import { markContactImportFailed, runContactImport } from "@/lib/services/contacts/import/run-import";
import { importsQueue } from "./queues";

export const contactImport = defineTask({
  id: "contact-import",
  schema: z.object({ workspaceId: z.string().min(1), importId: z.string().min(1) }),
  queue: importsQueue,
  retry: { maxAttempts: 5, minTimeoutInMs: 5_000, maxTimeoutInMs: 120_000, factor: 2 },
  // A million rows at this machine's pace, with room.
  maxDuration: 1_800,
  run: (payload) => runContactImport(payload),
  onFailure: (payload, error) => markContactImportFailed(payload, error),
});
