import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail } from "./helpers";

test("an owner imports a CSV, watches it finish, and downloads the rows it refused", async ({ page }) => {
  await signUp(page, { name: "Rina Owner", email: uniqueEmail("import-owner") });
  const slug = await createWorkspace(page, "Toko Rina");
  await page.goto(`/w/${slug}/contacts`);
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/contacts/import$`));

  // An Excel-style export: BOM, semicolons, Windows line ends, a quoted name, numbers written in
  // several ways (the workspace's country is the browser's, so these are international), a bad
  // one and one repeated in another notation.
  const rows = ["Nama;No HP;Email", '"Budi; Toko Jaya";+62 812 3456 7001;budi@example.com', "Sari;+62 812-3456-7002;", "Nobody;12;", "Sari again;62 812 3456 7002;"];
  for (let i = 0; i < 40; i++) rows.push(`Customer ${i};+62813 5555 ${String(1000 + i)};`);
  await page.getByLabel("CSV file").setInputFiles({ name: "pelanggan.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${rows.join("\r\n")}\r\n`) });
  await page.getByRole("button", { name: "Upload and preview" }).click();

  // The columns are guessed from the header; the person could change them.
  await expect(page.getByRole("heading", { name: "Match the columns" })).toBeVisible();
  await expect(page.getByLabel("Field for column No HP")).toHaveValue("phone");
  await expect(page.getByLabel("Field for column Nama")).toHaveValue("name");
  await expect(page.getByText("Budi; Toko Jaya")).toBeVisible();
  await page.getByLabel("Tag every imported contact").fill("fair-2026");
  await page.getByRole("button", { name: "Start the import" }).click();

  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("import-counters")).toHaveText("44 rows read: 42 added, 0 updated, 0 left as they were, 2 not imported.");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download the 2 rows not imported/ }).click();
  const file = await readFile(await (await download).path());
  const text = file.toString("utf8");
  expect(text).toContain("Nama;No HP;Email;Row;Why it was not imported");
  expect(text).toContain("Nobody;12;;3;This phone number is too short.");
  expect(text).toContain("Sari again;62 812 3456 7002;;4;This phone number is already on an earlier row of the file.");

  await page.getByRole("link", { name: "Back to contacts" }).click();
  await expect(page.getByText("Budi; Toko Jaya")).toBeVisible();
  await expect(page.getByText("+6281234567002")).toBeVisible();
});
