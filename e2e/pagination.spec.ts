import { END_OF_TRAIL, eventRows, openExplorer, readAllLoadedIds, scrollToEndOfTrail, showingCount } from "./support/explorer";
import { simulatorWalk } from "./support/simulator";
import { expect, test } from "./support/test";

// Cursor pagination is exact: scrolling a filter to its end shows the simulator's own walk of the
// same filter, every event once and in order, and the DOM stays small however much is loaded.

const USER = "olivia.bennett@northwindhr.com";

test("scrolling a filter to its end shows every event once, in the simulator's order", async ({ page }) => {
  const expected = (await simulatorWalk({ user_email: USER })).map((event) => event.id);
  // Several pages of 30, so the walk really crosses cursors.
  expect(expected.length).toBeGreaterThan(90);

  await openExplorer(page, `/?user_email=${encodeURIComponent(USER)}`);
  await expect(eventRows(page).first()).toBeVisible();
  await scrollToEndOfTrail(page);

  await expect(page.getByText(`Showing ${expected.length.toLocaleString("en-US")} events`)).toBeVisible();
  const shown = await readAllLoadedIds(page);
  expect(new Set(shown).size).toBe(shown.length);
  expect(shown).toEqual(expected);
});

test("the next page is prefetched before it is needed, and Load more fetches one more", async ({ page }) => {
  await openExplorer(page, `/?user_email=${encodeURIComponent(USER)}&page_size=50`);
  // The first page (50) is in the HTML; the second arrives while the first is still being read.
  await expect(page.getByText("Showing 100 events")).toBeVisible();
  // From the keyboard, without scrolling: scrolling the button into view would bring the end of the
  // list into view too, and that loads the next page by itself (a click then races it).
  const loadMore = page.getByRole("button", { name: "Load more" });
  await loadMore.evaluate((button: HTMLButtonElement) => button.focus({ preventScroll: true }));
  await page.keyboard.press("Enter");
  await expect.poll(() => showingCount(page)).toBe(150);
});

test("with thousands of events loaded the table keeps fewer than 150 rows in the DOM", async ({ page }) => {
  test.setTimeout(180_000);
  await openExplorer(page, "/?page_size=100");
  await expect(eventRows(page).first()).toBeVisible();
  await scrollToEndOfTrail(page);
  await expect(page.getByText(END_OF_TRAIL)).toBeVisible();

  const total = await showingCount(page);
  expect(total).toBeGreaterThan(2_000);
  expect(await page.locator("tr").count()).toBeLessThan(150);
  // The table still tells assistive technology how many rows there are.
  await expect(page.getByRole("table")).toHaveAttribute("aria-rowcount", String(total + 1));
});

test("going back to an earlier filter state is served from the cache", async ({ page }) => {
  await openExplorer(page, `/?user_email=${encodeURIComponent(USER)}`);
  await expect(page.getByText("Showing 60 events")).toBeVisible();
  const email = page.getByRole("combobox", { name: "User email" });
  await email.fill("emily.walsh@northwindhr.com");
  await email.press("Enter");
  await expect(eventRows(page).first()).toContainText("emily.walsh@northwindhr.com");

  const apiCalls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/audit-trail")) apiCalls.push(request.url());
  });
  await page.goBack();
  await expect(eventRows(page).first()).toContainText(USER);
  await expect(page.getByText("Showing 60 events")).toBeVisible();
  expect(apiCalls).toEqual([]);
});
