import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page, type Response } from "@playwright/test";

import { E2E_MERGE_API_KEY } from "./env";

// Every spec imports `test` from here: it adds an automatic check that no response the browser
// receives (headers or body) carries the Merge API key, whatever the journey does.

const TEXT_TYPES = /json|text|javascript|html|xml|x-component|ndjson|csv/;

async function leaksKey(response: Response): Promise<string | null> {
  // allHeaders() asks the browser again, which fails once the page has closed (a response that
  // arrives as a test ends); the headers Playwright already holds are then what can be checked.
  const headers = await response.allHeaders().catch(() => response.headers());
  for (const [name, value] of Object.entries(headers)) {
    if (value.includes(E2E_MERGE_API_KEY)) return `header ${name} of ${response.url()}`;
  }
  const type = response.headers()["content-type"] ?? "";
  if (!TEXT_TYPES.test(type)) return null;
  // Redirects and aborted downloads have no body to read.
  const body = await response.body().catch(() => null);
  return body?.includes(E2E_MERGE_API_KEY) ? `body of ${response.url()}` : null;
}

export const test = base.extend<{ noKeyInResponses: void }>({
  noKeyInResponses: [
    async ({ context }, use) => {
      const checks: Promise<string | null>[] = [];
      context.on("response", (response) => checks.push(leaksKey(response)));
      await use();
      const leaks = (await Promise.all(checks)).filter((leak) => leak !== null);
      expect(leaks, "responses that contain the Merge API key").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Fails on any serious or critical axe violation (WCAG 2.x A and AA rules) on the page as it is. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // Buttons fade their colours (transition-colors): after a change of colour scheme, a scan that
  // lands mid-fade would measure contrast between the two schemes' colours.
  // Only transitions: a pulsing skeleton's animation never ends.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== "running"),
  );
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
  expect(serious).toEqual([]);
}

/** The same check in the light and the dark colour scheme. */
export async function expectNoSeriousA11yViolationsInBothSchemes(page: Page): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousA11yViolations(page);
  }
}
