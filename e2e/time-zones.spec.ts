import type { Page } from "@playwright/test";

import { eventRows, openExplorer } from "./support/explorer";
import { simulatorFirstPage } from "./support/simulator";
import { expect, test } from "./support/test";

// One display zone for the whole page, in the URL as `tz`: the table, the detail, the chips, the
// From/To fields. A shared link shows the sender's zone; the reader can switch.

const Q4 = "/?start_date=2026-10-01T00:00:00Z&end_date=2027-01-01T00:00:00Z";

function filterBar(page: Page) {
  return page.getByRole("search", { name: "Filter events" });
}

/** A UTC instant as the table shows it in `timeZone`: YYYY-MM-DD HH:MM:SS. */
function wallClock(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

test.describe("in Berlin", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("switching to UTC moves the chips and the From/To fields with the table", async ({ page }) => {
    await openExplorer(page, Q4);
    const bar = filterBar(page);
    const from = bar.getByLabel("From", { exact: true });
    await expect(from).toHaveValue("2026-10-01 02:00:00");
    await expect(bar.getByRole("button", { name: /^Remove filter From: Oct 1, 2026, 2:00\sAM$/ })).toBeVisible();

    await page.getByRole("button", { name: "UTC" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("tz")).toBe("UTC");
    await expect(page.getByText("Times in UTC")).toBeVisible();
    await expect(from).toHaveValue("2026-10-01 00:00:00");
    await expect(bar.getByLabel("To", { exact: true })).toHaveValue("2027-01-01 00:00:00");
    await expect(bar.getByRole("button", { name: /^Remove filter From: Oct 1, 2026, 12:00\sAM$/ })).toBeVisible();
    // The dates themselves did not move.
    expect(new URL(page.url()).searchParams.get("start_date")).toBe("2026-10-01T00:00:00.000Z");

    // Typed in the display zone: 09:00 in UTC is 09:00Z, whatever the browser's zone.
    await from.fill("2026-11-01 09:00");
    await from.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("start_date")).toBe("2026-11-01T09:00:00.000Z");

    // And back to the reader's own zone.
    await page.getByRole("button", { name: "UTC" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("tz")).toBeNull();
    await expect(page.getByText("Times in Europe/Berlin")).toBeVisible();
    await expect(from).toHaveValue("2026-11-01 10:00:00");
  });

  test("a link with tz=America/New_York shows New York times, and the detail shows UTC beside them", async ({ page }) => {
    const [event] = await simulatorFirstPage({ start_date: "2026-10-01T00:00:00Z", page_size: 1 });
    await openExplorer(page, `${Q4}&tz=America%2FNew_York`);
    await expect(page.getByText("Times in America/New_York")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Time zone" })).toHaveValue("America/New_York");
    await expect(filterBar(page).getByLabel("From", { exact: true })).toHaveValue("2026-09-30 20:00:00");
    const time = page.locator(`tr[data-event-id="${event!.id}"] time`);
    await expect(time).toHaveText(wallClock(event!.created_at, "America/New_York"));

    await eventRows(page).first().click();
    const detail = page.getByRole("dialog");
    await expect(detail.getByText(`${wallClock(event!.created_at, "UTC")} UTC`)).toBeVisible();
    await expect(detail.getByText("America/New_York", { exact: false }).first()).toBeVisible();

    // The reader picks another zone: the URL says so, the table follows.
    await page.getByRole("combobox", { name: "Time zone" }).selectOption("Asia/Tokyo");
    await expect.poll(() => new URL(page.url()).searchParams.get("tz")).toBe("Asia/Tokyo");
    await expect(time).toHaveText(wallClock(event!.created_at, "Asia/Tokyo"));
  });

  test("an unknown zone is a problem of the link, named", async ({ page }) => {
    await openExplorer(page, "/?tz=Mars%2FOlympus");
    await expect(page.getByText(/This link's filters cannot be used: tz:/)).toBeVisible();
    await expect(eventRows(page)).toHaveCount(0);
    const response = await page.request.get("/api/audit-trail?range=yesterday&tz=Mars%2FOlympus");
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_filter", field: "tz" });
  });
});

test.describe("in New York", () => {
  test.use({ timezoneId: "America/New_York" });

  test("times, chips and fields are New York's by default, and a link from Berlin keeps Berlin's", async ({ page }) => {
    await openExplorer(page, Q4);
    await expect(page.getByText("Times in America/New_York")).toBeVisible();
    await expect(filterBar(page).getByLabel("From", { exact: true })).toHaveValue("2026-09-30 20:00:00");
    await expect(filterBar(page).getByRole("button", { name: /^Remove filter From: Sep 30, 2026, 8:00\sPM$/ })).toBeVisible();

    await openExplorer(page, `${Q4}&tz=Europe%2FBerlin`);
    await expect(page.getByText("Times in Europe/Berlin")).toBeVisible();
    await expect(filterBar(page).getByLabel("From", { exact: true })).toHaveValue("2026-10-01 02:00:00");
  });

  test("on a return visit the server already renders New York's times and calendar days: nothing is fetched again", async ({ page }) => {
    const firstPages: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/api/audit-trail" && !url.searchParams.has("cursor")) firstPages.push(url.search);
    });
    const [event] = await simulatorFirstPage({ page_size: 1 });
    const time = () => page.locator(`tr[data-event-id="${event!.id}"] time`);

    // A first visit: the server cannot know the zone yet, so last month is UTC's until hydrated.
    await openExplorer(page, "/?range=last_month");
    await expect.poll(() => firstPages.length).toBe(1);
    // The browser has named its zone: the HTML of the next visit shows the times the table shows.
    const html = await (await page.request.get("/")).text();
    expect(html).toContain(`>${wallClock(event!.created_at, "America/New_York")}</time>`);
    expect(html).not.toContain(`>${wallClock(event!.created_at, "UTC")}</time>`);

    firstPages.length = 0;
    await openExplorer(page, "/?range=last_month");
    await page.waitForLoadState("networkidle");
    expect(firstPages).toEqual([]);
    await openExplorer(page, "/");
    await expect(time()).toHaveText(wallClock(event!.created_at, "America/New_York"));
  });
});

test.describe("in UTC", () => {
  test.use({ timezoneId: "UTC" });

  test("the page is in UTC without tz, and a zone named in the link still wins", async ({ page }) => {
    await openExplorer(page, Q4);
    await expect(page.getByText("Times in UTC")).toBeVisible();
    await expect(filterBar(page).getByLabel("From", { exact: true })).toHaveValue("2026-10-01 00:00:00");
    await openExplorer(page, `${Q4}&tz=Europe%2FBerlin`);
    await expect(filterBar(page).getByLabel("From", { exact: true })).toHaveValue("2026-10-01 02:00:00");
  });
});
