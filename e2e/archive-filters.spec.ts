import type { Page } from "@playwright/test";

import { needsArchiveMessage } from "@/lib/api-errors";
import { parseAuditTrailQuery, pickFilters, QUERY_KEYS } from "@/lib/filters";
import { createSimulator, type Simulator } from "@/lib/simulator";

import { expectedEvents } from "@/testing/simulator-oracle";

import { openFullArchive, signInAsDemo, startArchiveApps, type ArchiveApps } from "./support/archive-apps";
import { eventRows, eventsRegion } from "./support/explorer";
import { expect, expectNoSeriousA11yViolations, test } from "./support/test";

// The filters only the archive can apply (issue 13), typed into the filter bar of a server that
// keeps an archive, checked against a brute-force filter of the simulator it archived; and the
// same links on a server without one, which says which filter needs the archive.

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] }, timezoneId: "UTC" });

const APP_PORT = 5300;
const APP_WITHOUT_ARCHIVE_PORT = 5301;
const SIMULATOR_PORT = 5320;
const SIMULATOR_KEY = "sk_archive_filters_e2e_key_91c4";
const EVENTS = 1500;

let simulator: Simulator;
let apps: ArchiveApps;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  simulator = createSimulator({ apiKey: SIMULATOR_KEY, events: EVENTS, days: 30, now: "2026-11-28T12:00:00Z" });
  apps = await startArchiveApps({
    simulator,
    apiKey: SIMULATOR_KEY,
    ports: { app: APP_PORT, appWithoutArchive: APP_WITHOUT_ARCHIVE_PORT, simulator: SIMULATOR_PORT },
    archiveEnv: { ARCHIVE_SYNC_INTERVAL_S: "1", ARCHIVE_MAX_REQUESTS_PER_MINUTE: "600" },
  });
});

test.afterAll(async () => {
  await apps?.stop();
});

/** Signs in once the archive holds the whole trail, so what it shows can be compared with the simulator. */
function signInToFullArchive(page: Page): Promise<void> {
  return openFullArchive(page, apps.app.baseURL, EVENTS);
}

/** The ids the explorer's first page should show for a page URL's query, by brute force. */
function expectedIds(search: string, count: number): string[] {
  const parsed = parseAuditTrailQuery(new URLSearchParams(search), { allow: QUERY_KEYS });
  if (!parsed.ok) throw new Error(parsed.error.message);
  const filters = pickFilters(parsed.value);
  // The archive's order: (created_at, id), newest first unless order=asc.
  const newestFirst = expectedEvents(simulator, { ...filters, order: undefined }).sort((a, b) =>
    a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
  );
  return (filters.order === "asc" ? newestFirst.reverse() : newestFirst)
    .slice(0, count)
    .map((event) => event.id);
}

async function shownIds(page: Page, count: number): Promise<string[]> {
  const rows = eventRows(page);
  await expect(rows.first()).toBeVisible();
  return (await rows.evaluateAll((elements) => elements.map((row) => row.getAttribute("data-event-id") ?? ""))).slice(0, count);
}

test("an IP address and a CIDR block typed in the filter bar show exactly that address's events", async ({ page }) => {
  test.setTimeout(150_000);
  await signInToFullArchive(page);
  const address = expectedEvents(simulator).find((event) => !event.ip_address.includes(":"))!.ip_address;
  const block = `${address.split(".").slice(0, 3).join(".")}.0/24`;
  const ipBox = page.getByRole("textbox", { name: "IP address" });

  for (const value of [address, block]) {
    await ipBox.fill(value);
    await ipBox.press("Enter");
    await expect(page).toHaveURL((url) => url.searchParams.get("ip") === value);
    const search = new URL(page.url()).searchParams.toString();
    const expected = expectedIds(search, 10);
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => shownIds(page, expected.length)).toEqual(expected);
  }

  await ipBox.fill("203.0.113.300");
  await ipBox.press("Enter");
  await expect(page.getByText("Enter an IPv4 or IPv6 address or a CIDR block")).toBeVisible();
  expect(new URL(page.url()).searchParams.get("ip")).toBe(block);
});

