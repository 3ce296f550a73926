import { eventRows } from "./support/explorer";
import { expect, test } from "./support/test";

// The README's screenshots, taken by the suite against the pinned simulator so they show what the
// build really renders. Every run takes them (into test-results); with README_SCREENSHOTS=1 they
// replace public/screenshots/explorer-{light,dark}.png, event-detail-{light,dark}.png and
// explorer-phone-light.png, so an ordinary test run never rewrites tracked files.

function screenshotPath(name: string): string {
  return process.env.README_SCREENSHOTS === "1" ? `public/screenshots/${name}` : test.info().outputPath(name);
}

test.use({ viewport: { width: 1440, height: 900 }, timezoneId: "UTC" });

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("README screenshot, phone", async ({ page }) => {
    await page.goto("/");
    await expect(eventRows(page).first()).toBeVisible();
    await expect(page.getByText("Showing 60 events")).toBeVisible();
    await page.screenshot({ path: screenshotPath("explorer-phone-light.png") });
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`README screenshots, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    await expect(eventRows(page).first()).toBeVisible();
    // Settled: the prefetched second page is in, so the count does not change between runs.
    await expect(page.getByText("Showing 60 events")).toBeVisible();
    await page.screenshot({ path: screenshotPath(`explorer-${colorScheme}.png`) });

    await eventRows(page).first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshotPath(`event-detail-${colorScheme}.png`) });
  });
}
