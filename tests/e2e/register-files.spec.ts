import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, fromThisSite } from "./fixtures";

/** Demo users (server/db/seed/demo.ts) all share this password. */
const DEMO_PASSWORD = "Tillit-demo-2026!";

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  // The form posts through its client code: wait until the page is interactive.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A small register as Excel writes it under a Swedish locale: semicolons, Swedish headers and labels. */
function registerCsv(titles: string[], firstSummary = "Sammanfattning för invånare."): Buffer {
  const header = "Titel;Offentlig sammanfattning;Verksamhetsområde;Användning av resultat;Livscykelstadium;AI-teknik";
  const rows = titles.map((title, i) => `${title};${i === 0 ? firstSummary : "En till sammanfattning."};Kontaktcenter;Beslutsstöd;Idé;Språkteknologi`);
  return Buffer.from(`\uFEFF${[header, ...rows].join("\r\n")}\r\n`, "utf-8");
}

test.describe("import and export of the register", () => {
  test("a registrar previews a file, fixes it, imports it and finds it in the export", async ({ page }) => {
    const title = `Importerad e2e ${Date.now()}`;
    await signIn(page, "editor@exempelby.example");
    await page.goto("/exempelby/register/import");
    await expect(page.getByRole("heading", { level: 1, name: "Importera AI-register" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ladda ned mallen som CSV" })).toBeVisible();

    // A file with a bad row: the preview names the row and the column, and import stays closed.
    const file = page.getByLabel("Fil att importera");
    await file.setInputFiles({ name: "register.csv", mimeType: "text/csv", buffer: registerCsv([title, ""]) });
    await expect(page.getByRole("alert").filter({ hasText: "1 rad av 2 har fel" })).toBeVisible();
    await expect(page.getByText("Rad 3, Titel: is required")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Importera \d+ användningsfall$/ })).toBeDisabled();
    await expectAccessible(page);

    // The corrected file: every row OK, then all are imported at once.
    await file.setInputFiles({ name: "register.csv", mimeType: "text/csv", buffer: registerCsv([title, `${title} del två`]) });
    await expect(page.getByText("Alla 2 rader kan importeras")).toBeVisible();
    const preview = page.getByRole("table", { name: /Resultat per rad i register\.csv/ });
    await expect(preview.getByRole("row", { name: new RegExp(title) }).first()).toContainText("OK");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Importera 2 användningsfall" }).click();
    await expect(page.getByText("2 användningsfall importerades")).toBeVisible();
    await expectAccessible(page);

    // The register's export of a search for the title holds the imported use case.
    await page.getByRole("link", { name: "Gå till AI-registret" }).click();
    await page.goto(`/exempelby/register?q=${encodeURIComponent(title)}`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exportera CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^ai-register-exempelby-\d{4}-\d{2}-\d{2}\.csv$/);
    const content = await readFile((await download.path())!, "utf-8");
    expect(content.startsWith("\uFEFFReferens;Titel;")).toBe(true);
    expect(content).toContain(title);
  });

  test("a viewer may export but cannot open the import page, nor call the import", async ({ page, playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    expect((await anonymous.get("/api/organisations/exempelby/use-cases/export?format=json")).status()).toBe(401);
    await anonymous.dispose();

    await signIn(page, "viewer@exempelby.example");
    const exported = await page.request.get("/api/organisations/exempelby/use-cases/export?format=json&lifecycleStage=IN_USE");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="ai-register-exempelby-\d{4}-\d{2}-\d{2}\.json"$/);
    const records = (await exported.json()) as { lifecycleStage: string }[];
    expect(records.every((record) => record.lifecycleStage === "IN_USE")).toBe(true);
    const template = await page.request.get("/api/organisations/exempelby/use-cases/template?format=xlsx");
    expect(template.status()).toBe(200);

    const response = await page.goto("/exempelby/register/import");
    expect(response?.status()).toBe(404);
    const refused = await page.request.post("/api/trpc/useCaseFiles.import", {
      headers: fromThisSite(page),
      data: { json: { organisationSlug: "exempelby", fileName: "register.csv", contentBase64: registerCsv(["Smyg"]).toString("base64") } },
    });
    expect(refused.status()).toBe(403);
  });
});
