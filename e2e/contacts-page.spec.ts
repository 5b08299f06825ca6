import { expect, test } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail } from "./helpers";

// Onboarding proposes the browser's country: a browser in Jakarta makes an Indonesian workspace.
test.use({ timezoneId: "Asia/Jakarta" });

test("an owner adds contacts by hand, is told why a number is refused, cannot merge two WhatsApp numbers, and deletes one", async ({ page }) => {
  await signUp(page, { name: "Nina Owner", email: uniqueEmail("contact-page") });
  const slug = await createWorkspace(page, `Toko Nina ${Date.now().toString().slice(-6)}`);

  // A national number is read with the workspace's country, as the form says.
  await page.goto(`/w/${slug}/contacts`);
  await page.getByRole("link", { name: "New contact" }).click();
  await expect(page.getByText("Numbers without a country code are read as numbers from Indonesia.")).toBeVisible();
  await page.getByLabel("WhatsApp number").fill("0812 3456 7001");
  await page.getByLabel("Name", { exact: true }).fill("Ayu Lestari");
  await page.getByLabel("Tags").fill("vip, walk-in");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByTestId("contact-page")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ayu Lestari" })).toBeVisible();
  await expect(page.getByTestId("contact-page")).toContainText("+6281234567001");
  await expect(page.getByTestId("contact-page")).toContainText("walk-in");
  const ayu = page.url();

  // A number that is not one is refused on its field, and the same number twice is refused.
  await page.goto(`/w/${slug}/contacts/new`);
  await page.getByLabel("WhatsApp number").fill("12");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByText("This phone number is too short.")).toBeVisible();
  await page.getByLabel("WhatsApp number").fill("+62 812-3456-7001");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByText("A contact with this phone number already exists.")).toBeVisible();
  await page.getByLabel("WhatsApp number").fill("+62 812 3456 7002");
  await page.getByLabel("Name", { exact: true }).fill("Ayu (second number)");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { name: "Ayu (second number)" })).toBeVisible();
  const second = page.url();

  // Two different numbers are two WhatsApp accounts: the merge is refused and both remain.
  await page.goto(ayu);
  await page.getByRole("button", { name: "Merge a duplicate…" }).click();
  await page.getByLabel("Search by name, phone or email").fill("second");
  const candidate = page.getByTestId("merge-contact").getByRole("listitem").filter({ hasText: "Ayu (second number)" });
  page.once("dialog", (dialog) => void dialog.accept());
  await candidate.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByTestId("merge-contact").getByRole("alert")).toContainText("two different WhatsApp accounts");

  // Delete the second one, confirmed: back on the list, one contact left.
  await page.goto(second);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete contact" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/contacts$`));
  await expect(page.getByTestId("contacts-count")).toHaveText("1 contact");
  await expect(page.getByTestId("contacts-table")).toContainText("Ayu Lestari");
});
