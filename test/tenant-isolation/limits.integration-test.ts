/** Rate limits are counted per workspace and member: B using up its allowance leaves A's whole. */
import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/rate-limit";
import { consumeSendAllowance } from "@/lib/services/inbox/send-allowance";
import { createTenants } from "@/test/fixtures/tenants";
import { rejection, untouched } from "./helpers";

describe("consumeSendAllowance", () => {
  it("spends only B's allowance, never A's", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      for (let i = 0; i < LIMITS["message-send:member"].points; i++) await consumeSendAllowance(B.agent.ctx);
      expect(await rejection(consumeSendAllowance(B.agent.ctx))).toMatchObject({ code: "rate_limited" });
    });
    // A's agent (same role, other workspace) still has every send left.
    await expect(consumeSendAllowance(A.agent.ctx)).resolves.toBeUndefined();
  });
});
