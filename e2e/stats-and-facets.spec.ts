import type { Page } from "@playwright/test";

import { auditTrailStatsSchema, type AuditTrailStats } from "@/lib/audit-trail-stats";
import { needsArchiveMessage } from "@/lib/api-errors";
import { createSimulator, type Simulator } from "@/lib/simulator";

import { expectedEvents } from "@/testing/simulator-oracle";

import { openFullArchive, signInAsDemo, startArchiveApps, type ArchiveApps } from "./support/archive-apps";
import { eventRows, typedUtcDateTime } from "./support/explorer";
import { expect, expectNoSeriousA11yViolationsInBothSchemes, test } from "./support/test";

// Issue 13's questions in the browser, against an app that keeps an archive: several event types
// and a group, a value excluded from "Top values", a range dragged on the histogram, a shared link
// carrying all of them; and, on a server with ARCHIVE=off, the words that say what needs the archive.
// The spec owns its upstream (a simulator pinned to one instant) and its apps, on ports 5400-5449.

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] }, timezoneId: "UTC" });

const APP_PORT = 5400;
const APP_WITHOUT_ARCHIVE_PORT = 5401;
const SIMULATOR_PORT = 5420;
const SIMULATOR_KEY = "sk_stats_e2e_simulator_key_51c9";
const EVENTS = 2000;
const NOW = "2026-11-28T12:00:00Z";

let simulator: Simulator;
let apps: ArchiveApps;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  simulator = createSimulator({ apiKey: SIMULATOR_KEY, events: EVENTS, days: 30, now: NOW });
  apps = await startArchiveApps({
    simulator,
    apiKey: SIMULATOR_KEY,
    ports: { app: APP_PORT, appWithoutArchive: APP_WITHOUT_ARCHIVE_PORT, simulator: SIMULATOR_PORT },
    archiveEnv: { ARCHIVE_MAX_REQUESTS_PER_MINUTE: "600" },
  });
});

test.afterAll(async () => {
  await apps?.stop();
});

/** Signs in to the archive app and opens `pathAndQuery` once the backfill holds the whole trail, so every count is final. */
function signInWithArchive(page: Page, pathAndQuery = "/"): Promise<void> {
  return openFullArchive(page, apps.app.baseURL, EVENTS, pathAndQuery);
}

const filterBar = (page: Page) => page.getByRole("search", { name: "Filter events" });
const histogram = (page: Page) => page.getByRole("group", { name: "Events over time" });
const topValues = (page: Page) => page.getByRole("region", { name: "Top values" });
const totalText = (count: number) =>
  count === 0 ? "No events match" : count === 1 ? "1 event matches" : `${count.toLocaleString("en-US")} events match`;

function urlValues(page: Page, name: string): string[] {
  return new URL(page.url()).searchParams.getAll(name);
}

/** Does `action` and returns the stats our API sends for the filters it leads to. */
async function statsAfter(page: Page, isRequest: (params: URLSearchParams) => boolean, action: () => Promise<void>): Promise<AuditTrailStats> {
  const response = page.waitForResponse((candidate) => {
    const url = new URL(candidate.url());
    return url.pathname === "/api/audit-trail/stats" && isRequest(url.searchParams);
  });
  await action();
  return auditTrailStatsSchema.parse(await (await response).json());
}

/** The event type codes of the rendered rows (the Event column shows label and code). */
async function shownTypes(page: Page): Promise<string[]> {
  return eventRows(page).evaluateAll((rows) =>
    rows.map((row) => row.querySelectorAll("td")[3]?.textContent?.match(/[A-Z0-9_]{3,}/g)?.at(-1) ?? ""),
  );
}

async function expectTotal(page: Page, count: number): Promise<void> {
  await expect(page.getByText(totalText(count), { exact: true })).toBeVisible();
}

