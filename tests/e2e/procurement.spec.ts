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

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function newUseCase(page: Page, title: string): Promise<string> {
  await page.goto("/exempelby/register/new");
  await page.getByLabel(/^Titel/).fill(title);
  await page.getByLabel(/^Kort sammanfattning för allmänheten/).fill("Tolkar och sammanfattar inkomna synpunkter till kommunen.");
  await page.getByLabel(/^Verksamhetsområde/).fill("Kommunikation");
  await page.getByLabel(/^Hur resultaten används/).selectOption({ label: "Beslutsstöd" });
  await page.getByRole("button", { name: "Spara användningsfallet" }).click();
  await expect(page).toHaveURL(/\/exempelby\/register\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop() ?? "";
}

test.describe("procurement and responsibilities", () => {
  test("a framework call-off with its checklist is approved; a direct award of 900 000 kr is refused", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "editor@exempelby.example");
    const useCaseId = await newUseCase(page, `Synpunktsanalys ${Date.now()}`);
    await page.getByRole("link", { name: "Anskaffning", exact: true }).click();
    await expect(page).toHaveURL(/\?tab=procurement$/);

    // A call-off from Adda's framework agreement.
    await page.getByRole("button", { name: "Nytt anskaffningsbeslut" }).click();
    await page.getByLabel(/^Anskaffningsväg/).selectOption({ label: "Avrop från ramavtal" });
    await page.getByLabel(/^Ramavtal/).selectOption({ label: "Programvaror och tjänster 2024 (Adda)" });
    await page.getByLabel(/^Uppskattat kontraktsvärde/).fill("450 000");
    await page.getByLabel(/^Diarienummer/).fill("KS 2026/311");
    await expect(page.getByText(/Direktupphandling är tillåten|Dokumentation krävs/).first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Spara anskaffningsbeslutet" }).click();
    await expect(page).toHaveURL(/\/exempelby\/procurement\/[0-9a-f-]{36}$/);
    const decisionUrl = page.url();

    // Approval is refused while required requirements are not assessed.
    await page.getByRole("button", { name: "Godkänn", exact: true }).click();
    let dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Godkänn beslutet" }).click();
    await expect(dialog.getByRole("alert")).toBeVisible();
    await dialog.getByRole("button", { name: "Avbryt" }).click();

    // Every required item met, with evidence.
    const items = page.locator("form").filter({ has: page.getByRole("button", { name: /^Spara kravet|^Spara:/ }) });
    const count = await items.count();
    expect(count).toBeGreaterThanOrEqual(8);
    for (let index = 0; index < count; index += 1) {
      const item = items.nth(index);
      if (!(await item.getByRole("checkbox", { name: "Obligatoriskt krav" }).isChecked())) continue;
      await item.getByRole("radio", { name: "Uppfyllt", exact: true }).check();
      await item.getByLabel(/^Belägg/).fill("Bekräftat i leverantörens avropssvar, bilaga 3.");
      await item.getByRole("button", { name: /^Spara kravet|^Spara:/ }).click();
      await expect(item.getByText("Sparat.")).toBeVisible();
    }
    await page.reload();
    await page.getByRole("button", { name: "Godkänn", exact: true }).click();
    dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Godkänn beslutet" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Godkänt").first()).toBeVisible();
    await expect(page).toHaveTitle(/Anskaffningsbeslut/);
    await expectAccessible(page);

    // A direct award of 900 000 kr by a municipality: refused before sending, with the reason.
    await page.goto(`/exempelby/register/${useCaseId}?tab=procurement`);
    await expect(page.getByRole("link", { name: /Avrop från ramavtal/ }).or(page.getByText("Godkänt")).first()).toBeVisible();
    await page.getByRole("button", { name: "Nytt anskaffningsbeslut" }).click();
    await page.getByLabel(/^Anskaffningsväg/).selectOption({ label: "Direktupphandling" });
    await page.getByLabel(/^Uppskattat kontraktsvärde/).fill("900 000");
    await expect(page.getByText(/Direktupphandling är inte tillåten: värdet 900 000 kr är över direktupphandlingsgränsen 700 000 kr/).first()).toBeVisible();
    await page.getByRole("button", { name: "Spara anskaffningsbeslutet" }).click();
    await expect(page).toHaveURL(/\?tab=procurement$/);
    await expectAccessible(page);

    // …and refused by the API as well, with the field and the reason.
    const refused = await page.request.post("/api/trpc/procurement.create", {
      headers: fromThisSite(page),
      data: {
        json: {
          organisationSlug: "exempelby",
          useCaseId,
          fields: { route: "DIRECT_AWARD", estimatedValueSek: 900_000, rationale: "Brådskande behov." },
        },
      },
    });
    expect(refused.status()).toBe(400);
    const body = JSON.stringify(await refused.json());
    expect(body).toContain("procurement.directAwardAboveLimit");
    await page.goto(decisionUrl);
    await expect(page.getByText("Godkänt").first()).toBeVisible();
  });

  test("a registrar adds a supplier with a product to the shared catalogue and opens the product's page", async ({ page }) => {
    const name = `Tolkcentralen Norr ${Date.now()} AB`;
    await signIn(page, "editor@exempelby.example");
    await page.goto("/exempelby");
    await page.getByRole("link", { name: "Leverantörer", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Leverantörer" })).toBeVisible();
    await page.getByLabel(/^Sök leverantör eller produkt/).fill("Kommunchatt");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expect(page.getByRole("link", { name: "Kommunchatt Sverige AB" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Lägg till leverantör" }).first().click();
    await page.getByLabel(/^Namn/).fill(name);
    await page.getByLabel(/^Land/).selectOption("SE");
    await page.getByRole("button", { name: "Lägg till leverantör" }).last().click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.getByRole("button", { name: "Lägg till produkt" }).first().click();
    await page.getByLabel(/^Produktnamn/).fill("Teckenspråkstolk på distans");
    // Saving opens the new product's page.
    await page.getByRole("button", { name: "Lägg till produkt" }).last().click();
    await expect(page.getByRole("heading", { level: 1, name: "Teckenspråkstolk på distans" })).toBeVisible();
    await expect(page.getByText("Används inte av några andra organisationer")).toBeVisible();
    await expectAccessible(page);

    // The demo municipality's chatbot product: its own decision is listed and links to the decision.
    await page.goto("/exempelby/suppliers?q=Kommunchatt");
    await page.getByRole("link", { name: "Kommunchatt Sverige AB" }).click();
    await page.getByRole("link", { name: "Kommunchatt", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Era anskaffningsbeslut om produkten" })).toBeVisible();
    await page.getByRole("link", { name: /Chattbot för invånarfrågor/ }).first().click();
    await expect(page).toHaveURL(/\/exempelby\/procurement\/[0-9a-f-]{36}$/);
  });

  test("assigning the accountable owner removes the gap from the status board", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await signIn(page, "admin@exempelby.example");
    await page.goto("/exempelby/status");
    const card = page.getByRole("region", { name: "Saknar ansvarsfördelning" });
    await expect(card.getByRole("link", { name: "Chattbot för invånarfrågor" })).toBeVisible();
    const before = Number((await card.getByRole("link", { name: /användningsfall saknar ett ansvar som krävs/ }).innerText()).trim().split(/\s/)[0]);
    expect(before).toBeGreaterThan(0);
    await expectAccessible(page);

    await card.getByRole("link", { name: "Chattbot för invånarfrågor" }).click();
    await expect(page).toHaveURL(/\?tab=responsibilities$/);
    await expect(page.getByText("Ett ansvar som krävs saknas")).toBeVisible();
    const assign = page.getByRole("region", { name: "Tilldela ansvar" });
    await assign.getByLabel(/^Ansvar/).selectOption({ label: "Verksamhetsansvarig" });
    await assign.getByLabel(/^Medlem$/).selectOption({ label: "Maria Åkesson" });
    await assign.getByRole("button", { name: "Tilldela ansvar" }).click();
    await expect(page.getByText("Ansvaret som Verksamhetsansvarig är tilldelat.")).toBeVisible();
    await expect(page.getByText("Ett ansvar som krävs saknas")).toHaveCount(0);
    await expectAccessible(page);

    await page.goto("/exempelby/status");
    await expect(card.getByRole("link", { name: "Chattbot för invånarfrågor" })).toHaveCount(0);
    if (before > 1) {
      const after = Number((await card.getByRole("link", { name: /användningsfall saknar ett ansvar som krävs/ }).innerText()).trim().split(/\s/)[0]);
      expect(after).toBe(before - 1);
    } else {
      await expect(card.getByText("Alla användningsfall har de ansvar som krävs.")).toBeVisible();
    }

    // The new owner sees it among their responsibilities.
    await page.getByRole("link", { name: "Mina ansvar" }).click();
    await expect(page.getByRole("link", { name: /Chattbot för invånarfrågor/ }).first()).toBeVisible();

    // A viewer sees the assignment but cannot assign, not even through the API.
    const viewer = await signedIn(browser, "viewer@exempelby.example");
    await viewer.goto("/exempelby/status");
    await viewer.getByRole("link", { name: "Statustavla" }).first().click();
    const refused = await viewer.request.post("/api/trpc/responsibilities.assign", {
      headers: fromThisSite(viewer),
      data: { json: { organisationSlug: "exempelby", useCaseId: "00000000-0000-4000-8000-000000000000", role: "LEGAL", personKind: "EXTERNAL", externalName: "X", validFrom: "2026-01-01" } },
    });
    expect(refused.status()).toBe(403);
    await viewer.context().close();
  });
});
