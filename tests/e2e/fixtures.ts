import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every e2e test uses this `test`: each page the test visits is checked with axe
 * (WCAG 2.1 A/AA rules) as soon as it has loaded, in the test's own page, while the
 * test goes on. A check that the test's next navigation interrupts is done again at the
 * end in a page of its own. Any serious or critical violation fails the test.
 * `expectAccessible(page)` checks the current state of a page in the middle of a test
 * (e.g. an open form).
 */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function expectAccessible(page: Page): Promise<void> {
  expect(await blockingViolations(page), `accessibility violations on ${page.url()}`).toEqual([]);
}

function checkable(href: string): boolean {
  const url = new URL(href);
  return url.protocol.startsWith("http") && !url.pathname.startsWith("/api/");
}

export const test = base.extend<{ accessibilityOfVisitedPages: void }>({
  accessibilityOfVisitedPages: [
    async ({ page, context }, use) => {
      const seen = new Set<string>();
      const interrupted = new Set<string>();
      const violations: Record<string, string[]> = {};
      let queue = Promise.resolve();
      page.on("framenavigated", (frame) => {
        if (frame !== page.mainFrame()) return;
        const href = frame.url();
        if (!checkable(href) || seen.has(href)) return;
        seen.add(href);
        queue = queue.then(async () => {
          try {
            await page.waitForLoadState("load");
            // After a client-side navigation Next sets the new page's <title> a moment after the
            // URL: wait for it rather than judge the page before its metadata has arrived.
            await page.waitForFunction(() => document.title.length > 0, null, { timeout: 10_000 }).catch(() => undefined);
            if (page.url() !== href) throw new Error("navigated away");
            const found = await blockingViolations(page);
            if (found.length > 0) violations[href] = found;
          } catch {
            interrupted.add(href);
          }
        });
      });
      await use();
      await queue;
      if (interrupted.size > 0) {
        const checker = await context.newPage();
        try {
          for (const href of interrupted) {
            await checker.goto(href);
            const found = await blockingViolations(checker);
            if (found.length > 0) violations[href] = found;
          }
        } finally {
          await checker.close();
        }
      }
      expect(violations, "accessibility violations on the pages this test visited").toEqual({});
    },
    { auto: true, timeout: 60_000 },
  ],
});

export { expect };

/**
 * Headers for a direct API call that a page of this site would make: the server refuses
 * a mutation whose Origin is not the app's own (server/api/http.ts), as it would a
 * forged cross-site request, and a browser page always sends it.
 */
export function fromThisSite(page: Page): { origin: string } {
  return { origin: new URL(page.url()).origin };
}
