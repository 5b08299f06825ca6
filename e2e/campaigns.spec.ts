/**
 * A campaign as a new owner runs it: contacts imported and saved as a segment, a campaign for the
 * segment with the template's variables mapped, the pre-flight checks passed, the launch, the
 * progress bar reaching 100 % and the read and reply counters climbing live (the emulator's phones
 * read the message and two customers answer), the recipients filtered by status and exported.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { connectWhatsApp, createWorkspace, signUp, uniqueEmail } from "./helpers";

const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
// Numbers 16–18 of the e2e emulator are this spec's; a retry connects a fresh one.
const numberFor = (attempt: number) => ({
  phoneNumberId: `10000000000000${16 + attempt}`,
  wabaId: `20000000000000${16 + attempt}`,
  accessToken: "emulator-access-token",
});

test("an owner sends a campaign to a segment, watches it reach everyone, be read and answered, filters the recipients and exports them", async ({ page, request }, testInfo) => {
  test.setTimeout(150_000);
  const NUMBER = numberFor(testInfo.retry);
  const run = Date.now().toString().slice(-6);
  // Three customers tagged promo (the segment), one not.
  const customers = [1, 2, 3, 4].map((n) => ({ name: `Pelanggan ${run} ${n}`, waId: `62813${run}0${n}`, promo: n <= 3 }));

  await signUp(page, { name: "Citra Campaign", email: uniqueEmail("campaign-owner") });
  const slug = await createWorkspace(page, `Toko Kampanye ${run}`);
  await connectWhatsApp(page, slug, NUMBER);

  // The contacts, imported from a CSV.
  const csv = ["Name,Phone,Tags", ...customers.map((c) => `${c.name},+${c.waId},${c.promo ? "promo" : ""}`)].join("\n") + "\n";
  await page.goto(`/w/${slug}/contacts/import`);
  await page.getByLabel("CSV file").setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByLabel("Field for column Tags")).toHaveValue("tags");
  await page.getByRole("button", { name: "Start the import" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 30_000 });

  // The segment: tagged promo.
  await page.goto(`/w/${slug}/contacts`);
  await expect(page.getByTestId("contacts-count")).toHaveText("4 contacts");
  await page.getByRole("button", { name: "Filters" }).click();
  await page.getByRole("button", { name: "Add condition" }).first().click();
  const condition = page.getByTestId("filter-condition").first();
  await condition.getByLabel("Field").selectOption("tag");
  await condition.getByLabel("Value").selectOption({ label: "promo" });
  await expect(page.getByTestId("contacts-count")).toHaveText("3 contacts match");
  const segment = `Promo ${run}`;
  await page.getByRole("button", { name: "Save as segment" }).click();
  await page.getByLabel("Segment name").fill(segment);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(`Segment “${segment}” saved.`)).toBeVisible();

  // The campaign: Meta's order_shipped ("Hi {{1}}, your order {{2}} is on its way.") to the segment.
  await page.goto(`/w/${slug}/campaigns`);
  await page.getByRole("link", { name: "New campaign" }).first().click();
  await expect(page).toHaveURL(/\/campaigns\/new$/);
  await page.getByLabel("Campaign name").fill(`Promo Desember ${run}`);
  const template = page.getByLabel("Approved template");
  const value = await template.locator("option", { hasText: "order_shipped" }).getAttribute("value");
  expect(value).toBeTruthy();
  await template.selectOption(value!);
  await page.getByLabel(segment, { exact: true }).check();
  await expect(page.getByTestId("audience-count")).toContainText("3 contacts will get it");

  // The variables start blank: nothing of Meta's example is sent by accident.
  const first = page.locator('[data-variable="body.1"]');
  const second = page.locator('[data-variable="body.2"]');
  await expect(first.getByLabel("Text")).toHaveValue("");
  await expect(second.getByLabel("Text")).toHaveValue("");
  await first.getByLabel("Value from").selectOption("field:name");
  await first.getByLabel("Fallback").fill("friend");
  await second.getByLabel("Text").fill(`DES-${run}`);
  await expect(page.getByText(`your order DES-${run} is on its way`).first()).toBeVisible();

  // Saved, the pre-flight checks pass and the launch is open.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const preflight = page.getByTestId("preflight");
  for (const code of ["templateApproved", "variablesMapped", "numberConnected", "audienceNotEmpty"]) {
    await expect(preflight.locator(`[data-check="${code}"]`)).toHaveAttribute("data-ok", "true", { timeout: 15_000 });
  }
  await expect(preflight.locator('[data-ok="false"]')).toHaveCount(0);
  const sendNow = page.getByRole("button", { name: "Send now" });
  await expect(sendNow).toBeEnabled();
  await sendNow.click();

  // The detail page: the run reaches everyone, the phones read it, live.
  await expect(page).toHaveURL(/\/campaigns\/[^/]+$/);
  await expect(page.getByRole("progressbar", { name: "Campaign progress" })).toHaveAttribute("aria-valuenow", "100", { timeout: 45_000 });
  const counter = (key: string) => page.locator(`[data-counter="${key}"] dd`);
  await expect(counter("sent")).toHaveText("3", { timeout: 30_000 });
  await expect(counter("read")).toHaveText("3", { timeout: 30_000 });
  await expect(counter("replied")).toHaveText("0");

  // Two customers answer: the reply counter climbs without a reload.
  for (const [index, customer] of customers.slice(0, 2).entries()) {
    const reply = await request.post(`${EMULATOR}/_emulator/customer-messages`, {
      data: { phoneNumberId: NUMBER.phoneNumberId, from: customer.waId, name: customer.name, type: "text", text: "Mau pesan satu, terima kasih!" },
    });
    expect(reply.ok()).toBeTruthy();
    await expect(counter("replied")).toHaveText(String(index + 1), { timeout: 20_000 });
  }

  // The recipients, filtered by how far each got.
  const table = page.locator("[data-recipient]");
  await expect(table).toHaveCount(3);
  const filters = page.getByRole("radiogroup", { name: "Show recipients" });
  await filters.getByText("Replied", { exact: true }).click();
  await expect(table).toHaveCount(2);
  await expect(page.getByRole("cell", { name: customers[2]!.name })).toHaveCount(0);
  await filters.getByText("Failed", { exact: true }).click();
  await expect(page.getByText("No recipients here.")).toBeVisible();
  await filters.getByText("Read", { exact: true }).click();
  await expect(table).toHaveCount(3);

  // The export: a header and the three recipients, all read, two of them replied.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  const lines = (await readFile(await file.path(), "utf8")).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines).toHaveLength(4);
  const header = lines[0]!.split(",");
  expect(header.slice(0, 3)).toEqual(["name", "phone", "status"]);
  const rows = lines.slice(1).map((line) => Object.fromEntries(line.split(",").map((cell, i) => [header[i]!, cell])));
  expect(rows.map((row) => row.name).sort()).toEqual(customers.slice(0, 3).map((c) => c.name).sort());
  expect(rows.every((row) => row.status === "read" && row.read_at !== "")).toBe(true);
  expect(rows.filter((row) => row.replied_at !== "").map((row) => row.name).sort()).toEqual(customers.slice(0, 2).map((c) => c.name).sort());
});
