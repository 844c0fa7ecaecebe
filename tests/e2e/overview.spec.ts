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

test.describe("overviews", () => {
  test("a CIO opens the dashboard and follows a figure to the list behind it", async ({ page }) => {
    await signIn(page, "admin@exempelby.example");
    await page.goto("/exempelby");
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Utveckling per månad" })).toBeVisible();

    const byRisk = page.getByRole("table", { name: "Per riskklass" });
    const firstRow = byRisk.getByRole("row").nth(1);
    const riskClass = (await firstRow.getByRole("rowheader").innerText()).trim();
    const count = Number((await firstRow.getByRole("link").innerText()).trim());
    expect(count).toBeGreaterThan(0);
    await firstRow.getByRole("link").click();
    await expect(page).toHaveURL(/\/exempelby\/register\?riskClass=/);
    await expect(page.getByRole("heading", { level: 1, name: "AI-register" })).toBeVisible();
    // The list behind the figure has exactly as many use cases, filtered by that risk class.
    await expect(page.getByText(count === 1 ? "1 användningsfall matchar" : `${count} användningsfall matchar`)).toBeVisible();
    await expect(page.getByRole("table", { name: /Användningsfall i AI-registret/ }).getByRole("row")).toHaveCount(count + 1);
    expect(riskClass.length).toBeGreaterThan(0);

    // The dashboard's assessment figures lead to the assessment list with the same filters.
    await page.goto("/exempelby");
    await page.getByRole("link", { name: /visa i listan: Försenade/ }).click();
    await expect(page).toHaveURL(/\/exempelby\/assessments\?overdue=true/);
  });

  test("an oversight officer filters by sector, drills into an organisation and exports a table", async ({ page }) => {
    await signIn(page, "tillsyn@digg.example");
    await page.getByRole("link", { name: "Sektorsöversikt" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sektorsövergripande översikt" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Små grupper visas inte" })).toBeVisible();

    await page.getByRole("combobox", { name: "Sektor" }).selectOption({ label: "Hälso- och sjukvård, omsorg" });
    await page.getByRole("button", { name: "Visa" }).click();
    await expect(page).toHaveURL(/\/oversight\?.*sector=HEALTH_AND_CARE/);
    await expect(page.getByRole("combobox", { name: "Sektor" })).toHaveValue("HEALTH_AND_CARE");

    // A figure leads to the organisations behind it that shared its use cases.
    await page.locator('a[href^="/oversight/figure?"]').first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisationerna bakom en siffra" })).toBeVisible();
    await expect(page).toHaveURL(/sector=HEALTH_AND_CARE/);
    await page.getByRole("link", { name: "Visa sammanställning för Region Exempelland" }).click();
    await expect(page).toHaveURL(/\/oversight\?organisation=region-exempelland/);
    await expect(page.getByRole("heading", { level: 2, name: "Region Exempelland: sammanställda uppgifter" })).toBeVisible();
    const shared = page.getByRole("table", { name: "Användningsfall delade med DIGG" });
    await expect(shared).toContainText("Triagestöd i 1177-rådgivningen");
    await expect(shared).not.toContainText("Bildanalys av hudförändringar");

    // Export the risk-class table with the organisation filter and the time of the data.
    const csvLink = page.getByRole("link", { name: "Ladda ned tabellen Användningsfall per riskklass som CSV" });
    const href = await csvLink.getAttribute("href");
    expect(href).toMatch(/organisation=region-exempelland/);
    const download = page.waitForEvent("download");
    await csvLink.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tillsyn-riskClass-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain("Användningsfall per riskklass");
    expect(text).toContain("Organisation: Region Exempelland");
    expect(text).toContain("Uppdaterad ");
    expect(text).toContain("Övriga siffror beräknades");
    const xlsx = await page.request.get(href!.replace("format=csv", "format=xlsx"));
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  });

  test("an organisation's admin gets neither the overview nor its exports", async ({ page }) => {
    await signIn(page, "admin@exempelby.example");
    expect((await page.goto("/oversight"))?.status()).toBe(404);
    expect((await page.goto("/oversight/figure?dimension=riskClass&value=HIGH_RISK"))?.status()).toBe(404);
    expect((await page.request.get("/api/oversight/tables/useCases?format=csv")).status()).toBe(403);
  });
});
