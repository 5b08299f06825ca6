/**
 * A second server's runner, as a child process of a runner test: `tsx test/jobs/worker-process.ts`
 * with DATABASE_URL naming the test's schema. Runs the probe task until killed; prints "ready" once
 * its workers poll.
 */
import { startJobRunner } from "@/lib/jobs/local/runner";
import { probeTask } from "./tasks";

startJobRunner([probeTask]).then(
  () => {
    process.stdout.write("ready\n");
    setInterval(() => undefined, 60_000);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
