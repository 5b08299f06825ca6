/**
 * Pages render in the browser exactly as the server sent them: React reports no hydration
 * mismatch on the pages with relative times (the inbox, a conversation, members, WhatsApp
 * settings, templates) or with ICU names (the country select of onboarding and workspace
 * settings, the template builder's languages), and onboarding
 * proposes the browser's own time zone and its country.
 */
import { expect, test, type Page } from "@playwright/test";
import { connectWhatsApp, createWorkspace, inviteMember, signUp, uniqueEmail } from "./helpers";

const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
// Numbers 7–9 of the e2e emulator are this spec's; a retry connects a fresh one.
const numberFor = (attempt: number) => ({
  phoneNumberId: `10000000000000${attempt + 7}`,
  wabaId: `20000000000000${attempt + 7}`,
  accessToken: "emulator-access-token",
});

/**
 * The browser's clock runs two days ahead of the server's. Hydration always happens later than
 * the server's render ("58 seconds ago" against "1 minute ago"); a clock this far off makes every
 * relative time differ, so a page that formats one with the browser's clock while hydrating
 * fails every time instead of now and then.
 */
const CLOCK_AHEAD_MS = 2 * 86_400_000;

// React 19's production build reports a mismatch as minified errors 418 (text or markup), 423 and
// 425; the development build in words.
const HYDRATION = /hydrat|react\.dev\/errors\/(418|423|425)\b|Minified React error #(418|423|425)\b/i;

/** Every hydration complaint a page makes, in its console or as an uncaught error. */
function hydrationErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if ((message.type() === "error" || message.type() === "warning") && HYDRATION.test(message.text())) seen.push(`${page.url()} console.${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (HYDRATION.test(`${error.message}\n${error.stack ?? ""}`)) seen.push(`${page.url()} uncaught: ${error.message}`);
  });
  return seen;
}

/** A full page load (so React hydrates it), then a moment for its recoverable errors to surface. */
async function load(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

test("pages with relative times and the country select hydrate without a mismatch; onboarding proposes Jakarta's time zone and Indonesia", async ({ browser, request }, testInfo) => {
  test.setTimeout(120_000);
  const NUMBER = numberFor(testInfo.retry);
  const run = Date.now().toString().slice(-6);
  const context = await browser.newContext({ timezoneId: "Asia/Jakarta" });
  const page = await context.newPage();
  await page.clock.install({ time: Date.now() + CLOCK_AHEAD_MS });
  const errors = hydrationErrors(page);

  await signUp(page, { name: "Hana Hydrate", email: uniqueEmail("hydrate") });
  await expect(page).toHaveURL(/\/onboarding$/);
  await load(page, "/onboarding");
  await expect(page.getByLabel("Default country")).toHaveValue("ID");
  await expect(page.getByLabel("Default country").locator("option:checked")).toHaveText("Indonesia");
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Jakarta");
  const slug = await createWorkspace(page, `Toko Hidrasi ${run}`);

  // A conversation whose last message is seconds old on the server's clock.
  await connectWhatsApp(page, slug, NUMBER);
  const written = await request.post(`${EMULATOR}/_emulator/customer-messages`, {
    data: { phoneNumberId: NUMBER.phoneNumberId, from: `62813${run}01`, name: `Rina ${run}`, type: "text", text: "Masih ada stok?" },
  });
  expect(written.ok()).toBeTruthy();
  await expect(async () => {
    await load(page, `/w/${slug}/inbox`);
    await expect(page.getByTestId("conversation-list")).toContainText(`Rina ${run}`, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // Hydrated as the server said ("… seconds ago"), then read on the browser's clock.
  await expect(page.getByTestId("conversation-list").locator("time")).toHaveText("2 days ago");

  // The conversation itself: its day separator and the reply window's countdown.
  const conversation = await page.getByTestId("conversation-list").locator("a[data-conversation-id]").first().getAttribute("href");
  expect(conversation).toMatch(new RegExp(`^/w/${slug}/inbox/`));
  await load(page, conversation!);
  await expect(page.getByTestId("conversation-timeline")).toContainText("Masih ada stok?");

  // A pending invitation's expiry, the connection's last check, the workspace's country select.
  await inviteMember(page, slug, uniqueEmail("hydrate-agent"));
  await load(page, `/w/${slug}/settings/members`);
  await expect(page.getByText("expires in 5 days")).toBeVisible();
  await load(page, `/w/${slug}/settings/whatsapp`);
  await expect(page.getByText("Last checked")).toBeVisible();
  await load(page, `/w/${slug}/settings`);
  await expect(page.getByLabel("Default country")).toHaveValue("ID");

  // Templates (synced when the number was connected): update times, and the builder's language
  // names, which Node's ICU and Chromium's spell differently.
  await load(page, `/w/${slug}/templates`);
  await expect(page.locator('[data-template="hello_world/en_US"]')).toContainText("2 days ago");
  await load(page, `/w/${slug}/templates/new`);
  await expect(page.getByLabel("Language")).toHaveValue("id");

  expect(errors).toEqual([]);
  await context.close();
});

test("onboarding in a browser set to Berlin proposes Europe/Berlin and Germany, and the workspace keeps them", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "Europe/Berlin" });
  const page = await context.newPage();
  const errors = hydrationErrors(page);

  await signUp(page, { name: "Greta Berlin", email: uniqueEmail("berlin") });
  await expect(page).toHaveURL(/\/onboarding$/);
  await load(page, "/onboarding");
  await expect(page.getByLabel("Default country")).toHaveValue("DE");
  await expect(page.getByLabel("Default country").locator("option:checked")).toHaveText("Germany");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");

  const slug = await createWorkspace(page, `Laden ${Date.now().toString().slice(-6)}`);
  await load(page, `/w/${slug}/settings`);
  await expect(page.getByLabel("Default country")).toHaveValue("DE");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");

  expect(errors).toEqual([]);
  await context.close();
});
