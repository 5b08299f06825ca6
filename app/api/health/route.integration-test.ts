/** GET /api/health: the database and the background-task runner, with its backlog. */
import { afterAll, describe, expect, it } from "vitest";
import { enqueue } from "@/lib/jobs/enqueue";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/local/runner";
import { echoTask } from "@/test/jobs/tasks";
import { GET } from "./route";

afterAll(() => stopJobRunner());

describe("GET /api/health", () => {
  it("reports the runner stopped until it starts, then running with each task's backlog", async () => {
    let body = (await (await GET()).json()) as { status: string; database: boolean; jobs: { mode: string; state: string; backlog: Record<string, unknown> } };
    expect(body).toMatchObject({ status: "ok", database: true, jobs: { mode: "local", state: "stopped" } });

    await startJobRunner([echoTask]);
    // A delayed job waits: the backlog shows it.
    await enqueue(echoTask, { recordId: "h1", count: 1 }, { idempotencyKey: "health:h1", delayMs: 3_600_000 });
    const response = await GET();
    expect(response.status).toBe(200);
    body = (await response.json()) as typeof body;
    expect(body).toMatchObject({ status: "ok", jobs: { mode: "local", state: "running", backlog: { "test-echo": { waiting: 1, active: 0 } } } });
  });

  it("names Trigger.dev as the runner when TRIGGER_SECRET_KEY is set", async () => {
    process.env.TRIGGER_SECRET_KEY = "tr_dev_health";
    try {
      const body = (await (await GET()).json()) as { jobs: { mode: string } };
      expect(body.jobs.mode).toBe("trigger.dev");
    } finally {
      delete process.env.TRIGGER_SECRET_KEY;
    }
  });
});
