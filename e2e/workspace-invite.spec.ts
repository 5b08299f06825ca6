import { expect, test } from "@playwright/test";
import { asOwnClient, createWorkspace, PASSWORD, signUp, uniqueEmail } from "./helpers";

test("a team forms: sign up, create a workspace, invite a teammate who joins; a stranger gets a 404", async ({ browser }) => {
  // The owner signs up and creates a workspace.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUp(owner, { name: "Olivia Owner", email: uniqueEmail("owner") });
  const slug = await createWorkspace(owner, "Toko Maju Jaya");
  await expect(owner.getByTestId("workspace-switcher")).toContainText("Toko Maju Jaya");
  await expect(owner.getByRole("heading", { name: "Connect WhatsApp to start" })).toBeVisible();

  // …and invites a teammate as an agent.
  const teammateEmail = uniqueEmail("agent");
  await owner.goto(`/w/${slug}/settings/members`);
  await owner.getByTestId("invite-email").fill(teammateEmail);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  const inviteLink = await owner.getByTestId("invite-link").inputValue();
  expect(inviteLink).toContain("/invite/");
  await expect(owner.getByText("Pending invitations")).toBeVisible();

  // The teammate, in another browser, follows the link, creates an account and accepts.
  const teammateContext = await browser.newContext();
  const teammate = await teammateContext.newPage();
  await teammate.goto(inviteLink);
  await expect(teammate.getByRole("heading", { name: "Join Toko Maju Jaya on Parley" })).toBeVisible();
  await teammate.getByRole("link", { name: "Create account" }).click();
  await expect(teammate.getByLabel("Email")).toHaveValue(teammateEmail);
  await teammate.getByLabel("Your name").fill("Ahmad Agent");
  await teammate.getByLabel("Password").fill(PASSWORD);
  await teammate.getByRole("button", { name: "Create account" }).click();
  await expect(teammate).toHaveURL(/\/invite\//);
  await teammate.getByRole("button", { name: "Accept invitation" }).click();
  await expect(teammate).toHaveURL(new RegExp(`/w/${slug}/inbox$`));
  await expect(teammate.getByTestId("workspace-switcher")).toContainText("Toko Maju Jaya");
  await expect(teammate.getByTestId("current-role")).toHaveText("Agent");

  // The link worked once.
  const again = await teammateContext.newPage();
  await again.goto(inviteLink);
  await expect(again.getByText("This invitation has already been used.")).toBeVisible();

  // The owner sees the new member.
  await owner.reload();
  await expect(owner.getByTestId("member-list")).toContainText("Ahmad Agent");

  // A third user cannot open the workspace: a 404 that gives nothing away.
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await signUp(stranger, { name: "Sam Stranger", email: uniqueEmail("stranger") });
  await expect(stranger).toHaveURL(/\/onboarding$/);
  for (const section of ["inbox", "contacts", "campaigns", "templates", "settings", "settings/members"]) {
    const path = `/w/${slug}/${section}`;
    const response = await stranger.goto(path);
    expect(response?.status()).toBe(404);
    await expect(stranger.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(stranger.getByText("Toko Maju Jaya")).toHaveCount(0);
  }

  await Promise.all([ownerContext.close(), teammateContext.close(), strangerContext.close()]);
});

test("bad sign-up input is refused with clear messages, and nothing is created", async ({ page }) => {
  await asOwnClient(page);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Nadia");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();

  const email = uniqueEmail("refused");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);

  // The refused sign-up created no account: signing in with its address fails like any unknown one.
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
});

test("the signed-out are sent to sign in and come back where they were going", async ({ page }) => {
  const email = uniqueEmail("returning");
  await signUp(page, { name: "Rina Returning", email });
  const slug = await createWorkspace(page, "Warung Rina");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.goto(`/w/${slug}/settings`);
  await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=%2Fw%2F${slug}%2Fsettings`));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/settings$`));
  await expect(page.getByLabel("Workspace name")).toHaveValue("Warung Rina");
});
