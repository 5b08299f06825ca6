import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct-horse-battery";

export function uniqueEmail(who: string): string {
  return `${who}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.com`;
}

/**
 * Gives this browser an address of its own, as the one reverse proxy in front of the e2e server
 * (TRUSTED_PROXY_HOPS=1) would: every spec is a separate client, so the per-IP sign-up limit
 * counts each one apart instead of all specs as one address.
 */
export async function asOwnClient(page: Page): Promise<void> {
  const octet = () => 1 + Math.floor(Math.random() * 254);
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": `10.${octet()}.${octet()}.${octet()}` });
}

export async function signUp(page: Page, { name, email }: { name: string; email: string }) {
  await asOwnClient(page);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function createWorkspace(page: Page, name: string): Promise<string> {
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/inbox$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** Connects the workspace to one of the e2e emulator's numbers through the settings page. */
export async function connectWhatsApp(page: Page, slug: string, number: { phoneNumberId: string; wabaId: string; accessToken: string }) {
  await page.goto(`/w/${slug}/settings/whatsapp`);
  await page.getByLabel("Phone number ID").fill(number.phoneNumberId);
  await page.getByLabel("WhatsApp Business Account ID").fill(number.wabaId);
  await page.getByLabel("Access token").fill(number.accessToken);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await expect(page.getByText("Connection saved.")).toBeVisible();
}

/** The owner invites `email` as an agent; returns the invitation link. */
export async function inviteMember(page: Page, slug: string, email: string): Promise<string> {
  await page.goto(`/w/${slug}/settings/members`);
  await page.getByTestId("invite-email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  return page.getByTestId("invite-link").inputValue();
}

/** A new user follows an invitation link, creates an account and joins. */
export async function acceptInvitationAsNewUser(page: Page, link: string, name: string) {
  await page.goto(link);
  await page.getByRole("link", { name: "Create account" }).click();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/invite\//);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/inbox$/);
}
