import type { Page } from "@playwright/test";
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

/** tRPC over HTTP with superjson: the input goes as `{ json: input }`. */
function trpcQueryUrl(path: string, input: unknown): string {
  return `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

test.describe("organisations, members and invitations", () => {
  test("a member of two organisations switches between them, and sees no others", async ({ page }) => {
    await signIn(page, "digitalisering@exempelby.example");
    await page.goto("/exempelby");
    await expect(page.getByText("Din roll: Registrator")).toBeVisible();
    await expect(page.getByRole("link", { name: "Översikt" })).toHaveAttribute("aria-current", "page");

    const switcher = page.getByRole("navigation", { name: "Huvudmeny" });
    await switcher.getByLabel("Organisation").selectOption({ label: "Räddningstjänsten Exempelbygd" });
    await switcher.getByRole("button", { name: "Byt", exact: true }).click();
    await expect(page).toHaveURL(/\/raddningstjansten-exempelbygd$/);
    await expect(page.getByText("Din roll: Granskare")).toBeVisible();
    await expect(switcher.getByLabel("Organisation")).toHaveValue("raddningstjansten-exempelbygd");

    // Another organisation's workspace does not exist, as far as she can tell.
    const response = await page.goto("/exempeltjanster/members");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
  });

  test("an admin invites a new person, who creates an account and joins; the log shows it", async ({ page, browser }) => {
    await signIn(page, "admin@exempelby.example");
    await page.goto("/exempelby/members");
    await expect(page.getByRole("heading", { level: 1, name: "Medlemmar" })).toBeVisible();

    const invite = page.getByRole("region", { name: "Bjud in en medlem" });
    // The form checks the address with the server's schema before sending anything.
    await invite.getByLabel("E-postadress").fill("inte en adress");
    await invite.getByRole("button", { name: "Skicka inbjudan" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Formuläret innehåller fel" })).toBeVisible();
    await expect(invite.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    await invite.getByLabel("E-postadress").fill("ny.medarbetare@exempelby.example");
    await invite.getByLabel("Roll").selectOption({ label: "Läsare" });
    await invite.getByRole("button", { name: "Skicka inbjudan" }).click();
    const linkField = invite.getByLabel("Inbjudningslänk");
    await expect(linkField).toBeVisible();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/invitations\/exempelby\/[\w-]{20,}$/);
    await expectAccessible(page);
    const pending = page.getByRole("region", { name: "Väntande inbjudningar" });
    await expect(pending.getByRole("rowheader", { name: "ny.medarbetare@exempelby.example" })).toBeVisible();

    // The invitee, in a browser of their own.
    const inviteeContext = await browser.newContext();
    try {
      const invitee = await inviteeContext.newPage();
      await invitee.goto(link);
      await expect(invitee.getByRole("heading", { level: 1, name: "Inbjudan till Exempelby kommun" })).toBeVisible();
      await expect(invitee.getByText("med rollen Läsare")).toBeVisible();
      await expectAccessible(invitee);
      await invitee.getByLabel("Ditt namn").fill("Nora Medarbetare");
      await invitee.getByLabel("Lösenord", { exact: true }).fill("korall-Vimpel-92-sextant!");
      await invitee.getByLabel("Lösenord igen").fill("korall-Vimpel-92-sextant!");
      await invitee.getByRole("button", { name: "Skapa konto och gå med" }).click();
      await expect(invitee).toHaveURL(/\/exempelby$/);
      await expect(invitee.getByText("Din roll: Läsare")).toBeVisible();
      await expect(invitee.getByRole("navigation", { name: "Huvudmeny" }).getByText("Nora Medarbetare")).toBeVisible();
      await expectAccessible(invitee);
    } finally {
      await inviteeContext.close();
    }

    // Back with the admin: the new member is listed, the invitation no longer pending.
    await page.reload();
    const members = page.getByRole("region", { name: "Organisationens medlemmar" });
    const newMember = members.getByRole("row").filter({ hasText: "Nora Medarbetare" });
    await expect(newMember).toBeVisible();
    await expect(newMember.getByLabel("Roll för Nora Medarbetare")).toHaveValue("VIEWER");
    await expect(pending.getByText("ny.medarbetare@exempelby.example")).toHaveCount(0);

    // The last admin cannot demote herself.
    const self = members.getByRole("row").filter({ hasText: "Maria Åkesson" });
    await self.getByLabel("Roll för Maria Åkesson").selectOption("VIEWER");
    await self.getByRole("button", { name: "Spara roll för Maria Åkesson" }).click();
    await expect(self.getByText("Organisationen måste ha minst en administratör")).toBeVisible();

    // The audit log has the invitation and the join.
    await page.getByRole("link", { name: "Händelselogg" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Händelselogg" })).toBeVisible();
    const log = page.getByRole("table");
    await expect(log.getByRole("row").filter({ hasText: "Inbjudan skickades" }).filter({ hasText: "Maria Åkesson" })).toBeVisible();
    await expect(log.getByRole("row").filter({ hasText: "Inbjudan accepterades" })).toBeVisible();
    await expect(log.getByRole("row").filter({ hasText: "Medlem gick med" }).filter({ hasText: "Nora Medarbetare" })).toBeVisible();

    // Filters live in the URL: only membership records.
    await page.getByLabel("Typ av uppgift").selectOption({ label: "Medlemskap" });
    await page.getByRole("button", { name: "Visa händelser" }).click();
    await expect(page).toHaveURL(/entityType=Membership/);
    await expect(log.getByRole("row").filter({ hasText: "Inbjudan skickades" })).toHaveCount(0);
    await expect(log.getByRole("row").filter({ hasText: "Medlem gick med" })).toBeVisible();
  });

  test("a viewer sees the members but no edit controls, and a direct call is refused", async ({ page }) => {
    await signIn(page, "viewer@exempelby.example");
    await page.goto("/exempelby/members");
    const members = page.getByRole("region", { name: "Organisationens medlemmar" });
    const admin = members.getByRole("row").filter({ hasText: "Maria Åkesson" });
    await expect(admin).toContainText("Administratör");
    const main = page.getByRole("main");
    await expect(main.getByRole("button")).toHaveCount(0);
    await expect(main.getByRole("combobox")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Bjud in en medlem" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Händelselogg" })).toHaveCount(0);

    // The hidden button is also a refused call.
    const list = await page.request.get(trpcQueryUrl("members.list", { organisationSlug: "exempelby" }));
    expect(list.status()).toBe(200);
    const body = (await list.json()) as { result: { data: { json: { userId: string; email: string; version: number }[] } } };
    const target = body.result.data.json.find((member) => member.email === "admin@exempelby.example");
    expect(target).toBeDefined();
    const refused = await page.request.post("/api/trpc/members.changeRole", {
      headers: fromThisSite(page),
      data: { json: { organisationSlug: "exempelby", userId: target?.userId, role: "VIEWER", version: target?.version } },
    });
    expect(refused.status()).toBe(403);
    const invite = await page.request.post("/api/trpc/invitations.create", {
      headers: fromThisSite(page),
      data: { json: { organisationSlug: "exempelby", email: "smygare@exempelby.example", role: "ADMIN" } },
    });
    expect(invite.status()).toBe(403);

    // Nothing changed, and the audit log is not theirs to read.
    await page.reload();
    await expect(admin).toContainText("Administratör");
    const audit = await page.goto("/exempelby/audit");
    expect(audit?.status()).toBe(404);
  });

  test("signing out ends the session: a copy of the cookie no longer signs anyone in", async ({ page, browser }) => {
    await signIn(page, "viewer@exempelby.example");
    const copied = await page.context().cookies();
    await page.goto("/exempelby/members");
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Logga in" })).toBeVisible();

    const thief = await browser.newContext({ baseURL: new URL(page.url()).origin });
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/exempelby/members");
    await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=/);
    await thief.close();
  });

  test("a signed-out visitor is sent to sign in, and back afterwards", async ({ page }) => {
    await page.goto("/exempelby/members");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fexempelby/);
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Logga in" })).toBeVisible();
  });
  test("an admin removes a member after confirming, and a stale role change gets a conflict and a reload", async ({ page, context }) => {
    await signIn(page, "admin@exempelby.example");
    await page.goto("/exempelby/members");
    const members = page.getByRole("region", { name: "Organisationens medlemmar" });

    // Two tabs on the same list: the second saves a version the first has already changed.
    const stale = await context.newPage();
    await stale.goto("/exempelby/members");
    const editorRow = members.getByRole("row").filter({ hasText: "Erik Nyström" });
    await editorRow.getByLabel("Roll för Erik Nyström").selectOption("REVIEWER");
    await editorRow.getByRole("button", { name: "Spara roll för Erik Nyström" }).click();
    await expect(editorRow.getByText("Erik Nyström har nu rollen Granskare.")).toBeVisible();

    const staleRow = stale.getByRole("row").filter({ hasText: "Erik Nyström" });
    await staleRow.getByLabel("Roll för Erik Nyström").selectOption("VIEWER");
    await staleRow.getByRole("button", { name: "Spara roll för Erik Nyström" }).click();
    await expect(staleRow.getByText(/Maria Åkesson .* ändrade uppgifterna/)).toBeVisible();
    await expectAccessible(stale);
    await staleRow.getByRole("button", { name: "Ladda om" }).click();
    await expect(staleRow.getByLabel("Roll för Erik Nyström")).toHaveValue("REVIEWER");
    await stale.close();

    // Remove: a modal dialog; Escape closes it and focus returns to the button.
    const reviewerRow = members.getByRole("row").filter({ hasText: "Sofia Berglund" });
    const removeButton = reviewerRow.getByRole("button", { name: "Ta bort Sofia Berglund" });
    await removeButton.click();
    const dialog = page.getByRole("dialog", { name: "Ta bort Sofia Berglund?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Avbryt" })).toBeFocused();
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(removeButton).toBeFocused();

    await removeButton.click();
    await dialog.getByRole("button", { name: "Ta bort medlemmen" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Sofia Berglund har tagits bort från organisationen." })).toBeVisible();
    await expect(members.getByRole("row").filter({ hasText: "Sofia Berglund" })).toHaveCount(0);

    // Each record has its own history.
    await members.getByRole("link", { name: "Historik för Erik Nyström" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Historik: Medlemskap Erik Nyström" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Roll ändrades" })).toContainText("Registrator");
  });

  test("a platform administrator adds and edits an organisation; others do not see the page", async ({ page }) => {
    await signIn(page, "plattform@digg.example");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Plattform" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisationer på plattformen" })).toBeVisible();
    const create = page.getByRole("region", { name: "Lägg till en organisation" });

    // The server's schema checks the organisation number's check digit in the browser.
    await create.getByLabel("Namn", { exact: true }).fill("Exempelö kommun");
    await create.getByLabel("Organisationsnummer").fill("212099-0020");
    await create.getByRole("button", { name: "Lägg till organisationen" }).click();
    await expect(create.getByLabel("Organisationsnummer")).toHaveAttribute("aria-invalid", "true");
    await expect(create.getByRole("alert").filter({ hasText: "Formuläret innehåller fel" })).toBeFocused();
    await expectAccessible(page);

    await create.getByLabel("Organisationsnummer").fill("212099-0029");
    await create.getByLabel("Adressnamn").fill("exempelo");
    await create.getByLabel("Typ av organisation").selectOption({ label: "Kommun" });
    await create.getByLabel("Sektor").selectOption({ label: "Allmän offentlig förvaltning" });
    await create.getByLabel("Första administratörens e-postadress").fill("cio@exempelo.example");
    await create.getByRole("button", { name: "Lägg till organisationen" }).click();
    await expect(create.getByText("Exempelö kommun är tillagd")).toBeVisible();
    await expect(create.getByLabel("Inbjudningslänk för första administratören")).toHaveValue(/\/invitations\/exempelo\//);
    const list = page.getByRole("region", { name: "Alla organisationer" });
    await expect(list.getByRole("rowheader", { name: "Exempelö kommun" })).toBeVisible();

    await list.getByRole("button", { name: "Ändra Exempelö kommun" }).click();
    const dialog = page.getByRole("dialog", { name: "Ändra Exempelö kommun" });
    await dialog.getByLabel("Namn", { exact: true }).fill("Exempelö kommun (ny)");
    await dialog.getByRole("button", { name: "Spara" }).click();
    await expect(dialog).toBeHidden();
    await expect(list.getByRole("rowheader", { name: "Exempelö kommun (ny)" })).toBeVisible();

    // Someone without the platform role finds nothing here.
    await page.context().clearCookies();
    await signIn(page, "admin@exempelby.example");
    const response = await page.goto("/platform/organisations");
    expect(response?.status()).toBe(404);
  });
});
