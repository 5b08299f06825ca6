import { describe, expect, it } from "vitest";
import { openConversationFromPath, shouldNotify } from "./should-notify";

const base = { enabled: true, direction: "inbound" as const, conversationId: "c1", openConversationId: "c1", tabHidden: false };

describe("shouldNotify", () => {
  it("stays quiet while the agent looks at that conversation", () => {
    expect(shouldNotify(base)).toBe(false);
  });
  it("notifies when the tab is hidden or another conversation is open", () => {
    expect(shouldNotify({ ...base, tabHidden: true })).toBe(true);
    expect(shouldNotify({ ...base, openConversationId: "c2" })).toBe(true);
    expect(shouldNotify({ ...base, openConversationId: null })).toBe(true);
  });
  it("never for the team's own messages or when not opted in", () => {
    expect(shouldNotify({ ...base, tabHidden: true, direction: "outbound" })).toBe(false);
    expect(shouldNotify({ ...base, tabHidden: true, enabled: false })).toBe(false);
  });
});

describe("openConversationFromPath", () => {
  it("reads the conversation id from the inbox path", () => {
    expect(openConversationFromPath("/w/acme/inbox/cm123")).toBe("cm123");
    expect(openConversationFromPath("/w/acme/inbox")).toBeNull();
    expect(openConversationFromPath("/w/acme/contacts/cm123")).toBeNull();
  });
});
