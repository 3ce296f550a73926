import type { Page } from "@playwright/test";

import { eventRows, openExplorer } from "./support/explorer";
import { expect, test } from "./support/test";

// A shared link the page cannot take as it is. One reading of the URL decides, for the table, the
// filter bar and "Copy link" alike: a parameter that is not the page's own is ignored (said once),
// and a filter that cannot be used stops the result set (said once, and the bar shows no filters).

const USER = "olivia.bennett@northwindhr.com";
const STRAY_LINK = `/?user_email=${encodeURIComponent(USER)}&utm_source=newsletter`;
const IGNORED = /This link's utm_source was ignored/;

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

function filterBar(page: Page) {
  return page.getByRole("search", { name: "Filter events" });
}

/** The ids of the first rows in view, in table order. */
async function firstIds(page: Page): Promise<string[]> {
  await expect(eventRows(page).first()).toBeVisible();
  return eventRows(page).evaluateAll((rows) =>
    rows
      .map((row) => ({ index: Number(row.getAttribute("data-index")), id: row.getAttribute("data-event-id") ?? "" }))
      .sort((a, b) => a.index - b.index)
      .map((row) => row.id)
      .slice(0, 10),
  );
}

test("a link with a stray parameter shows its filters' events and says, once, that the parameter was ignored", async ({ page }) => {
  await openExplorer(page, STRAY_LINK);
  await expect(page.getByText(IGNORED)).toHaveCount(1);
  await expect(filterBar(page).getByRole("button", { name: `Remove filter User email: ${USER}` })).toBeVisible();
  await expect(eventRows(page).first()).toBeVisible();
  for (const row of await eventRows(page).all()) await expect(row).toContainText(USER);
});

test("Copy link on a link with a stray parameter copies exactly the view the table shows", async ({ page, context }) => {
  await openExplorer(page, STRAY_LINK);
  const ids = await firstIds(page);

  await filterBar(page).getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  // The table's filters, the open end frozen at the moment of copying, the sender's zone, and nothing else.
  expect([...link.searchParams.keys()]).toEqual(["user_email", "end_date", "tz"]);
  expect(link.searchParams.get("user_email")).toBe(USER);

  const teammate = await context.newPage();
  await openExplorer(teammate, link.href);
  expect(await firstIds(teammate)).toEqual(ids);
  await expect(teammate.getByText(IGNORED)).toHaveCount(0);
});

test("any edit of a link with a stray parameter drops it, keeping the link's filters", async ({ page }) => {
  await openExplorer(page, STRAY_LINK);
  await expect(page.getByText(IGNORED)).toBeVisible();
  await filterBar(page).getByRole("combobox", { name: "Page size" }).selectOption("50");
  await expect
    .poll(() => [...new URL(page.url()).searchParams])
    .toEqual([
      ["user_email", USER],
      ["page_size", "50"],
    ]);
  await expect(page.getByText(IGNORED)).toHaveCount(0);
  await expect(eventRows(page).first()).toContainText(USER);
});

test("a stray parameter can also be removed on its own", async ({ page }) => {
  await openExplorer(page, STRAY_LINK);
  await page.getByRole("link", { name: "Remove utm_source" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("user_email") === USER && !url.searchParams.has("utm_source"));
  await expect(page.getByText(IGNORED)).toHaveCount(0);
  await expect(eventRows(page).first()).toContainText(USER);
});

test("a link with an invalid filter says so once, fetches nothing, and the bar shows no filters", async ({ page }) => {
  const apiCalls: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/audit-trail")) apiCalls.push(request.url());
  });
  await openExplorer(page, "/?user_email=not-an-email&event_type=INVITED_USER");
  await expect(page.getByText(/This link's filters cannot be used: user_email: Enter a valid email address/)).toHaveCount(1);
  await expect(page.getByText("Enter a valid email address", { exact: false })).toHaveCount(1);
  await expect(eventRows(page)).toHaveCount(0);
  // The bar agrees with the table: no chip, nothing to copy or export.
  const bar = filterBar(page);
  await expect(bar.getByRole("button", { name: /^Remove filter/ })).toHaveCount(0);
  await expect(bar.getByText("No filters", { exact: true })).toBeVisible();
  await expect(bar.getByRole("button", { name: "Copy link" })).toBeDisabled();
  expect(apiCalls).toEqual([]);

  await page.getByRole("link", { name: "Remove user_email" }).click();
  await expect(page).toHaveURL((url) => url.search === "?event_type=INVITED_USER");
  await expect(eventRows(page).first()).toContainText("INVITED_USER");
});

test("a link whose range ends before it starts is reported once, on its end", async ({ page }) => {
  await openExplorer(page, "/?start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z");
  await expect(page.getByText("The end of the date range is before its start")).toHaveCount(1);
  await expect(filterBar(page).getByLabel("To", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expect(eventRows(page)).toHaveCount(0);

  await page.getByRole("link", { name: "Remove end_date" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.has("start_date") && !url.searchParams.has("end_date"));
  await expect(page.getByText("The end of the date range is before its start")).toHaveCount(0);
  await expect(eventRows(page).first()).toBeVisible();
});
