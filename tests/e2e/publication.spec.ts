import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Demo users (server/db/seed/demo.ts) all share this password. */
const DEMO_PASSWORD = "Tillit-demo-2026!";
const SPEECH = "Tal till text för dokumentation i socialtjänsten";
const CHATBOT = "Chattbot för invånarfrågor";

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Opens a demo use case of Exempelby kommun from the register, on its publication tab. */
async function openPublicationTab(page: Page, title: string): Promise<void> {
  await page.goto(`/exempelby/register?q=${encodeURIComponent(title.split(" ")[0] ?? title)}`);
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "Publicering" }).click();
  await expect(page).toHaveURL(/\?tab=publication$/);
}

async function inNewContext(browser: Browser, work: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  try {
    await work(await context.newPage());
  } finally {
    await context.close();
  }
}

test.describe("publication and the public AI register", () => {
  test("an editor proposes, an admin publishes, a visitor finds it and reports an error, the editor answers", async ({ page, browser }) => {
    // The editor: the record changed since the published version, so they propose a new one.
    await signIn(page, "editor@exempelby.example");
    await openPublicationTab(page, SPEECH);
    await expect(page.getByRole("heading", { name: "Ändrat sedan publicering" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Publicera" })).toHaveCount(0);
    await page.getByRole("button", { name: "Föreslå en ny version" }).click();
    await page.getByLabel("Anteckning till granskaren").fill("Sammanfattningen är uppdaterad efter piloten.");
    await page.getByRole("dialog").getByRole("button", { name: "Föreslå publicering" }).click();
    await expect(page.getByTestId("publication-state")).toHaveText("Föreslaget för publicering");

    // The admin reviews the public view and publishes version 2.
    await inNewContext(browser, async (admin) => {
      await signIn(admin, "admin@exempelby.example");
      await openPublicationTab(admin, SPEECH);
      await expect(admin.getByText("Sammanfattningen är uppdaterad efter piloten.")).toBeVisible();
      await expect(admin.getByRole("heading", { name: "Så här ser allmänheten det" })).toBeVisible();
      await admin.getByRole("button", { name: "Publicera" }).click();
      await admin.getByRole("dialog").getByRole("button", { name: "Publicera" }).click();
      await expect(admin.getByTestId("publication-state")).toHaveText("Publicerat");
      await expect(admin.getByText(/Version 2 publicerades/)).toBeVisible();
    });

    // An anonymous visitor finds it by a word only the new version has, and reports an error.
    await inNewContext(browser, async (visitor) => {
      await visitor.goto("/register");
      await expect(visitor.getByRole("heading", { level: 1, name: "Öppet AI-register" })).toBeVisible();
      await visitor.getByRole("searchbox", { name: "Sök bland användningsfallen" }).fill("omvandlas");
      await visitor.getByRole("button", { name: "Visa resultat" }).first().click();
      await expect(visitor).toHaveURL(/[?&]q=omvandlas/);
      await visitor.getByRole("link", { name: SPEECH }).click();
      await expect(visitor.getByRole("heading", { level: 1, name: SPEECH })).toBeVisible();
      await expect(visitor.getByText(/version 2\)/)).toBeVisible();
      await visitor.getByLabel("Meddelande").fill("Pilotens startdatum på sidan stämmer inte med kommunens beslut.");
      await visitor.getByLabel("Din e-postadress (frivilligt)").fill("invanare@exempel.example");
      // The form refuses what is sent within three seconds of loading it (robots).
      await visitor.waitForTimeout(3_100);
      await visitor.getByRole("button", { name: "Skicka" }).click();
      await expect(visitor.getByText("Tack! Ditt meddelande har skickats till Exempelby kommun.")).toBeVisible();
      await expect(visitor.getByTestId("report-statistics")).toContainText("1 öppen");
    });

    // The editor answers it in the inbox.
    await page.getByRole("link", { name: "Frågor från allmänheten" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Frågor och felanmälningar" })).toBeVisible();
    await page.getByRole("row").filter({ hasText: "Pilotens startdatum" }).getByRole("link").click();
    await expect(page.getByTestId("report-status")).toHaveText("Öppen");
    await page.getByLabel("Svar", { exact: true }).fill("Tack, datumet är rättat i registret.");
    await page.getByRole("button", { name: "Spara svaret" }).click();
    await expect(page.getByTestId("report-status")).toHaveText("Besvarad");
    await expect(page.getByTestId("report-answer")).toHaveText("Tack, datumet är rättat i registret.");
  });

  test("editing a published use case shows what changed since publication, and nothing public changes", async ({ page, browser }) => {
    await signIn(page, "editor@exempelby.example");
    await openPublicationTab(page, CHATBOT);
    await expect(page.getByText("Den publicerade versionen stämmer med uppgifterna i registret.")).toBeVisible();
    await page.getByRole("link", { name: "Redigera" }).click();
    await page.getByLabel(/^Kort sammanfattning för allmänheten/).fill("Chattboten svarar på frågor om förskola, avfall och parkering.");
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await page.getByRole("link", { name: "Publicering" }).click();
    await expect(page.getByRole("alert").or(page.getByText("Uppgifterna nedan skiljer sig från den publicerade versionen.", { exact: false })).first()).toBeVisible();
    const changes = page.getByRole("table", { name: /Ändrade fält/ });
    await expect(changes.getByRole("row").filter({ hasText: "Kort sammanfattning för allmänheten" })).toContainText("förskola, avfall och parkering");

    // The register's filter finds it among the published, out of date.
    await page.goto("/exempelby/register?publication=outOfDate");
    await expect(page.getByRole("link", { name: CHATBOT })).toBeVisible();

    // The public still sees the published version.
    await inNewContext(browser, async (visitor) => {
      await visitor.goto("/register?q=chattbot");
      await visitor.getByRole("link", { name: CHATBOT }).click();
      await expect(visitor.getByText("förskola, avfall och parkering")).toHaveCount(0);
    });
  });
});
