import { expect, test } from "./fixtures";

const DEMO_PASSWORD = "Tillit-demo-2026!";

test.describe("cross-sector overview", () => {
  test("DIGG's oversight officer sees how many organisations of each kind use Tillit", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-postadress").fill("tillsyn@digg.example");
    await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("link", { name: "Sektorsöversikt" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sektorsövergripande översikt" })).toBeVisible();
    const byKind = page.getByRole("table", { name: "Organisationer och register per typ av organisation" });
    // Columns: kind, use cases, organisations, keeping a register, completeness.
    await expect(byKind.getByRole("row", { name: /^Kommun\b/ }).getByRole("cell").nth(1)).toHaveText("1");
    await expect(byKind.getByRole("row", { name: /^Statlig myndighet\b/ }).getByRole("cell").nth(1)).toHaveText("1");
  });

  test("the overview is not there for an organisation's own admin", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("E-postadress").fill("admin@exempelby.example");
    await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).not.toHaveURL(/sign-in/);
    const response = await page.goto("/oversight");
    expect(response?.status()).toBe(404);
  });
});
