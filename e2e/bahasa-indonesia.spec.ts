import { expect, test } from "@playwright/test";
import { createWorkspace, PASSWORD, signUp, uniqueEmail } from "./helpers";

test.describe("Parley in Bahasa Indonesia", () => {
  test("a browser that prefers Indonesian gets the sign-in page in Indonesian, rendered on the server", async ({ browser }) => {
    const context = await browser.newContext({ locale: "id-ID", extraHTTPHeaders: { "Accept-Language": "id-ID,id;q=0.9,en;q=0.5" } });
    const page = await context.newPage();
    // No flash of English: the HTML as served is already Indonesian.
    const response = await page.goto("/login");
    const html = (await response?.text()) ?? "";
    expect(html).toContain('lang="id"');
    expect(html).toContain("Selamat datang kembali");
    expect(html).not.toContain("Welcome back");
    await expect(page.getByRole("button", { name: "Masuk" })).toBeVisible();
    await context.close();
  });

  test("sign in, switch the language, and see the app shell, settings and dates in Indonesian", async ({ page }) => {
    const email = uniqueEmail("dewi");
    await signUp(page, { name: "Dewi Lestari", email });
    const slug = await createWorkspace(page, "Toko Dewi");
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/login/);

    // The sign-in page's own switch.
    await page.getByTestId("language-switch").selectOption("id");
    await expect(page.getByRole("heading", { name: "Selamat datang kembali" })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi").fill(PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${slug}/inbox$`));

    // The app shell.
    const nav = page.getByRole("navigation", { name: "Navigasi utama" });
    for (const label of ["Kotak masuk", "Kontak", "Kampanye", "Templat", "Pengaturan"]) await expect(nav.getByRole("link", { name: label })).toBeVisible();
    await expect(page.getByTestId("current-role")).toHaveText("Pemilik");

    // Settings, in Indonesian.
    await nav.getByRole("link", { name: "Pengaturan" }).click();
    await expect(page.getByLabel("Nama ruang kerja")).toHaveValue("Toko Dewi");
    await expect(page.getByLabel("Zona waktu")).toBeVisible();
    await expect(page.getByRole("button", { name: "Simpan perubahan" })).toBeVisible();
    // A form error, translated too.
    await page.getByLabel("Nama ruang kerja").fill("x");
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await expect(page.getByText("Gunakan minimal 2 karakter.")).toBeVisible();

    // Relative dates: an invitation "kedaluwarsa dalam 7 hari".
    await page.getByRole("link", { name: "Anggota" }).click();
    await page.getByTestId("invite-email").fill(uniqueEmail("rekan"));
    await page.getByRole("button", { name: "Kirim undangan" }).click();
    await expect(page.getByText(/kedaluwarsa dalam 7 hari/)).toBeVisible();

    // The choice is saved: it follows the user to a new browser.
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Keluar", exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.context().clearCookies();
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("link", { name: "Kotak masuk" })).toBeVisible();

    // And back to English from the user menu.
    await page.getByTestId("user-menu").click();
    await page.getByTestId("language-en").click();
    await expect(page.getByRole("link", { name: "Inbox" })).toBeVisible();
  });
});
