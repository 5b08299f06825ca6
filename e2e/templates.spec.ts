/**
 * The template studio as an owner meets it: build a marketing template with an image header and
 * buttons, see the WhatsApp preview follow the typing and the lint point at a mistake, submit it
 * to Meta (the emulator), watch it turn approved without a reload, and send it from the inbox.
 */
import { expect, test } from "@playwright/test";
import { connectWhatsApp, createWorkspace, signUp, uniqueEmail } from "./helpers";

const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
// Numbers 13–15 of the e2e emulator are this spec's; a retry connects a fresh one.
const numberFor = (attempt: number) => ({
  phoneNumberId: `10000000000000${13 + attempt}`,
  wabaId: `20000000000000${13 + attempt}`,
  accessToken: "emulator-access-token",
});

// A 1×1 PNG: a real image for Meta's sample and for the send.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("an owner builds a media template with buttons, sees it previewed and linted, submits it, sees it approved live, and sends it from the inbox", async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const NUMBER = numberFor(testInfo.retry);
  const run = Date.now().toString().slice(-6);
  const name = `spring_sale_${run}`;

  // Meta's review waits until this spec says how it ends.
  expect((await request.post(`${EMULATOR}/_emulator/templates/review`, { data: { delayMs: 600_000 } })).ok()).toBeTruthy();
  try {
    await signUp(page, { name: "Nina Owner", email: uniqueEmail("templates") });
    const slug = await createWorkspace(page, `Toko Template ${run}`);
    await connectWhatsApp(page, slug, NUMBER);

    await page.goto(`/w/${slug}/templates`);
    await page.getByRole("link", { name: "New template" }).click();
    await page.getByLabel("Name", { exact: true }).fill(`Spring Sale ${run}`);
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
    await page.getByLabel("Language").selectOption("en_US");

    // Header: an image, its sample uploaded to Meta through the resumable upload.
    await page.getByRole("radiogroup", { name: "Header type" }).getByText("Image").click();
    await page.getByLabel("Sample file for Meta's review").setInputFiles({ name: "sale.png", mimeType: "image/png", buffer: PNG });
    await expect(page.getByText("Uploaded: sale.png")).toBeVisible();

    // A body that starts with a variable is pointed at, in words, under the field.
    const body = page.getByRole("textbox", { name: "Message text" });
    await body.fill("{{1}}, our spring sale starts today: *20% off* everything.");
    await expect(page.locator('[data-problems="body.text"]')).toContainText("start");
    await body.fill("Hi {{1}}, our spring sale starts today: *20% off* everything.");
    await expect(page.locator('[data-problems="body.text"]')).toHaveCount(0);
    await page.getByLabel("Example for {{1}}").fill("Ayu");
    await page.getByLabel("Footer text (optional)").fill("Reply STOP to opt out");
    await page.getByRole("button", { name: "+ Quick reply" }).click();
    await page.getByLabel("Button text").first().fill("Show me");
    await page.getByRole("button", { name: "+ Link" }).click();
    await page.getByLabel("Button text").nth(1).fill("Shop now");
    await page.getByLabel("Address", { exact: true }).fill("https://shop.example/sale");

    // The preview follows: the example filled in, WhatsApp's bold drawn, the buttons below.
    const preview = page.getByTestId("template-preview");
    await expect(preview).toContainText("Hi Ayu, our spring sale starts today");
    await expect(preview.locator("strong", { hasText: "20% off" })).toBeVisible();
    await expect(preview).toContainText("Show me");
    await expect(preview).toContainText("Shop now");
    await expect(preview.locator("img")).toHaveCount(1);

    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByTestId("template-status")).toContainText("In review");

    // Meta approves it: the page follows without a reload.
    const approved = await request.post(`${EMULATOR}/_emulator/templates/status`, { data: { wabaId: NUMBER.wabaId, name, language: "en_US", status: "APPROVED" } });
    expect(approved.ok()).toBeTruthy();
    await expect(page.getByTestId("template-status")).toContainText("Approved");
    await page.goto(`/w/${slug}/templates`);
    await expect(page.locator(`[data-template="${name}/en_US"]`)).toContainText("Approved");

    // A customer writes; the owner answers with the new template, its header photo and variable filled.
    const customer = { from: `62813${run}01`, name: `Rina ${run}` };
    expect((await request.post(`${EMULATOR}/_emulator/customer-messages`, { data: { phoneNumberId: NUMBER.phoneNumberId, from: customer.from, name: customer.name, type: "text", text: "Ada promo?" } })).ok()).toBeTruthy();
    await page.goto(`/w/${slug}/inbox`);
    await page.getByTestId("conversation-list").getByText(customer.name).click();
    await page.getByRole("button", { name: "Send a template" }).last().click();
    await page.getByRole("button", { name: new RegExp(name) }).click();
    await page.locator('dialog input[type="file"]').setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
    await page.locator("dialog").getByRole("textbox").first().fill("Rina");
    await page.getByRole("button", { name: "Send template" }).click();
    const timeline = page.getByTestId("conversation-timeline");
    await expect(timeline).toContainText("Hi Rina, our spring sale starts today");
    await expect(timeline).toContainText("Shop now");
    const sent = await (await request.get(`${EMULATOR}/_emulator/sent`)).json();
    expect(JSON.stringify(sent)).toContain(name);
  } finally {
    await request.post(`${EMULATOR}/_emulator/templates/review`, { data: { delayMs: 1000 } });
  }
});
