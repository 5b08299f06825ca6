/**
 * One campaign send run in a process of its own, for the kill test (kill-runner.integration-test.ts):
 * `node --import tsx lib/services/campaigns/send/kill-runner.child.ts <workspaceId> <campaignId> [settleWaitMs]`,
 * with DATABASE_URL and WHATSAPP_GRAPH_API_URL (the test's emulator) in the environment. Prints
 * "ready" once loaded, then "outcome <outcome>" when the run ends, unless it is killed first.
 */
import { campaignSendPayload } from "./payload";
import { runCampaignSend } from "./run-send";

const payload = campaignSendPayload.parse({ workspaceId: process.argv[2], campaignId: process.argv[3] });
// Configuration comes in argv: only lib/env.ts reads the environment (test/architecture/edges.test.ts).
const settleWaitMs = Number(process.argv[4] ?? "2000");

process.stdout.write("ready\n");
runCampaignSend(payload, { settleWaitMs }).then(
  (outcome) => {
    process.stdout.write(`outcome ${outcome}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
