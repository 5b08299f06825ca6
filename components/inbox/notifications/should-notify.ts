/**
 * When a new message deserves a sound and a browser notification: only a customer's message, only
 * when the agent opted in, and only when they are not already looking at it (the tab is hidden, or
 * another conversation — or none — is open).
 */
export function shouldNotify(input: { enabled: boolean; direction: "inbound" | "outbound"; conversationId: string; openConversationId: string | null; tabHidden: boolean }): boolean {
  if (!input.enabled || input.direction !== "inbound") return false;
  return input.tabHidden || input.openConversationId !== input.conversationId;
}

/** The conversation open in a path like /w/acme/inbox/<id>, else null. */
export function openConversationFromPath(pathname: string): string | null {
  const match = /^\/w\/[^/]+\/inbox\/([^/?#]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}