test("Search finds text inside descriptions whatever its letter case, and Oldest first turns the list around", async ({ page }) => {
  test.setTimeout(90_000);
  await signInToFullArchive(page);
  const word = expectedEvents(simulator)
    .map((event) => event.event_description.split(/\s+/).find((part) => /^[A-Za-z]{6,}$/.test(part)))
    .find(Boolean)!;
  const searchBox = page.getByRole("textbox", { name: "Search" });
  await searchBox.fill(word.toUpperCase());
  await searchBox.press("Enter");
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === word.toUpperCase());
  const newest = expectedIds(`q=${encodeURIComponent(word)}`, 5);
  await expect.poll(() => shownIds(page, newest.length)).toEqual(newest);

  const oldestFirst = page.getByRole("button", { name: "Oldest first" });
  await oldestFirst.click();
  await expect(oldestFirst).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL((url) => url.searchParams.get("order") === "asc");
  const oldest = expectedIds(`q=${encodeURIComponent(word)}&order=asc`, 5);
  await expect.poll(() => shownIds(page, oldest.length)).toEqual(oldest);
});

test("a shared link carrying every filter shows its result set, and Role and Actor show what it holds", async ({ page }) => {
  test.setTimeout(90_000);
  await signInToFullArchive(page);
  const person = expectedEvents(simulator).find((event) => event.user_email && event.role === "ADMIN")!;
  const search = new URLSearchParams([
    ["user_email", person.user_email!.toUpperCase()],
    ["event_group", "users_and_security"],
    ["event_group", "api_keys"],
    ["event_type", "-INVITED_USER"],
    ["role", "ADMIN"],
    ["actor", "human"],
    ["ip", "-192.0.2.0/24"],
    ["order", "asc"],
  ]).toString();
  await page.goto(`${apps.app.baseURL}/?${search}`);
  await expect(page.getByRole("combobox", { name: "Role" })).toHaveValue("ADMIN");
  await expect(page.getByRole("combobox", { name: "Actor" })).toHaveValue("human");
  await expect(page.getByRole("button", { name: "Oldest first" })).toHaveAttribute("aria-pressed", "true");
  const expected = expectedIds(search, 10);
  expect(expected.length).toBeGreaterThan(0);
  await expect.poll(() => shownIds(page, expected.length)).toEqual(expected);
  await expect(eventsRegion(page)).toBeVisible();
});

test("without the archive, a link using its filters says which one needs it, and those controls are disabled with the reason", async ({ page }) => {
  test.setTimeout(60_000);
  await signInAsDemo(page, apps.appWithoutArchive.baseURL);
  await page.goto(`${apps.appWithoutArchive.baseURL}/?event_type=INVITED_USER&ip=203.0.113.0%2F24`);
  await expect(page.getByText(`This link's filters cannot be used: ip: ${needsArchiveMessage("ip")}`)).toBeVisible();
  await expect(eventRows(page)).toHaveCount(0);
  for (const name of ["Search", "IP address"]) await expect(page.getByRole("textbox", { name })).toBeDisabled();
  for (const name of ["Role", "Actor"]) await expect(page.getByRole("combobox", { name })).toBeDisabled();
  const oldestFirst = page.getByRole("button", { name: "Oldest first" });
  await expect(oldestFirst).toBeDisabled();
  await expect(oldestFirst).toHaveAccessibleDescription(/need the archive, which is off on this server/);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousA11yViolations(page);
  }

  await page.getByRole("link", { name: "Remove ip" }).click();
  await expect(page).toHaveURL((url) => url.search === "?event_type=INVITED_USER");
  await expect(eventRows(page).first()).toBeVisible();
});
