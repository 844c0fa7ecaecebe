import type { Browser, Locator, Page } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { expect, expectAccessible, test, fromThisSite } from "./fixtures";

/** Demo users (server/db/seed/demo.ts) all share this password. */
const DEMO_PASSWORD = "Tillit-demo-2026!";
const EDITOR = "editor@exempelby.example"; // Erik Nyström
const REVIEWER = "reviewer@exempelby.example"; // Sofia Berglund
const SECOND_REVIEWER = "dataskydd@exempelby.example"; // Nils Ekberg
const ADMIN = "admin@exempelby.example";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

/** The question's fieldset (components/assessments/questions gives each the id question-<key>). */
const question = (page: Page, key: string): Locator => page.locator(`#question-${key}`);

/** Chooses an option with the keyboard only: focus moves to the control, Space selects it. */
async function choose(page: Page, key: string, option: string | RegExp): Promise<void> {
  const control = question(page, key).getByRole("radio", { name: option }).or(question(page, key).getByRole("checkbox", { name: option }));
  await control.focus();
  await page.keyboard.press("Space");
  await expect(control).toBeChecked();
  await expect(question(page, key).getByText(/Sparat/)).toBeVisible();
}

/** Types an answer with the keyboard and leaves the field with Tab, which saves it. */
async function type(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
}

async function statusBoardCount(page: Page, template: string, status: string): Promise<number> {
  await page.goto("/exempelby/status");
  const link = page.getByRole("link", { name: new RegExp(`^\\d+ bedömningar: ${template}, ${status}$`) });
  return Number((await link.innerText()).trim());
}

