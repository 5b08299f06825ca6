/** The background-task mechanism's state for GET /api/health: which runner, and its backlog. */
import { liveEnv } from "@/lib/env";
import { localRunnerHealth, type RunnerHealth } from "./local/runner";

export async function jobsHealth(): Promise<RunnerHealth> {
  if (liveEnv.triggerDev()) return { mode: "trigger.dev", state: "running", backlog: {} };
  try {
    return await localRunnerHealth();
  } catch (error) {
    return { mode: "local", state: "failed", error: error instanceof Error ? error.message : String(error), backlog: {} };
  }
}
