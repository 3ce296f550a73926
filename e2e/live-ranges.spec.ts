import type { Page } from "@playwright/test";

import { eventRows, openExplorer } from "./support/explorer";
import { simulatorFirstPage } from "./support/simulator";
import { expect, expectNoSeriousA11yViolations, test } from "./support/test";

// Relative ranges stay relative: `range=1h` in the URL is resolved again at each new result set
// (a filter change, a reload, a tab coming back), and "Copy link" freezes it unless asked for a
// live link. The browser's clock is the test's (the server's is not: the page resolves again when
// the two disagree). It starts less than an hour after the pinned trail's newest event, so "Last
// hour" first holds events, and 70 minutes later holds none.

test.use({ timezoneId: "UTC", permissions: ["clipboard-read", "clipboard-write"] });

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const SEVENTY_MINUTES = 70 * MINUTE;

/** The next whole ten minutes after the trail's newest event: the minutes shown stay put while a test runs. */
async function startOfTest(): Promise<Date> {
  const [newest] = await simulatorFirstPage({ page_size: 1 });
  const ten = 10 * MINUTE;
  return new Date(Math.ceil((Date.parse(newest!.created_at) + 1) / ten) * ten);
}

const CHIP_FORMAT = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });

/** "Nov 28, 2026, 11:30 AM" for `ms`, its last minute digit left open (the clock runs during the test). */
function chipTime(ms: number): string {
  return CHIP_FORMAT.format(new Date(ms))
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\s/g, "\\s")
    .replace(/(\d):(\d)\d/, "$1:$2\\d");
}

function filterBar(page: Page) {
  return page.getByRole("search", { name: "Filter events" });
}

function rangeChip(page: Page) {
  return filterBar(page).getByRole("button", { name: /^Remove filter Date range: / });
}

/** The times of the rendered rows, as ISO (their datetime attribute). */
async function rowTimes(page: Page): Promise<number[]> {
  return eventRows(page).evaluateAll((rows) => rows.map((row) => Date.parse(row.querySelector("time")?.getAttribute("datetime") ?? "")));
}

/** The tab is left and comes back, as a user switching tabs does. */
async function comeBackToTheTab(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
}

test("Last hour is still the last hour after 70 minutes, and after a reload", async ({ page }) => {
  const t0 = await startOfTest();
  await page.clock.install({ time: t0 });
  await openExplorer(page, "/?range=1h");
  const preset = filterBar(page).getByRole("combobox", { name: "Date range" });
  await expect(preset).toHaveValue("1h");
  await expect(rangeChip(page)).toHaveAccessibleName(new RegExp(`Last hour \\(from ${chipTime(t0.getTime() - HOUR)}\\)$`));
  await expect(eventRows(page).first()).toBeVisible();
  for (const time of await rowTimes(page)) expect(time).toBeGreaterThan(t0.getTime() - HOUR - MINUTE);

  await page.clock.fastForward(SEVENTY_MINUTES);
  await comeBackToTheTab(page);
  // The last hour now starts 10 minutes after t0, after every event of the pinned trail.
  const later = t0.getTime() + SEVENTY_MINUTES - HOUR;
  await expect(rangeChip(page)).toHaveAccessibleName(new RegExp(`Last hour \\(from ${chipTime(later)}\\)$`));
  await expect(page.getByText("No events match these filters")).toBeVisible();

  await page.reload();
  await expect(preset).toHaveValue("1h");
  await expect(rangeChip(page)).toHaveAccessibleName(new RegExp(`Last hour \\(from ${chipTime(later)}\\)$`));
  await expect(page.getByText("No events match these filters")).toBeVisible();
  expect(new URL(page.url()).searchParams.get("range")).toBe("1h");
  expect(new URL(page.url()).searchParams.has("start_date")).toBe(false);
});

test("a new filter is a new result set: the range is resolved again when it is written", async ({ page }) => {
  const t0 = await startOfTest();
  await page.clock.install({ time: t0 });
  await openExplorer(page, "/?range=24h");
  await expect(rangeChip(page)).toHaveAccessibleName(new RegExp(`Last 24 hours \\(from ${chipTime(t0.getTime() - 24 * HOUR)}\\)$`));
  await page.clock.fastForward(SEVENTY_MINUTES);
  await filterBar(page).getByRole("combobox", { name: "Page size" }).selectOption("50");
  const later = t0.getTime() + SEVENTY_MINUTES - 24 * HOUR;
  await expect(rangeChip(page)).toHaveAccessibleName(new RegExp(`Last 24 hours \\(from ${chipTime(later)}\\)$`));
});

test("Copy link freezes a live range by default; the menu also copies it live", async ({ page }) => {
  const t0 = await startOfTest();
  await page.clock.install({ time: t0 });
  await openExplorer(page, "/?range=1h");
  await expect(eventRows(page).first()).toBeVisible();
  const clipboard = async () => new URL(await page.evaluate(() => navigator.clipboard.readText()));

  await filterBar(page).getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const frozen = await clipboard();
  expect(frozen.searchParams.has("range")).toBe(false);
  // From an hour before the clock to the moment of copying (the clock runs on meanwhile).
  const start = Date.parse(frozen.searchParams.get("start_date") ?? "");
  const end = Date.parse(frozen.searchParams.get("end_date") ?? "");
  expect(start - (t0.getTime() - HOUR)).toBeGreaterThanOrEqual(0);
  expect(start - (t0.getTime() - HOUR)).toBeLessThan(5 * MINUTE);
  expect(end - start).toBeGreaterThanOrEqual(HOUR);
  expect(end - start).toBeLessThan(HOUR + 5 * MINUTE);
  expect(frozen.searchParams.get("tz")).toBe("UTC");

  await filterBar(page).getByRole("button", { name: "Sharing options" }).click();
  await expect(page.getByRole("menuitem", { name: "Copy link (frozen dates)" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Copy live link" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Live link copied")).toBeVisible();
  const live = await clipboard();
  expect(Object.fromEntries(live.searchParams)).toEqual({ range: "1h", tz: "UTC" });

  // The frozen link shows a teammate a custom range: the same events, whenever opened.
  await openExplorer(page, frozen.pathname + frozen.search);
  await expect(filterBar(page).getByRole("combobox", { name: "Date range" })).toHaveValue("custom");
});

test("a relative range with dates is refused by name, in the page and by the API", async ({ page }) => {
  await openExplorer(page, "/?range=1h&start_date=2026-11-01T00:00:00Z");
  await expect(page.getByText(/This link's filters cannot be used: range: "range" cannot be combined with "start_date"/)).toBeVisible();
  await expect(eventRows(page)).toHaveCount(0);
  for (const path of ["/api/audit-trail", "/api/audit-trail/stats", "/api/audit-trail/export"]) {
    const response = await page.request.get(`${path}?range=1h&start_date=2026-11-01T00:00:00Z&end_date=2026-11-02T00:00:00Z`);
    expect(response.status(), path).toBe(400);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "invalid_filter", field: "range" });
    expect(error.message).toContain('"range" cannot be combined with "start_date" and "end_date"');
  }
});

for (const width of [390, 1440]) {
  test(`the zone and sharing controls pass axe at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openExplorer(page, "/?range=7d&tz=Europe%2FBerlin");
    await expect(page.getByRole("combobox", { name: "Time zone" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await filterBar(page).getByRole("button", { name: "Sharing options" }).click();
    await expect(page.getByRole("menu", { name: "Sharing options" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}
