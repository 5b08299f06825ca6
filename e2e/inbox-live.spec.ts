/**
 * Two agents in two browsers on one live inbox, with the WhatsApp emulator as the customer's phone
 * and the local Pusher-protocol server carrying the signals (scripts/e2e-server.ts).
 */
import { expect, test, type Page } from "@playwright/test";
import { acceptInvitationAsNewUser, connectWhatsApp, createWorkspace, inviteMember, signUp, uniqueEmail } from "./helpers";

const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
// Numbers 4–6 of the e2e emulator are this spec's; a retry connects a fresh one.
const numberFor = (attempt: number) => ({
  phoneNumberId: `10000000000000${attempt + 4}`,
  wabaId: `20000000000000${attempt + 4}`,
  accessToken: "emulator-access-token",
});

/** Resolves once the page's real-time connection has subscribed to its workspace channel. */
function workspaceChannelOf(page: Page): Promise<string> {
  return page
    .waitForRequest((request) => request.url().endsWith("/api/realtime/auth") && (request.postData() ?? "").includes("private-workspace-"))
    .then((request) => new URLSearchParams(request.postData() ?? "").get("channel_name") ?? "");
}

test("two agents work one inbox live: a customer's message, a reply's ticks, assignment, the window rule; an outsider is refused the channel", async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const NUMBER = numberFor(testInfo.retry);
  const run = Date.now().toString().slice(-6);
  const customer = { from: `62812${run}01`, name: `Citra ${run}` };
  const lateCustomer = { from: `62812${run}02`, name: `Dedi ${run}` };

  // The owner sets up a workspace on WhatsApp and invites an agent.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUp(owner, { name: "Nina Owner", email: uniqueEmail("inbox-owner") });
  const slug = await createWorkspace(owner, `Warung Live ${run}`);
  await connectWhatsApp(owner, slug, NUMBER);
  const link = await inviteMember(owner, slug, uniqueEmail("inbox-agent"));
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  const agentSubscribed = workspaceChannelOf(agent);
  await acceptInvitationAsNewUser(agent, link, "Ahmad Agent");
  const ownerSubscribed = workspaceChannelOf(owner);
  await owner.goto(`/w/${slug}/inbox`);
  const [channel] = await Promise.all([ownerSubscribed, agentSubscribed]);
  expect(channel).toMatch(/^private-workspace-/);

  // A customer writes: the conversation appears in both inboxes without a reload.
  const written = await request.post(`${EMULATOR}/_emulator/customer-messages`, {
    data: { phoneNumberId: NUMBER.phoneNumberId, from: customer.from, name: customer.name, type: "text", text: "Apakah ada diskon hari ini?" },
  });
  expect(written.ok()).toBeTruthy();
  for (const page of [owner, agent]) {
    await expect(page.getByTestId("conversation-list")).toContainText(customer.name);
    await expect(page.getByTestId("conversation-list")).toContainText("Apakah ada diskon hari ini?");
  }

  // Both open it; the owner replies and the ticks advance to read (the emulator's phone reads it).
  await agent.getByTestId("conversation-list").getByText(customer.name).click();
  await owner.getByTestId("conversation-list").getByText(customer.name).click();
  await expect(owner.getByTestId("conversation-title")).toContainText(customer.name);
  await expect(owner.getByText("Window closes in 23 h").or(owner.getByText("Window closes in 24 h"))).toBeVisible();
  const reply = "Ada! Diskon 10% untuk semua batik.";
  await owner.getByLabel("Type a message — / for canned replies").fill(reply);
  await owner.keyboard.press("Enter");
  const ownerTimeline = owner.getByTestId("conversation-timeline");
  await expect(ownerTimeline).toContainText(reply);
  await expect(ownerTimeline.locator('[data-status="read"]')).toHaveCount(1, { timeout: 20_000 });
  // The agent, looking at the same conversation, sees the reply arrive and read, live.
  const agentTimeline = agent.getByTestId("conversation-timeline");
  await expect(agentTimeline).toContainText(reply);
  await expect(agentTimeline.locator('[data-status="read"]')).toHaveCount(1, { timeout: 20_000 });

  // The owner assigns it to the agent: the agent's header and "Mine" filter follow, live.
  await owner.getByRole("button", { name: "Unassigned: choose who handles it" }).click();
  await owner.getByRole("menuitem", { name: "Ahmad Agent" }).click();
  await expect(owner.getByRole("button", { name: "Assigned to Ahmad Agent: change" })).toBeVisible();
  await expect(agent.getByRole("button", { name: "Assigned to Ahmad Agent: change" })).toBeVisible();
  await agent.getByRole("tab", { name: "Mine" }).click();
  await expect(agent.getByTestId("conversation-list")).toContainText(customer.name);

  // A customer whose last message is two days old: free text is refused, a template goes out.
  const twoDaysAgo = Math.floor(Date.now() / 1000) - 2 * 86_400;
  const late = await request.post(`${EMULATOR}/_emulator/customer-messages`, {
    data: { phoneNumberId: NUMBER.phoneNumberId, from: lateCustomer.from, name: lateCustomer.name, type: "text", text: "Pesanan saya sudah dikirim?", timestamp: twoDaysAgo },
  });
  expect(late.ok()).toBeTruthy();
  await owner.getByRole("tab", { name: "All" }).click();
  await owner.getByTestId("conversation-list").getByText(lateCustomer.name).click();
  await expect(owner.getByTestId("conversation-title")).toContainText(lateCustomer.name);
  await expect(owner.getByText("The 24-hour reply window has closed")).toBeVisible();
  await expect(owner.getByLabel("Type a message — / for canned replies")).toHaveCount(0);
  await owner.getByRole("button", { name: "Send a template" }).last().click();
  await owner.getByRole("button", { name: /hello_world/ }).click();
  await owner.getByRole("button", { name: "Send template" }).click();
  const lateTimeline = owner.getByTestId("conversation-timeline");
  await expect(lateTimeline).toContainText(/hello_world|Welcome and congratulations/);
  await expect(lateTimeline.locator('[data-status="read"]')).toHaveCount(1, { timeout: 20_000 });

  // Someone of another workspace is refused the channel; a member is authorised.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await signUp(stranger, { name: "Sam Stranger", email: uniqueEmail("inbox-stranger") });
  await expect(stranger).toHaveURL(/\/onboarding$/);
  const form = { socket_id: "123.456", channel_name: channel };
  expect((await stranger.request.post("/api/realtime/auth", { form })).status()).toBe(403);
  const allowed = await agent.request.post("/api/realtime/auth", { form });
  expect(allowed.status()).toBe(200);
  expect(await allowed.json()).toMatchObject({ auth: expect.stringMatching(/^[^:]+:[0-9a-f]{64}$/) });

  await Promise.all([ownerContext.close(), agentContext.close(), strangerContext.close()]);
});
