import { expect, expectAccessible, test } from "./fixtures";

test.describe("app shell", () => {
  test("the start page is Swedish first and lists the demo organisations", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Styr er användning av AI, tillsammans");
    const directory = page.getByRole("table");
    await expect(directory.getByRole("rowheader", { name: "Exempelby kommun" })).toBeVisible();
    await expect(directory.getByRole("cell", { name: "Statlig myndighet" }).first()).toBeVisible();
    await expect(directory.getByRole("cell", { name: "Region" }).first()).toBeVisible();
  });

  test("the skip link is the first stop for the keyboard and moves focus to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hoppa till huvudinnehållet" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("#main-content")).toBeFocused();
  });

  test("a visitor switches to English and back, and the choice sticks", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Byt språk till English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Govern your use of AI, together");
    await expectAccessible(page);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Switch language to Svenska" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });

  test("an unknown address answers 404 with a helpful page", async ({ page }) => {
    const response = await page.goto("/finns-inte");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
  });

  test("the health route reports the app, the database and the migrations", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: "ok",
      checks: { app: { ok: true }, database: { ok: true }, migrations: { ok: true, pending: [], modified: [] } },
    });
  });

  test("pages run under a nonce-based Content-Security-Policy without a single violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/content security policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/");
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Next's inline scripts ran: they carry the nonce, and without them the page would not hydrate.
    expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f))).toBe(true);
    expect(violations).toEqual([]);
  });
});
