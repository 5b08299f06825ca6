/**
 * A customer opts out by keyword: "STOP" from WhatsApp (the emulator as their phone) opts the
 * contact out, the inbox's contact panel says so with the keyword, and the one confirmation goes
 * out (in the timeline and in the emulator's log of what the business sent). Then the owner adds
 * "KELUAR" to the opt-out keywords in Settings → Consent, and another customer's "keluar" opts out too.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { connectWhatsApp, createWorkspace, signUp, uniqueEmail } from "./helpers";

const EMULATOR = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
// Numbers 10–12 of the e2e emulator are this spec's (scripts/e2e-server.ts); a retry connects a fresh one.
const numberFor = (attempt: number) => ({
  phoneNumberId: `10000000000000${attempt + 10}`,
  wabaId: `20000000000000${attempt + 10}`,
  accessToken: "emulator-access-token",
});

interface SentMessage {
  waId: string;
  type: string;
  request: { text?: { body?: string } };
}

async function customerWrites(request: APIRequestContext, phoneNumberId: string, from: string, name: string, text: string) {
  const sent = await request.post(`${EMULATOR}/_emulator/customer-messages`, { data: { phoneNumberId, from, name, type: "text", text } });
  expect(sent.ok()).toBeTruthy();
}

/** The text messages the business sent to `waId`, from the emulator's log. */
async function sentTo(request: APIRequestContext, waId: string): Promise<string[]> {
  const response = await request.get(`${EMULATOR}/_emulator/sent?wa_id=${waId}`);
  const { data } = (await response.json()) as { data: SentMessage[] };
  return data.filter((m) => m.type === "text").map((m) => m.request.text?.body ?? "");
}

async function openConversation(page: Page, slug: string, name: string) {
  await page.goto(`/w/${slug}/inbox`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("conversation-list")).toContainText(name, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId("conversation-list").getByText(name).click();
  await expect(page.getByTestId("conversation-title")).toContainText(name);
}

test("a customer's STOP opts them out with one confirmation; a keyword added in consent settings works the same way", async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const NUMBER = numberFor(testInfo.retry);
  const run = Date.now().toString().slice(-6);
  const first = { from: `62813${run}11`, name: `Rina ${run}` };
  const second = { from: `62813${run}12`, name: `Budi ${run}` };

  await signUp(page, { name: "Sinta Owner", email: uniqueEmail("consent-owner") });
  const slug = await createWorkspace(page, `Toko Batik ${run}`);
  await connectWhatsApp(page, slug, NUMBER);

  // Settings → Consent shows the defaults and the confirmation customers get.
  await page.goto(`/w/${slug}/settings`);
  await page.getByRole("link", { name: "Consent", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/settings/consent$`));
  await expect(page.getByLabel("Opt-out keywords")).toHaveValue("STOP\nUNSUBSCRIBE\nBERHENTI\nBATAL");
  await expect(page.getByText("The customer's whole message must be one of the keywords")).toBeVisible();
  const confirmation = (await page.getByTestId("consent-confirmation-preview").textContent())!.trim();
  expect(confirmation).toMatch(/START/);

  // A customer writes STOP: opted out, by that keyword, and told so once.
  await customerWrites(request, NUMBER.phoneNumberId, first.from, first.name, "STOP");
  await openConversation(page, slug, first.name);
  const panel = page.getByRole("complementary", { name: "Contact details" });
  await expect(panel).toContainText("Opted out since");
  await expect(panel).toContainText("Reason: Wrote STOP");
  await expect(page.getByTestId("conversation-timeline")).toContainText(confirmation, { timeout: 20_000 });
  await expect.poll(() => sentTo(request, first.from), { timeout: 15_000 }).toEqual([confirmation]);

  // "keluar" is not a keyword yet: an ordinary message, nothing changes.
  await customerWrites(request, NUMBER.phoneNumberId, second.from, second.name, "keluar");
  await openConversation(page, slug, second.name);
  await expect(panel).toContainText("Receives marketing messages.");

  // The owner adds KELUAR (as typed: lower case, with punctuation) and a conflicting opt-in is refused.
  await page.goto(`/w/${slug}/settings/consent`);
  const optOut = page.getByLabel("Opt-out keywords");
  const optIn = page.getByLabel("Opt-in keywords");
  await optOut.fill("STOP\nUNSUBSCRIBE\nBERHENTI\nBATAL\nkeluar!");
  await optIn.fill("START\nSUBSCRIBE\nMULAI\nKeluar");
  await page.getByRole("button", { name: "Save keywords" }).click();
  await expect(page.getByText("“KELUAR” cannot be both an opt-out and an opt-in keyword.")).toBeVisible();
  await optIn.fill("START\nSUBSCRIBE\nMULAI");
  await page.getByRole("button", { name: "Save keywords" }).click();
  await expect(page.getByText("Keywords saved.")).toBeVisible();
  await expect(optOut).toHaveValue("STOP\nUNSUBSCRIBE\nBERHENTI\nBATAL\nKELUAR");
  await page.reload();
  await expect(page.getByLabel("Opt-out keywords")).toHaveValue("STOP\nUNSUBSCRIBE\nBERHENTI\nBATAL\nKELUAR");

  // Now the second customer's "keluar" opts them out, with the same confirmation.
  await customerWrites(request, NUMBER.phoneNumberId, second.from, second.name, "keluar.");
  await openConversation(page, slug, second.name);
  // The conversation was listed already: wait for this message's webhook to have been applied.
  await expect(async () => {
    await page.reload();
    await expect(panel).toContainText("Reason: Wrote KELUAR", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("conversation-timeline")).toContainText(confirmation, { timeout: 20_000 });
  await expect.poll(() => sentTo(request, second.from), { timeout: 15_000 }).toEqual([confirmation]);
  // The first customer still got exactly one.
  expect(await sentTo(request, first.from)).toEqual([confirmation]);
});
