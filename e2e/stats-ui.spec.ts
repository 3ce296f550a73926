import type { Page } from "@playwright/test";

import type { AuditEvent } from "@/lib/audit-event";
import { FACET_KEYS, type AuditTrailStats } from "@/lib/audit-trail-stats";
import { createSimulator } from "@/lib/simulator";

import { expectedEvents } from "@/testing/simulator-oracle";

import { signInAsDemo, startArchiveApps, type ArchiveApps } from "./support/archive-apps";
import { eventRows, typedUtcDateTime } from "./support/explorer";
import { expect, expectNoSeriousA11yViolations, test } from "./support/test";

// The figures above the table (total, histogram, top values) in the browser, on an app with the
// archive, with the stats route answered by the test from the simulator's own events (a day a bar),
// so every bar's words and span are known: each control's effect on the page URL, with the keyboard
// and the pointer, in light and dark. The figures as the archive computes them are
// stats-and-facets.spec.ts's. Its own apps, on ports 5402-5403 and 5421.

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] }, timezoneId: "UTC" });

const SIMULATOR_KEY = "sk_stats_ui_e2e_simulator_key_7d20";
const OLDEST = "2026-08-30T01:12:03.123456Z";

const DAY_MS = 24 * 60 * 60 * 1000;
const BARS = 30;

/** The stats of the simulator's last 30 days, counted here from its events: a day a bar, top five of each facet. */
function statsOf(events: AuditEvent[]): AuditTrailStats {
  const end = Math.ceil(Math.max(...events.map((event) => Date.parse(event.created_at))) / DAY_MS) * DAY_MS;
  const start = end - BARS * DAY_MS;
  const recent = events.filter((event) => Date.parse(event.created_at) >= start);
  const buckets = Array.from({ length: BARS }, (_, index) => ({
    start: new Date(start + index * DAY_MS).toISOString(),
    end: new Date(start + (index + 1) * DAY_MS).toISOString(),
    count: recent.filter((event) => Math.floor((Date.parse(event.created_at) - start) / DAY_MS) === index).length,
  }));
  const top = (read: (event: AuditEvent) => string | null) => {
    const counts = new Map<string, number>();
    for (const event of recent) {
      const value = read(event);
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count).slice(0, 5);
  };
  return {
    total: recent.length,
    buckets,
    facets: {
      user_email: top((event) => event.user_email),
      event_type: top((event) => event.event_type),
      role: top((event) => event.role),
      ip_address: top((event) => event.ip_address),
    },
    bucket: { unit: "day", size: 1 },
    coverage: { complete: false, oldest_event_at: OLDEST },
  };
}

let stats: AuditTrailStats;
let apps: ArchiveApps;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const simulator = createSimulator({ apiKey: SIMULATOR_KEY, events: 2000, days: 30, now: "2026-11-28T12:00:00Z" });
  stats = statsOf(expectedEvents(simulator));
  apps = await startArchiveApps({ simulator, apiKey: SIMULATOR_KEY, ports: { app: 5402, appWithoutArchive: 5403, simulator: 5421 } });
});

test.afterAll(async () => {
  await apps?.stop();
});

async function openWithStats(page: Page): Promise<void> {
  await page.route(/\/api\/audit-trail\/stats(\?|$)/, (route) => route.fulfill({ json: stats }));
  await signInAsDemo(page, apps.app.baseURL);
  await expect(eventRows(page).first()).toBeVisible();
}

/** Waits until the figures are those of the page's filters (while counting, the last ones are dimmed and inert). */
async function expectFreshFigures(page: Page): Promise<void> {
  await expect(page.getByText(`${stats.total.toLocaleString("en-US")} events match`, { exact: true })).toBeVisible();
}

const histogramBars = (page: Page) => page.getByRole("group", { name: "Events over time" }).getByRole("button");
const topValues = (page: Page) => page.getByRole("region", { name: "Top values" });
const urlValues = (page: Page, name: string) => new URL(page.url()).searchParams.getAll(name);