async function createUseCase(page: Page, title: string): Promise<string> {
  await page.goto("/exempelby/register/new");
  await page.getByLabel(/^Titel/).fill(title);
  await page.getByLabel(/^Kort sammanfattning för allmänheten/).fill("Rangordnar ansökningar till kommunens sommarjobb för ungdomar.");
  await page.getByLabel(/^Verksamhetsområde/).fill("Personal");
  await page.getByLabel(/^Hur resultaten används/).selectOption({ label: "Beslutsstöd" });
  await page.getByRole("button", { name: "Spara användningsfallet" }).click();
  await expect(page).toHaveURL(/\/exempelby\/register\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop() ?? "";
}

async function startAssessment(page: Page, useCaseId: string, template: string): Promise<string> {
  await page.goto(`/exempelby/register/${useCaseId}?tab=assessments`);
  await page.getByRole("button", { name: `Starta bedömning ${template}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Fas/).selectOption({ label: "Utveckling" });
  await dialog.getByLabel(/^Ansvarig/).selectOption({ label: "Erik Nyström" });
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Starta bedömning" }).click();
  await expect(page).toHaveURL(/\/exempelby\/assessments\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop() ?? "";
}

async function confirmInDialog(page: Page, opener: string, confirm: string, fill?: { label: RegExp; text: string }): Promise<void> {
  await page.getByRole("button", { name: opener, exact: true }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  if (fill) await dialog.getByLabel(fill.label).fill(fill.text);
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test.describe("assessments", () => {
  test("classification and trust model: answered by keyboard, reviewed with four eyes, approved; the register, status board and PDF follow", async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const admin = await signedIn(browser, ADMIN);
    const approvedBefore = await statusBoardCount(admin, "Riskklassning enligt AI-förordningen", "Godkänd");
    await expectAccessible(admin);

    // The registrar creates the use case and starts its classification.
    await page.goto("/sign-in");
    await page.getByLabel("E-postadress").fill(EDITOR);
    await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    const useCaseId = await createUseCase(page, `Urval till sommarjobb ${Date.now()}`);
    await page.getByRole("link", { name: "Bedömningar", exact: true }).last().click();
    await expect(page.getByRole("cell", { name: "Krävs" }).first()).toBeVisible();
    const classificationId = await startAssessment(page, useCaseId, "Riskklassning enligt AI-förordningen");

    // Keyboard only: focus the choice, press Space; type text, Tab away.
    await choose(page, "is_ai_system", /^Ja/);
    await choose(page, "value_chain_roles", /^Tillhandahållare/);
    await choose(page, "prohibited_practices", /^Inget av dessa/);
    await choose(page, "annex_i_product", /^Nej/);
    await choose(page, "annex_iii_area", /^4\. Anställning/);
    await choose(page, "profiling", /^Ja/);
    await choose(page, "exemption_6_3", /^Inget undantag/);
    await choose(page, "transparency_cases", /^Inget av dessa/);
    await choose(page, "gpai", /^Nej/);
    await expect(page.getByText("Hög risk").first()).toBeVisible();
    await confirmInDialog(page, "Skicka för granskning", "Skicka för granskning");
    await expect(page.getByText("Under granskning").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Godkänn", exact: true })).toHaveCount(0);

    // The trust model, in the development phase: every required question, by keyboard.
    const trustId = await startAssessment(page, useCaseId, "Förtroendemodellen");
    await expect(question(page, "before_conclusions")).toBeVisible();
    const required = page.locator("div[id^='question-']").filter({ hasText: "(obligatorisk)" });
    const count = await required.count();
    expect(count).toBeGreaterThan(50);
    for (let index = 0; index < count; index += 1) {
      const fieldset = required.nth(index);
      const notApplicable = fieldset.getByRole("radio", { name: /^Ej tillämpligt/ });
      if ((await notApplicable.count()) > 0) {
        await notApplicable.focus();
        await page.keyboard.press("Space");
        await expect(fieldset.getByText(/Sparat/)).toBeVisible();
      } else {
        await type(page, fieldset.getByRole("textbox").first(), "Bedöms av projektgruppen i januari 2027.");
        await expect(fieldset.getByText(/Sparat/)).toBeVisible();
      }
    }
    await page.reload();
    await expect(page.getByText(new RegExp(`${count} av ${count} obligatoriska frågor är besvarade`)).first()).toBeVisible();
    await confirmInDialog(page, "Skicka för granskning", "Skicka för granskning");
    await expect(page.getByText("Under granskning").first()).toBeVisible();
    await page.goto(`/exempelby/assessments/${trustId}`);

    // A reviewer asks for a change on one question.
    const reviewer = await signedIn(browser, REVIEWER);
    await reviewer.goto(`/exempelby/assessments/${classificationId}`);
    await question(reviewer, "annex_iii_area").getByRole("button", { name: "Kommentera frågan" }).click();
    await question(reviewer, "annex_iii_area").getByLabel(/^Din kommentar till fråga/).fill("Gäller det även feriearbete inom äldreomsorgen? Ange det i anteckningen.");
    await question(reviewer, "annex_iii_area").getByRole("button", { name: "Skicka kommentaren" }).click();
    await expect(question(reviewer, "annex_iii_area").getByText("Gäller det även feriearbete")).toBeVisible();
    await confirmInDialog(reviewer, "Begär ändringar", "Begär ändringar", { label: /^Vad behöver ändras/, text: "Se kommentaren vid bilaga III." });
    await expect(reviewer.getByText("Ändringar begärda").first()).toBeVisible();
    await expectAccessible(reviewer);

    // The registrar sees the comment, fixes the answer, resolves the comments and submits again.
    await page.goto(`/exempelby/assessments/${classificationId}`);
    await expect(question(page, "annex_iii_area").getByText("Gäller det även feriearbete")).toBeVisible();
    await type(page, question(page, "classification_notes").getByRole("textbox").first(), "Omfattar även feriearbete inom äldreomsorgen.");
    await expect(question(page, "classification_notes").getByText(/Sparat/)).toBeVisible();
    await question(page, "annex_iii_area").getByRole("button", { name: /^Markera som åtgärdad/ }).click();
    await expect(question(page, "annex_iii_area").getByRole("button", { name: /^Markera som åtgärdad/ })).toHaveCount(0);
    await page.getByRole("button", { name: /^Markera som åtgärdad/ }).first().click();
    await expect(page.getByRole("button", { name: /^Markera som åtgärdad/ })).toHaveCount(0);
    await confirmInDialog(page, "Skicka för granskning", "Skicka för granskning");

    // The first reviewer did not answer, but a second reviewer approves (four eyes).
    const second = await signedIn(browser, SECOND_REVIEWER);
    await second.goto(`/exempelby/assessments/${classificationId}`);
    await confirmInDialog(second, "Godkänn", "Godkänn");
    await expect(second.getByText("Godkänd och låst")).toBeVisible();
    await expect(second.getByText(/Godkänd av Nils Ekberg/)).toBeVisible();
    await expectAccessible(second);

    // The use case now carries the approved risk class.
    await page.goto(`/exempelby/register/${useCaseId}`);
    await expect(page.getByText("Hög risk").first()).toBeVisible();
    await expect(page.getByText(/Anställning/).first()).toBeVisible();

    // The CIO's status board counts it, and its number leads to the list with it.
    expect(await statusBoardCount(admin, "Riskklassning enligt AI-förordningen", "Godkänd")).toBe(approvedBefore + 1);
    await admin.getByRole("link", { name: /^\d+ bedömningar: Riskklassning enligt AI-förordningen, Godkänd$/ }).click();
    await expect(admin).toHaveURL(/status=APPROVED/);
    await expect(admin.getByRole("link", { name: /Urval till sommarjobb/ }).first()).toBeVisible();
    await expectAccessible(admin);

    // The PDF opens and holds the approvals with names and dates.
    const pdf = await second.request.get(`/api/organisations/exempelby/assessments/${classificationId}/report.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toMatch(/^inline/);
    const text = await pdfText(new Uint8Array(await pdf.body()));
    expect(text).toContain("Nils Ekberg");
    expect(text).toContain("Erik Nyström");
    expect(text).toMatch(/Godkänd/);
    expect(text).toMatch(new RegExp(new Date().toISOString().slice(0, 4)));
    await second.goto(`/exempelby/assessments/${classificationId}/report`);
    await expect(second.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(second);

    // A reviewer who did not answer may approve the trust model; its registrar may not, not even through the API.
    await reviewer.goto(`/exempelby/assessments/${trustId}`);
    await expect(reviewer.getByRole("button", { name: "Godkänn", exact: true })).toBeVisible();
    await expectAccessible(reviewer);
    const refused = await page.request.post("/api/trpc/assessments.approve", {
      headers: fromThisSite(page),
      data: { json: { organisationSlug: "exempelby", id: trustId, version: 1, nextReviewOn: null } },
    });
    expect(refused.status()).toBe(403);

    for (const extra of [admin, reviewer, second]) await extra.context().close();
  });
});