test("several event types and a group: the multi-select keeps search, and the total counts their union", async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithArchive(page);
  await expectTotal(page, EVENTS);
  const combobox = filterBar(page).getByRole("combobox", { name: "Event type" });
  await combobox.fill("invited");
  await combobox.press("ArrowDown");
  await combobox.press("Enter");
  await expect.poll(() => urlValues(page, "event_type")).toEqual(["INVITED_USER"]);
  // The list stays open for the next choice; a search by code works as before.
  await expect(page.getByRole("listbox", { name: "Event types" })).toBeVisible();
  await combobox.fill("CHANGED_PASSWORD");
  await combobox.press("ArrowDown");
  await combobox.press("Enter");
  await expect.poll(() => urlValues(page, "event_type")).toEqual(["CHANGED_PASSWORD", "INVITED_USER"]);

  // Tab from the input reaches the group checkboxes ("Clear event type" is no Tab stop); a box
  // shows the URL's state, which follows the change.
  await combobox.press("Tab");
  const apiKeys = page.getByRole("checkbox", { name: "API keys" });
  await expect(apiKeys).toBeFocused();
  await apiKeys.press("Space");
  await expect.poll(() => urlValues(page, "event_group")).toEqual(["api_keys"]);
  await expect(apiKeys).toBeChecked();
  await expectNoSeriousA11yViolationsInBothSchemes(page);
  await combobox.press("Escape");

  const union = expectedEvents(simulator, {
    event_type: { include: ["CHANGED_PASSWORD", "INVITED_USER"], exclude: [] },
    event_group: { include: ["api_keys"], exclude: [] },
  });
  await expectTotal(page, union.length);
  const allowed = new Set(union.map((event) => event.event_type));
  await expect(eventRows(page).first()).toBeVisible();
  for (const type of await shownTypes(page)) expect(allowed).toContain(type);
  for (const chip of ["Event type: Invited user", "Event type: Changed password", "Event group: API keys"]) {
    await expect(filterBar(page).getByRole("button", { name: `Remove filter ${chip}` })).toBeVisible();
  }
  await expect(combobox).toHaveValue("API keys + 2 more");
});

test("Top values: a click filters by a value, Shift+click (or its − button) excludes one", async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithArchive(page);
  const region = topValues(page);
  await expect(region).toBeVisible();
  const firstType = region.getByRole("button", { name: /^Filter by event type / }).first();
  const name = (await firstType.getAttribute("aria-label")) ?? "";
  const stats = await statsAfter(page, (params) => params.has("event_type"), () => firstType.click({ modifiers: ["Shift"] }));
  const [excluded] = urlValues(page, "event_type");
  expect(excluded).toMatch(/^-[A-Z0-9_]+$/);
  const code = excluded!.slice(1);
  expect(name).toContain(`${expectedEvents(simulator, { event_type: { include: [code], exclude: [] } }).length.toLocaleString("en-US")} events`);

  const rest = expectedEvents(simulator, { event_type: { include: [], exclude: [code] } });
  expect(stats.total).toBe(rest.length);
  await expectTotal(page, rest.length);
  await expect(eventRows(page).first()).toBeVisible();
  expect(await shownTypes(page)).not.toContain(code);
  expect(stats.facets.event_type.map((facet) => facet.value)).not.toContain(code);

  // From the keyboard: the − button beside a role excludes it too.
  const role = stats.facets.role[0]!.value;
  const exclude = region.getByRole("button", { name: `Exclude role ${role}` });
  await exclude.focus();
  await exclude.press("Enter");
  await expect.poll(() => urlValues(page, "role")).toEqual([`-${role}`]);
  await expectTotal(page, expectedEvents(simulator, { event_type: { include: [], exclude: [code] }, role: { include: [], exclude: [role] } }).length);
  await expectNoSeriousA11yViolationsInBothSchemes(page);
});

test("dragging across the histogram sets From and To; Enter on one bar narrows to its span", async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithArchive(page);
  const chart = histogram(page);
  const bars = chart.getByRole("button");
  await expect(bars.first()).toBeVisible();
  const buckets = await page.evaluate(async () => (await (await fetch("/api/audit-trail/stats")).json()).buckets as { start: string; end: string; count: number }[]);
  expect(buckets.length).toBeGreaterThanOrEqual(30);
  expect(buckets.length).toBeLessThanOrEqual(120);
  await expect(bars).toHaveCount(buckets.length);

  // Hover shows the bar's count and span.
  await bars.nth(3).hover();
  const name3 = (await bars.nth(3).getAttribute("aria-label")) ?? "";
  expect(name3).toMatch(/^(No events|1 event|[\d,]+ events), [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} – /);
  await expect(chart.getByText(name3, { exact: true })).toBeVisible();

  const from = await bars.nth(3).boundingBox();
  const to = await bars.nth(10).boundingBox();
  if (!from || !to) throw new Error("The bars have no box");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  const start = new Date(buckets[3]!.start).toISOString();
  const end = new Date(buckets[10]!.end).toISOString();
  await expect.poll(() => [urlValues(page, "start_date"), urlValues(page, "end_date")]).toEqual([[start], [end]]);
  await expect(filterBar(page).getByLabel("From", { exact: true })).toHaveValue(typedUtcDateTime(start));
  await expectTotal(page, expectedEvents(simulator, { start_date: start, end_date: end }).length);

  // The narrower range has finer bars; Enter on one narrows to it, from the keyboard alone.
  const finer = histogram(page).getByRole("button");
  await expect(finer.first()).toBeVisible();
  await finer.last().focus();
  await finer.last().press("ArrowLeft");
  const focused = page.locator(":focus");
  const label = (await focused.getAttribute("aria-label")) ?? "";
  await expect(chart.getByText(label, { exact: true })).toBeVisible();
  await focused.press("Enter");
  await expect.poll(() => urlValues(page, "end_date")[0] ?? end).not.toBe(end);
  await expectNoSeriousA11yViolationsInBothSchemes(page);
});

