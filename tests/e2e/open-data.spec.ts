import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Demo users (server/db/seed/demo.ts) all share this password. */
const DEMO_PASSWORD = "Tillit-demo-2026!";

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test.describe("open data", () => {
  test("a visitor finds the API page from the public register, and the API answers with published records", async ({ page }) => {
    await page.goto("/register");
    await page.getByRole("navigation", { name: "Öppet AI-register" }).getByRole("link", { name: "Öppna data och API" }).click();
    await expect(page).toHaveURL(/\/register\/api$/);
    await expect(page.getByRole("heading", { level: 1, name: "Öppna data och API" })).toBeVisible();

    const list = await page.request.get("/api/open/v1/use-cases");
    expect(list.status()).toBe(200);
    expect(list.headers()["access-control-allow-origin"]).toBe("*");
    const body = (await list.json()) as { data: { id: string }[] };
    expect(body.data.length).toBeGreaterThan(0);
    const again = await page.request.get("/api/open/v1/use-cases", { headers: { "If-None-Match": list.headers()["etag"] ?? "" } });
    expect(again.status()).toBe(304);
  });

  test("an admin opens the EU database registration of a high-risk use case", async ({ page }) => {
    await signIn(page, "admin@regionexempelland.example");
    await page.goto(`/region-exempelland/register?q=${encodeURIComponent("Triagestöd")}`);
    await page.getByRole("link", { name: "Triagestöd i 1177-rådgivningen" }).click();
    await page.getByRole("link", { name: /^Registrering i EU:s databas/ }).click();
    await expect(page).toHaveURL(/\/eu-database$/);
    await expect(page.getByRole("heading", { level: 1, name: "Registrering i EU:s databas" })).toBeVisible();
  });
});