for (const colorScheme of ["light", "dark"] as const) {
  test(`the total, a bar per bucket and the top values are shown, and pass axe (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openWithStats(page);
    await expect(page.getByText(`${stats.total.toLocaleString("en-US")} events match`, { exact: true })).toBeVisible();
    await expect(page.getByText("Counts only part of the trail: the archive holds events since 2026-08-30")).toBeVisible();
    await expect(histogramBars(page)).toHaveCount(BARS);
    for (const key of FACET_KEYS) {
      for (const { count } of stats.facets[key]) expect(count).toBeGreaterThan(0);
    }
    await expect(topValues(page).getByRole("button", { name: /^Filter by / })).toHaveCount(
      FACET_KEYS.reduce((sum, key) => sum + stats.facets[key].length, 0),
    );
    await histogramBars(page).nth(4).hover();
    await expectNoSeriousA11yViolations(page);
  });
}

test("a bar's count and span show on hover and on focus, and are its name", async ({ page }) => {
  await openWithStats(page);
  const bar = histogramBars(page).nth(7);
  const bucket = stats.buckets[7]!;
  const day = new Date(bucket.start).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  const next = new Date(bucket.end).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
  const words = `${bucket.count.toLocaleString("en-US")} events, ${day}, 00:00 – ${next}, 00:00`;
  await expect(bar).toHaveAccessibleName(words);
  await bar.hover();
  await expect(page.getByText(words, { exact: true })).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(page.getByText(words, { exact: true })).toHaveCount(0);

  // One Tab stop for the chart: arrows move between bars.
  await histogramBars(page).last().focus();
  await page.keyboard.press("Home");
  await expect(histogramBars(page).first()).toBeFocused();
  for (let step = 0; step < 7; step++) await page.keyboard.press("ArrowRight");
  await expect(bar).toBeFocused();
  await expect(page.getByText(words, { exact: true })).toBeVisible();
});

test("dragging across bars sets From and To to their span; Enter on one bar, to its own", async ({ page }) => {
  await openWithStats(page);
  const from = await histogramBars(page).nth(20).boundingBox();
  const to = await histogramBars(page).nth(24).boundingBox();
  if (!from || !to) throw new Error("The bars have no box");
  // Right to left: a drag may run either way.
  await page.mouse.move(to.x + to.width / 2, to.y + to.height - 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height - 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => urlValues(page, "start_date")).toEqual([stats.buckets[20]!.start]);
  expect(urlValues(page, "end_date")).toEqual([stats.buckets[24]!.end]);
  const bar = page.getByRole("search", { name: "Filter events" });
  await expect(bar.getByLabel("From", { exact: true })).toHaveValue(typedUtcDateTime(stats.buckets[20]!.start));
  await expect(bar.getByLabel("To", { exact: true })).toHaveValue(typedUtcDateTime(stats.buckets[24]!.end));

  await expectFreshFigures(page);
  await histogramBars(page).nth(2).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => urlValues(page, "start_date")).toEqual([stats.buckets[2]!.start]);
  expect(urlValues(page, "end_date")).toEqual([stats.buckets[2]!.end]);

  // Shift+arrows grow a selection from the focused bar; Enter applies it.
  await expectFreshFigures(page);
  await histogramBars(page).nth(10).focus();
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Enter");
  await expect.poll(() => urlValues(page, "start_date")).toEqual([stats.buckets[10]!.start]);
  expect(urlValues(page, "end_date")).toEqual([stats.buckets[12]!.end]);
});

test("a click on a top value adds it as a filter; Shift+click or its − button excludes one", async ({ page }) => {
  await openWithStats(page);
  const region = topValues(page);
  const [firstType, secondType] = stats.facets.event_type;
  const [firstUser] = stats.facets.user_email;
  const [firstIp] = stats.facets.ip_address;
  if (!firstType || !secondType || !firstUser || !firstIp) throw new Error("The simulator gave too few values");

  await region.getByRole("button", { name: new RegExp(`^Filter by event type .*, ${firstType.count.toLocaleString("en-US")} events$`) }).first().click();
  await expect.poll(() => urlValues(page, "event_type")).toEqual([firstType.value]);

  await expectFreshFigures(page);
  await region.getByRole("button", { name: new RegExp(`^Filter by user ${firstUser.value.replace(/[.+]/g, "\\$&")},`) }).click({ modifiers: ["Shift"] });
  await expect.poll(() => urlValues(page, "user_email")).toEqual([`-${firstUser.value}`]);

  // The − button, from the keyboard.
  await expectFreshFigures(page);
  const exclude = region.getByRole("button", { name: `Exclude IP address ${firstIp.value}` });
  await exclude.focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => urlValues(page, "ip")).toEqual([`-${firstIp.value}`]);
  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips.getByRole("button", { name: `Remove filter User email: not ${firstUser.value}` })).toBeVisible();
  await expect(chips.getByRole("button", { name: `Remove filter IP address: not ${firstIp.value}` })).toBeVisible();
});
