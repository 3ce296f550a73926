import { eventRows, openExplorer } from "./support/explorer";
import { expect, expectNoSeriousA11yViolations, test } from "./support/test";

// axe finds no serious or critical WCAG 2.1 A/AA violation on the explorer (table, detail panel)
// or on the sign-in page, in the light and the dark color scheme. Explorer scans wait for hydration:
// until then its controls are disabled, and axe does not check the contrast of disabled controls.

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test("the explorer", async ({ page }) => {
      await openExplorer(page, "/");
      await expect(eventRows(page).first()).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test("the explorer with an event's detail open", async ({ page }) => {
      await openExplorer(page, "/");
      await eventRows(page).first().click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test("the explorer's empty state", async ({ page }) => {
      await openExplorer(page, "/?user_email=nobody%40example.com");
      await expect(page.getByText("No events match these filters")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test("the explorer with a link it cannot use, and a parameter it ignores", async ({ page }) => {
      await openExplorer(page, "/?user_email=nobody%40example.com&page_size=500&utm_source=newsletter");
      await expect(page.getByRole("link", { name: "Remove page_size" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Remove utm_source" })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test.describe("signed out", () => {
      test.use({ storageState: { cookies: [], origins: [] } });

      test("the sign-in page", async ({ page }) => {
        await page.goto("/signin");
        await expect(page.getByRole("button", { name: "Sign in as demo user" })).toBeEnabled();
        await expectNoSeriousA11yViolations(page);
      });
    });
  });
}

// The phone's cards and the wide desktop layout, each with an event's detail open too.
for (const viewport of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test.describe(`${viewport.width} px wide`, () => {
    test.use({ viewport });

    for (const colorScheme of ["light", "dark"] as const) {
      test(`the explorer and an event's detail, ${colorScheme} scheme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await openExplorer(page, "/");
        await expect(eventRows(page).first()).toBeVisible();
        await expectNoSeriousA11yViolations(page);
        await eventRows(page).first().click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await expectNoSeriousA11yViolations(page);
      });
    }
  });
}