test("a shared link carries types, a group, an exclusion and a range, and shows a teammate the same figures", async ({ page }) => {
  test.setTimeout(120_000);
  const filters = {
    event_type: { include: ["INVITED_USER", "MUTED_ISSUE"], exclude: [] },
    event_group: { include: ["users_and_security" as const], exclude: [] },
    role: { include: [], exclude: ["ADMIN"] },
    start_date: "2026-11-05T00:00:00.000Z",
    end_date: "2026-11-25T00:00:00.000Z",
  };
  const link =
    "/?event_type=INVITED_USER&event_type=MUTED_ISSUE&event_group=users_and_security&role=-ADMIN" +
    "&start_date=2026-11-05T00%3A00%3A00.000Z&end_date=2026-11-25T00%3A00%3A00.000Z";
  await signInWithArchive(page, link);
  await expectTotal(page, expectedEvents(simulator, filters).length);
  const bar = filterBar(page);
  for (const chip of ["Event type: Invited user", "Event type: Muted issue", "Event group: Users and security", "Role: not ADMIN"]) {
    await expect(bar.getByRole("button", { name: `Remove filter ${chip}` })).toBeVisible();
  }
  await bar.getByRole("combobox", { name: "Event type" }).click();
  await expect(page.getByRole("checkbox", { name: "Users and security" })).toBeChecked();
  await expect(page.getByRole("option", { name: /Invited user/ })).toHaveAttribute("aria-selected", "true");
  await expect(histogram(page).getByRole("button").first()).toBeVisible();
  await expect(topValues(page)).toBeVisible();
});

test("on first load the figures arrive after the rows, into space kept for them: the first row never moves", async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithArchive(page);
  // Where the first row is drawn, sampled every frame from the first paint of the next load.
  await page.addInitScript(() => {
    const tops: number[] = [];
    Object.assign(window, { firstRowTops: tops });
    const sample = () => {
      const row = document.querySelector('tbody tr[data-index="0"]');
      if (row) tops.push(Math.round(row.getBoundingClientRect().top));
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await page.reload();
  // Everything above the table that arrives on its own: the figures, the chart's code, the archive's line.
  await expect(page.getByText("Counted over the whole archive")).toBeVisible();
  await expect(histogram(page).getByRole("button").first()).toBeVisible();
  await expect(topValues(page)).toBeVisible();
  await expect(page.getByText(/^Archive: /)).toBeVisible();
  const tops = await page.evaluate(
    () => new Promise<number[]>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve((window as unknown as { firstRowTops: number[] }).firstRowTops)))),
  );
  expect(tops.length).toBeGreaterThan(0);
  expect([...new Set(tops)]).toEqual([tops[0]]);
});

test("with ARCHIVE=off, what needs the archive is disabled with its reason, and a link using it says which filter", async ({ page }) => {
  await signInAsDemo(page, apps.appWithoutArchive.baseURL);
  await expect(eventRows(page).first()).toBeVisible();
  await expect(page.getByText("Totals, the histogram and top values need the archive, which is off on this server.")).toBeVisible();
  await expect(histogram(page)).toHaveCount(0);
  await expect(topValues(page)).toHaveCount(0);
  await filterBar(page).getByRole("combobox", { name: "Event type" }).click();
  await expect(page.getByRole("checkbox", { name: "API keys" })).toBeDisabled();
  await expect(page.getByText("Groups and several event types need the archive, which is off on this server.")).toBeVisible();
  await expectNoSeriousA11yViolationsInBothSchemes(page);

  await page.goto(`${apps.appWithoutArchive.baseURL}/?event_group=api_keys`);
  await expect(page.getByText(needsArchiveMessage("event_group")).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Remove event_group" })).toBeVisible();
});

test("README screenshots of the figures above the table", async ({ page }) => {
  test.setTimeout(120_000);
  // As readme-screenshots.spec.ts: into test-results, or with README_SCREENSHOTS=1 over the tracked files.
  const screenshotPath = (name: string) =>
    process.env.README_SCREENSHOTS === "1" ? `public/screenshots/${name}` : test.info().outputPath(name);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInWithArchive(page, "/?event_group=users_and_security&start_date=2026-11-14T00%3A00%3A00.000Z");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(histogram(page).getByRole("button").first()).toBeVisible();
    await expect(topValues(page)).toBeVisible();
    await expect(eventRows(page).first()).toBeVisible();
    await histogram(page).getByRole("button").nth(20).hover();
    await page.screenshot({ path: screenshotPath(`stats-${colorScheme}.png`) });
  }
});
