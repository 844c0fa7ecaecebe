import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every e2e test uses this `test`: it records each page the test visits and,
 * after the test, opens each of them again and runs axe (WCAG 2.1 A/AA rules).
 * Any serious or critical violation fails the test. `expectAccessible(page)`
 * checks the current state of a page in the middle of a test (e.g. an open form).
 */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<{ visitedPages: Set<string> }>({
  visitedPages: [
    async ({ page, context }, use) => {
      const visited = new Set<string>();
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame()) {
          const url = new URL(frame.url());
          if (url.protocol.startsWith("http") && !url.pathname.startsWith("/api/")) visited.add(url.href);
        }
      });
      await use(visited);
      const checker = await context.newPage();
      try {
        for (const href of visited) {
          await checker.goto(href);
          await expectAccessible(checker);
        }
      } finally {
        await checker.close();
      }
    },
    { auto: true },
  ],
});

export { expect };
