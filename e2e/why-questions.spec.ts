import type { Locator, Page } from "@playwright/test";

import { EVENT_GROUP_SLUGS, EVENT_TYPES, isKnownEventType } from "@/lib/event-types";
import { createSimulator, type Simulator } from "@/lib/simulator";
import { bucketText, matchTotalText } from "@/components/explorer/stats/stats-words";

import { expectedEvents, expectedStats } from "@/testing/simulator-oracle";

import { openFullArchive, startArchiveApps, type ArchiveApps } from "./support/archive-apps";
import { END_OF_TRAIL, eventRows, readAllLoadedIds } from "./support/explorer";
import { answerWithin, MAX_INTERACTIONS } from "./support/interactions";
import { expect, test } from "./support/test";

// Issue 13's "Why", as an analyst asks it: each question answered from the default explorer in at
// most three interactions, counted, and the answer on screen checked against a plain scan of the
// simulator the archive copied. The simulator holds 90 days up to Nov 28, 2026, so Q4 is a part of
// it, plus a burst of events on the last morning: the spike the histogram has to show.
// The spec owns its upstream and apps, on ports 5750-5799.

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] }, timezoneId: "UTC" });

const APP_PORT = 5750;
const APP_WITHOUT_ARCHIVE_PORT = 5751;
const SIMULATOR_PORT = 5770;
const SIMULATOR_KEY = "sk_why_e2e_simulator_key_6d2f";
const NOW = "2026-11-28T12:00:00Z";
const SPIKE = 150;
const EVENTS = 2000 + SPIKE;
/** One of the API's addresses in the simulator's data set (lib/simulator/people.ts). */
const IP = "198.51.100.23";

let simulator: Simulator;
let apps: ArchiveApps;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  simulator = createSimulator({ apiKey: SIMULATOR_KEY, events: EVENTS - SPIKE, days: 90, now: NOW });
  simulator.addEvents(SPIKE);
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

const filterBar = (page: Page) => page.getByRole("search", { name: "Filter events" });
const histogramBars = (page: Page) => page.getByRole("group", { name: "Events over time" }).getByRole("button");

/** The total as the page shows it, checked to be on top where an eye finds it (no popup over it). */
async function expectTotalShown(page: Page, count: number): Promise<void> {
  const total = page.getByText(matchTotalText(count), { exact: true });
  await expect(total).toBeVisible();
  const hidden = await total.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
    return top === null || !element.contains(top);
  });
  expect(hidden, `something covers "${matchTotalText(count)}"`).toBe(false);
}

async function shownIds(page: Page): Promise<string[]> {
  await expect(eventRows(page).first()).toBeVisible();
  return eventRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-event-id") ?? ""));
}

/** The drawn height of each bar of the histogram, in pixels. */
function barHeights(bars: Locator): Promise<number[]> {
  return bars.evaluateAll((groups) => groups.map((group) => group.querySelectorAll("rect")[1]?.getBoundingClientRect().height ?? 0));
}

test("Every API-key event in Q4: From, then the group, and the total and rows are exactly those", async ({ page }) => {
  test.setTimeout(120_000);
  const trail = expectedEvents(simulator);
  const apiKeys = trail.filter((event) => isKnownEventType(event.event_type) && EVENT_TYPES[event.event_type].group === EVENT_GROUP_SLUGS.api_keys);
  const inQ4 = apiKeys.filter((event) => event.created_at >= "2026-10-01" && event.created_at < "2027-01-01");
  // The question is not the whole trail: API-key events happened before Q4 too.
  expect(inQ4.length).toBeGreaterThan(0);
  expect(inQ4.length).toBeLessThan(apiKeys.length);

  await openFullArchive(page, apps.app.baseURL, EVENTS);
  await answerWithin(MAX_INTERACTIONS, async (user) => {
    // Q4 has not ended on Nov 28: a From date is the whole range. Moving on to the next control applies it.
    await user.type(filterBar(page).getByLabel("From", { exact: true }), "2026-10-01");
    await user.click(filterBar(page).getByRole("combobox", { name: "Event type" }));
    await user.click(page.getByRole("checkbox", { name: "API keys" }));

    await expect(page).toHaveURL(
      (url) => url.searchParams.get("event_group") === "api_keys" && url.searchParams.get("start_date") === "2026-10-01T00:00:00.000Z",
    );
    await expectTotalShown(page, inQ4.length);
  });
  // Every one of them is listed, and nothing else (they fit on the first page).
  await expect(page.getByText(END_OF_TRAIL)).toBeVisible();
  expect((await readAllLoadedIds(page)).sort()).toEqual(inQ4.map((event) => event.id).sort());
});

test("What happened from 198.51.100.23: typed into IP address, and every row shown is from it", async ({ page }) => {
  test.setTimeout(90_000);
  const fromIp = expectedEvents(simulator).filter((event) => event.ip_address === IP);
  expect(fromIp.length).toBeGreaterThan(0);

  await openFullArchive(page, apps.app.baseURL, EVENTS);
  await answerWithin(MAX_INTERACTIONS, async (user) => {
    const ipBox = page.getByRole("textbox", { name: "IP address" });
    await user.type(ipBox, IP);
    await user.press(ipBox, "Enter");

    await expect(page).toHaveURL((url) => url.searchParams.get("ip") === IP);
    await expectTotalShown(page, fromIp.length);
  });
  const expected = new Set(fromIp.map((event) => event.id));
  await expect.poll(async () => (await shownIds(page)).every((id) => expected.has(id))).toBe(true);
  // Newest first: the top row is the address's latest event (the archive orders a burst's events by id).
  const [latest] = [...fromIp].sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1));
  await expect(eventRows(page).first()).toHaveAttribute("data-event-id", latest!.id);
});

test("How many events per day, and was there a spike: a bar per day, the tallest one names its count", async ({ page }) => {
  test.setTimeout(90_000);
  const trail = expectedEvents(simulator);
  const truth = expectedStats(trail, {});
  // Ninety days of events are drawn a day a bar.
  expect(truth.bucket).toEqual({ unit: "day", size: 1 });
  const counts = truth.buckets.map((bucket) => bucket.count);
  const spike = truth.buckets[counts.indexOf(Math.max(...counts))]!;
  const median = [...counts].sort((a, b) => a - b)[Math.floor(counts.length / 2)]!;
  // The burst of the last morning stands out: several times an ordinary day.
  expect(spike.start).toBe("2026-11-28T00:00:00.000Z");
  expect(spike.count).toBeGreaterThan(3 * median);

  await openFullArchive(page, apps.app.baseURL, EVENTS);
  await answerWithin(MAX_INTERACTIONS, async (user) => {
    // With no interaction at all: how many events, and one bar per day, each named with its count.
    await expectTotalShown(page, trail.length);
    const bars = histogramBars(page);
    await expect(bars).toHaveCount(truth.buckets.length);
    expect(await bars.evaluateAll((groups) => groups.map((group) => group.getAttribute("aria-label")))).toEqual(
      truth.buckets.map((bucket) => bucketText(bucket, "UTC")),
    );
    // The spike is the tallest bar; pointing at it says how many events and when.
    const heights = await barHeights(bars);
    const tallest = bars.nth(heights.indexOf(Math.max(...heights)));
    await user.hover(tallest);
    await expect(page.getByText(bucketText(spike, "UTC"), { exact: true })).toBeVisible();
  });
});
