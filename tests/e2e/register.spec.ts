import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, test, fromThisSite } from "./fixtures";

/** Demo users (server/db/seed/demo.ts) all share this password. */
const DEMO_PASSWORD = "Tillit-demo-2026!";

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function asViewer(browser: Browser, check: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, "viewer@exempelby.example");
    await check(page);
  } finally {
    await context.close();
  }
}

test.describe("the AI register", () => {
  test("a registrar creates, finds, edits and archives a use case; a viewer cannot edit", async ({ page, browser }) => {
    const title = `Stöd för bygglovshandläggning ${Date.now()}`;
    await signIn(page, "editor@exempelby.example");
    await page.goto("/exempelby");
    await page.getByRole("link", { name: "AI-register", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "AI-register" })).toBeVisible();
    await expect(page.getByRole("link", { name: "AI-register", exact: true })).toHaveAttribute("aria-current", "page");

    // Create: the form checks required fields before sending anything.
    await page.getByRole("link", { name: "Nytt användningsfall" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Nytt AI-användningsfall" })).toBeVisible();
    await page.getByRole("button", { name: "Spara användningsfallet" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Formuläret innehåller fel" })).toBeVisible();
    await expect(page.getByLabel(/^Titel/)).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel(/^Kort sammanfattning för allmänheten/).fill("Ett AI-stöd som hjälper handläggare att sortera ansökningar om bygglov.");
    await page
      .getByLabel(/^Fullständig beskrivning/)
      .fill("Systemet läser inkomna ansökningar och föreslår bedömningar som en handläggare alltid granskar.");
    await page.getByLabel(/^Verksamhetsområde/).fill("Bygglov");
    await page.getByLabel(/^Hur resultaten används/).selectOption({ label: "Beslutsstöd" });
    await expect(page.getByRole("alert").filter({ hasText: "Formuläret innehåller fel" })).toBeHidden();
    await page.getByRole("button", { name: "Spara användningsfallet" }).click();
    await expect(page).toHaveURL(/\/exempelby\/register\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("Beslutsstöd")).toBeVisible();
    const id = page.url().split("/").pop() ?? "";

    // Find it by a word from its description: "bedömning" finds "bedömningar".
    await page.getByRole("link", { name: "Tillbaka till AI-registret" }).click();
    await page.getByRole("searchbox", { name: "Sök" }).fill("bedömning");
    await page.getByRole("button", { name: "Visa resultat" }).first().click();
    await expect(page).toHaveURL(/[?&]q=bedömning|[?&]q=bed%C3%B6mning/);
    await expect(page.getByRole("status").filter({ hasText: /matchar/ })).toBeVisible();
    await page.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/exempelby/register/${id}$`));

    // Edit it; the change shows in its history.
    await page.getByRole("link", { name: "Redigera" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Ändra ${title}` })).toBeVisible();
    await page.getByLabel(/^Verksamhetsområde/).fill("Samhällsbyggnad");
    await page.getByRole("button", { name: "Spara ändringarna" }).click();
    await expect(page).toHaveURL(new RegExp(`/exempelby/register/${id}$`));
    await expect(page.getByText("Samhällsbyggnad")).toBeVisible();
    await page.getByRole("link", { name: "Historik" }).click();
    await expect(page).toHaveURL(/\?tab=history$/);
    await expect(page.getByRole("listitem").filter({ hasText: /^Verksamhetsområde:.*Bygglov.*Samhällsbyggnad/ })).toBeVisible();
    await expect(page.getByText(/^Ändrat/).first()).toBeVisible();

    // A viewer sees no edit buttons, and the API refuses the edit as well.
    await asViewer(browser, async (viewer) => {
      await viewer.goto(`/exempelby/register/${id}`);
      await expect(viewer.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(viewer.getByRole("link", { name: "Redigera" })).toHaveCount(0);
      await expect(viewer.getByRole("button", { name: "Arkivera" })).toHaveCount(0);
      await expect(viewer.getByRole("link", { name: "Nytt användningsfall" })).toHaveCount(0);
      const refused = await viewer.request.post("/api/trpc/useCases.update", {
        headers: fromThisSite(viewer),
        data: {
          json: {
            organisationSlug: "exempelby",
            id,
            version: 2,
            useCase: { title: "Ändrad av läsare", publicSummary: "Nej.", businessArea: "Bygglov", outputUse: "DECISION_SUPPORT" },
          },
        },
      });
      expect(refused.status()).toBe(403);
      const edit = await viewer.goto(`/exempelby/register/${id}/edit`);
      expect(edit?.status()).toBe(404);
    });

    // Archive: it leaves the list and is found under archived.
    await page.getByRole("link", { name: "Översikt", exact: true }).last().click();
    await page.getByRole("button", { name: "Arkivera" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Arkivera" }).click();
    await expect(page.getByText("Arkiverat", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Redigera" })).toHaveCount(0);

    await page.goto(`/exempelby/register?q=${encodeURIComponent("bedömning")}`);
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
    await page.getByLabel("Visa bara arkiverade användningsfall").check();
    await page.getByRole("button", { name: "Visa resultat" }).first().click();
    await expect(page).toHaveURL(/archived=true/);
    await expect(page.getByRole("heading", { level: 2, name: "Arkiverade användningsfall" })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  });
});
