import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail } from "./helpers";

/** 60 contacts: "Ayu n" for even n, "Budi n" for odd; every third tagged vip (n = 0, 3, 6…). */
function customers(): string {
  const rows = ["Name,Phone,Tags"];
  for (let n = 0; n < 60; n++) rows.push(`${n % 2 === 0 ? "Ayu" : "Budi"} ${n},+62 813 7777 ${String(1000 + n)},${n % 3 === 0 ? "vip" : ""}`);
  return `${rows.join("\n")}\n`;
}

async function importCustomers(page: Page, slug: string) {
  await page.goto(`/w/${slug}/contacts/import`);
  await page.getByLabel("CSV file").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(customers()) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByLabel("Field for column Tags")).toHaveValue("tags");
  await page.getByRole("button", { name: "Start the import" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 30_000 });
}

test("an owner builds a segment, sees its count, saves it, tags it in bulk and exports it", async ({ page }) => {
  await signUp(page, { name: "Sari Segment", email: uniqueEmail("segment-owner") });
  const slug = await createWorkspace(page, "Toko Segmen");
  await importCustomers(page, slug);

  await page.goto(`/w/${slug}/contacts`);
  const count = page.getByTestId("contacts-count");
  await expect(count).toHaveText("60 contacts");

  // Tag is vip: n = 0, 3, …, 57 → 20.
  await page.getByRole("button", { name: "Filters" }).click();
  await page.getByRole("button", { name: "Add condition" }).first().click();
  const first = page.getByTestId("filter-condition").first();
  await first.getByLabel("Field").selectOption("tag");
  await first.getByLabel("Value").selectOption({ label: "vip" });
  await expect(count).toHaveText("20 contacts match");

  // …and the name contains Ayu (even n): n divisible by 6 → 10.
  await page.getByRole("button", { name: "Add condition" }).first().click();
  const second = page.getByTestId("filter-condition").nth(1);
  await second.getByLabel("Value").fill("Ayu");
  await expect(count).toHaveText("10 contacts match");
  await expect(page.getByTestId("contacts-table").locator("tbody tr")).toHaveCount(10);

  // Any of the two instead: 20 vip + 30 Ayu − 10 both = 40.
  await page.getByLabel("Match all or any of the conditions").selectOption("any");
  await expect(count).toHaveText("40 contacts match");
  await page.getByLabel("Match all or any of the conditions").selectOption("all");
  await expect(count).toHaveText("10 contacts match");

  await page.getByRole("button", { name: "Save as segment" }).click();
  await page.getByLabel("Segment name").fill("VIP Ayu");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Segment “VIP Ayu” saved.")).toBeVisible();
  await expect(page).toHaveURL(/[?&]segment=/);

  // The segment is saved, not the page: a reload shows it again, "All contacts" shows everyone.
  await page.reload();
  await expect(page.getByLabel("Segment")).toHaveValue(/.+/);
  await expect(count).toHaveText("10 contacts match");
  await page.getByLabel("Segment").selectOption({ label: "All contacts" });
  await expect(count).toHaveText("60 contacts");
  await page.getByLabel("Segment").selectOption({ label: "VIP Ayu" });
  await expect(count).toHaveText("10 contacts match");

  // Bulk: tick the page, then a new tag on all of them.
  await page.getByLabel("Select this page").check();
  await expect(page.getByTestId("bulk-bar")).toContainText("10 selected");
  await page.getByLabel("Which one").selectOption({ label: "New tag…" });
  await page.getByLabel("New name").fill("promo-des");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Added to 10 contacts.")).toBeVisible();
  await expect(page.getByTestId("contacts-table").getByText("promo-des")).toHaveCount(10);

  // The export of the segment: a header and its 10 contacts.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await file.path(), "utf8")).trim().split("\r\n");
  expect(lines).toHaveLength(11);
  expect(lines[0]).toContain("phone,name,email");
  expect(lines.slice(1).every((line) => /Ayu \d+/.test(line) && line.includes("vip") && line.includes("promo-des"))).toBe(true);

  // A column shown stays shown after a reload (kept in this browser).
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByLabel("Email", { exact: true }).check();
  await page.reload();
  await expect(page.getByTestId("contacts-table").getByRole("columnheader", { name: "Email" })).toBeVisible();
});
