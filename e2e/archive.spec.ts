import type { Page } from "@playwright/test";

import { archiveStatusSchema, type ArchiveStatus } from "@/lib/archive-status";
import { createSimulator, FAULT_HEADER, type Simulator } from "@/lib/simulator";

import { expectedEvents } from "@/testing/simulator-oracle";

import { signInAsDemo as signIn, startArchiveApps, type ArchiveApps } from "./support/archive-apps";
import { eventRows, eventsRegion } from "./support/explorer";
import { expect, expectNoSeriousA11yViolationsInBothSchemes, test } from "./support/test";

// The explorer's view of the archive (issue 12), against a server that keeps one: the status line
// while the backfill runs and once it is done, "N new events" when the trail grows, the words for
// a failing sync, and nothing at all with ARCHIVE=off. The spec owns its upstream, a simulator whose
// answers it slows down or rate-limits at will, and its apps, each with a fresh embedded archive.

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] }, timezoneId: "UTC" });

const APP_PORT = 3240;
const APP_WITHOUT_ARCHIVE_PORT = 3241;
const SIMULATOR_PORT = 3260;
const SIMULATOR_KEY = "sk_archive_e2e_simulator_key_2b7e";
const EVENTS = 3000;

// Fault rules (lib/simulator/faults.ts) added to every upstream request while set: slow pages keep the
// backfill running long enough to watch it; a rate limit makes the sync fail.
let upstreamFaults = "latency:1000";

let simulator: Simulator;
let apps: ArchiveApps;
let app: ArchiveApps["app"];
let appWithoutArchive: ArchiveApps["appWithoutArchive"];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  simulator = createSimulator({ apiKey: SIMULATOR_KEY, events: EVENTS, days: 30 });
  const handle = (request: Request) => {
    if (!upstreamFaults) return simulator.handle(request);
    const headers = new Headers(request.headers);
    headers.set(FAULT_HEADER, upstreamFaults);
    return simulator.handle(new Request(request, { headers }));
  };
  apps = await startArchiveApps({
    simulator,
    apiKey: SIMULATOR_KEY,
    ports: { app: APP_PORT, appWithoutArchive: APP_WITHOUT_ARCHIVE_PORT, simulator: SIMULATOR_PORT },
    handle,
    archiveEnv: { ARCHIVE_SYNC_INTERVAL_S: "1", ARCHIVE_MAX_REQUESTS_PER_MINUTE: "600" },
  });
  ({ app, appWithoutArchive } = apps);
});

test.afterAll(async () => {
  await apps?.stop();
});

async function archiveStatus(page: Page, baseURL: string): Promise<ArchiveStatus> {
  const response = await page.request.get(`${baseURL}/api/archive/status`);
  expect(response.status()).toBe(200);
  return archiveStatusSchema.parse(await response.json());
}

const SYNCED_LINE = /^Archive: [\d,]+ events since \d{4}-\d{2}-\d{2} · synced (just now|\d+ s ago)$/;

test("the status line shows the backfill's progress, then how much the archive holds and how fresh it is", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, app.baseURL);
  const progress = page.getByRole("progressbar", { name: "Archive backfill" });
  await expect(progress).toHaveAttribute("aria-valuetext", /^[\d,]+ events? so far$/);
  await expect(page.getByText(/^Archive: backfilling… [\d,]+ events? so far$/)).toBeVisible();
  await expectNoSeriousA11yViolationsInBothSchemes(page);

  upstreamFaults = "";
  await expect(page.getByText(SYNCED_LINE)).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  const status = await archiveStatus(page, app.baseURL);
  expect(status).toMatchObject({ events: EVENTS, backfill: { complete: true }, last_error: null });
  await expect(
    page.getByText(`Archive: ${EVENTS.toLocaleString("en-US")} events since ${status.oldest_event_at?.slice(0, 10)} · `),
  ).toBeVisible();
  await expectNoSeriousA11yViolationsInBothSchemes(page);
});

