import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { PASSWORD, createWorkspace, signUp, uniqueEmail } from "./helpers";

/** A second browser holding a copy of the first one's cookies (a stolen or forgotten session). */
async function copyOf(browser: Browser, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>) {
  const context = await browser.newContext({ locale: "en-US" });
  await context.addCookies(cookies);
  return context.newPage();
}

test("signing out ends the session on the server, and 'sign out everywhere' ends all of them", async ({ page, browser }) => {
  const email = uniqueEmail("sessions");
  await signUp(page, { name: "Sari Sessions", email });
  const slug = await createWorkspace(page, "Toko Sesi");

  // A copied cookie works while the session lives…
  const copied = await copyOf(browser, await page.context().cookies());
  await copied.goto(`/w/${slug}/inbox`);
  await expect(copied).toHaveURL(new RegExp(`/w/${slug}/inbox$`));

  // …and stops the moment the user signs out: no redirect loop, straight to sign-in.
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await copied.goto(`/w/${slug}/inbox`);
  await expect(copied).toHaveURL(/\/login\?callbackUrl=%2Fw%2F/);
  await expect(copied.getByRole("button", { name: "Sign in" })).toBeVisible();

  // Two browsers signed in, then "sign out everywhere" from one of them.
  const second = await copyOf(browser, []);
  for (const p of [page, second]) {
    await p.goto("/login");
    await p.getByLabel("Email").fill(email);
    await p.getByLabel("Password").fill(PASSWORD);
    await p.getByRole("button", { name: "Sign in" }).click();
    await expect(p).toHaveURL(new RegExp(`/w/${slug}/inbox$`));
  }
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out-everywhere").click();
  await expect(page).toHaveURL(/\/login/);
  await second.goto(`/w/${slug}/inbox`);
  await expect(second).toHaveURL(/\/login\?callbackUrl=/);
});
