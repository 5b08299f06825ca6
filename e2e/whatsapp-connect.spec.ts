import { expect, test } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail } from "./helpers";

const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
// Numbers the e2e server's emulator serves (scripts/e2e-server.ts); a retry takes the next one.
const numberFor = (attempt: number) => ({
  phoneNumberId: `10000000000000${attempt + 1}`,
  wabaId: `20000000000000${attempt + 1}`,
  accessToken: "emulator-access-token",
});

test("an owner connects WhatsApp, tests the connection, and a customer's message arrives", async ({ page, request }, testInfo) => {
  const NUMBER = numberFor(testInfo.retry);
  await signUp(page, { name: "Wati Owner", email: uniqueEmail("wa-owner") });
  const slug = await createWorkspace(page, "Kopi Kenangan Wati");
  await page.getByRole("link", { name: "Open settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/settings/whatsapp$`));

  // Meta's dashboard needs the callback URL and the verify token.
  await expect(page.getByTestId("webhook-url")).toHaveValue(/\/api\/webhooks\/whatsapp$/);
  const verifyToken = await page.getByTestId("webhook-verify-token").inputValue();
  expect(verifyToken.length).toBeGreaterThanOrEqual(8);

  // A wrong id is refused with a clear message, and nothing is saved.
  await page.getByLabel("Phone number ID").fill("not-a-number");
  await page.getByLabel("WhatsApp Business Account ID").fill(NUMBER.wabaId);
  await page.getByLabel("Access token").fill(NUMBER.accessToken);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await expect(page.getByText("A phone number ID is a long number")).toBeVisible();

  // Ownership is proven with Meta: a number claimed under a WABA that does not hold it is refused.
  await page.getByLabel("Phone number ID").fill(NUMBER.phoneNumberId);
  await page.getByLabel("WhatsApp Business Account ID").fill(numberFor(testInfo.retry + 1).wabaId);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await expect(page.getByText("That phone number does not belong to this WhatsApp Business Account.")).toBeVisible();
  await expect(page.getByText("Connection saved.")).toHaveCount(0);

  await page.getByLabel("WhatsApp Business Account ID").fill(NUMBER.wabaId);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
  await expect(page.getByText("Connection saved.")).toBeVisible();
  // The secret never comes back to the browser.
  await expect(page.getByLabel("Access token")).toHaveValue("");
  expect(await page.content()).not.toContain(NUMBER.accessToken);

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText("Connected: Meta answered with this number's details.")).toBeVisible();
  await expect(page.getByTestId("quality-rating")).toBeVisible();

  // The webhook handshake Meta performs with that token.
  const handshake = await request.get(`/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(verifyToken)}&hub.challenge=1158201444`);
  expect(handshake.status()).toBe(200);
  expect(await handshake.text()).toBe("1158201444");
  expect((await request.get(`/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=1`)).status()).toBe(403);

  // A customer writes from WhatsApp (the emulator signs and delivers Meta's webhook).
  const sent = await request.post(`${EMULATOR}/_emulator/customer-messages`, {
    data: { phoneNumberId: NUMBER.phoneNumberId, from: "6281234567890", name: "Sari Pelanggan", type: "text", text: "Halo, apakah tokonya buka hari ini?" },
  });
  expect(sent.ok()).toBeTruthy();

  await page.goto(`/w/${slug}/inbox`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("conversation-list")).toContainText("Sari Pelanggan", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("conversation-list")).toContainText("Halo, apakah tokonya buka hari ini?");

  await page.goto(`/w/${slug}/contacts`);
  await expect(page.getByRole("table")).toContainText("+6281234567890");
});