test("the people picker suggests the archive's people by name, with their events, and filters by the one chosen", async ({ page }) => {
  await signIn(page, app.baseURL);
  await expect(page.getByText(SYNCED_LINE)).toBeVisible();
  const trail = expectedEvents(simulator);
  const person = trail.find((event) => event.user_name && event.user_email)!;
  const email = person.user_email!.toLowerCase();
  const theirs = trail.filter((event) => event.user_email?.toLowerCase() === email).length;

  const field = page.getByRole("combobox", { name: "User email" });
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/people");
  await field.fill(person.user_name!.toUpperCase());
  expect((await answered).status()).toBe(200);
  const option = page.getByRole("listbox", { name: "People in the audit trail" }).getByRole("option").first();
  await expect(option).toContainText(person.user_name!);
  await expect(option).toContainText(email);
  await expect(option).toContainText(`${theirs.toLocaleString("en-US")} ${theirs === 1 ? "event" : "events"}`);
  await expectNoSeriousA11yViolationsInBothSchemes(page);

  await field.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await field.press("Enter");
  await expect(page).toHaveURL((url) => url.searchParams.get("user_email") === email);
  await expect(field).toHaveValue(email);
  await expect(eventRows(page).first()).toContainText(email);
});

test("new events wait behind a button that moves no row, and one click brings them in at the top", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, app.baseURL);
  await expect(page.getByText(SYNCED_LINE)).toBeVisible();
  // The figures above the table arrive after the rows; measured once they are drawn.
  await expect(page.getByText("Counted over the whole archive")).toBeVisible();
  await expect(page.getByRole("region", { name: "Top values" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Events over time" })).toBeVisible();
  const firstRow = page.locator('tbody tr[data-index="0"]');
  const topId = await firstRow.getAttribute("data-event-id");
  const topBox = await firstRow.boundingBox();

  simulator.addEvents(3);
  const button = page.getByRole("button", { name: "3 new events" });
  await expect(button).toBeVisible({ timeout: 45_000 });
  await expect(firstRow).toHaveAttribute("data-event-id", topId ?? "");
  expect(await firstRow.boundingBox()).toEqual(topBox);
  await expectNoSeriousA11yViolationsInBothSchemes(page);

  await eventsRegion(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await button.click();
  await expect(button).toHaveCount(0);
  await expect(eventsRegion(page)).toBeFocused();
  expect(await eventsRegion(page).evaluate((element) => element.scrollTop)).toBe(0);
  const newest = expectedEvents(simulator).slice(0, 3);
  for (const [index, event] of newest.entries()) {
    await expect(page.locator(`tbody tr[data-index="${index}"]`)).toHaveAttribute("data-event-id", event.id);
  }
  await expect(page.locator(`tbody tr[data-event-id="${topId}"]`)).toHaveAttribute("data-index", "3");
  await expect(eventRows(page)).not.toHaveCount(0);
});

test("a failing sync says so and why, while the explorer serves what the archive holds", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, app.baseURL);
  const held = (await archiveStatus(page, app.baseURL)).events.toLocaleString("en-US");
  // Every request to Merge is refused with 429 and a 2 s Retry-After.
  upstreamFaults = "429:2";
  await page.reload();
  const failing = page.getByText(new RegExp(`^Archive sync is failing: .*rate-limit.* · showing the ${held} events archived up to `, "i"));
  await expect(failing).toBeVisible({ timeout: 60_000 });
  await expect(eventRows(page).first()).toBeVisible();
  await expectNoSeriousA11yViolationsInBothSchemes(page);
  // The page route and the export read the archive too: Merge refusing everything holds neither back.
  const listed = await page.request.get(`${app.baseURL}/api/audit-trail?page_size=100`);
  expect(listed.status()).toBe(200);
  expect(((await listed.json()) as { results: unknown[] }).results).toHaveLength(100);
  const exported = await page.request.get(`${app.baseURL}/api/audit-trail/export?format=ndjson`);
  expect(exported.status()).toBe(200);
  expect((await exported.text()).trim().split("\n").length.toLocaleString("en-US")).toBe(held);

  upstreamFaults = "";
  await expect(page.getByText(SYNCED_LINE)).toBeVisible({ timeout: 60_000 });
  await expect(failing).toHaveCount(0);
});

test("with ARCHIVE=off there is no status line and no new-events button", async ({ page }) => {
  await signIn(page, appWithoutArchive.baseURL);
  await expect(eventRows(page).first()).toBeVisible();
  simulator.addEvents(2);
  // The route may say "off" or not exist at all: either way the explorer shows nothing of an archive.
  const answer = await page.request.get(`${appWithoutArchive.baseURL}/api/archive/status`);
  if (answer.status() !== 404) expect(archiveStatusSchema.parse(await answer.json()).mode).toBe("off");
  await page.reload();
  await expect(eventRows(page).first()).toBeVisible();
  await expect(page.getByText(/^Archive/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: /new events?$/ })).toHaveCount(0);
});
