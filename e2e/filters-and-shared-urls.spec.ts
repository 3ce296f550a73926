import type { Page } from "@playwright/test";
import { z } from "zod";

import { openExplorer } from "./support/explorer";
import { expect, expectNoSeriousA11yViolations, test } from "./support/test";

// The filter bar's journeys: every filter lands in the page URL under Merge's names, the table
// follows it, Back walks between filter states, and "Copy link" gives a teammate the same events.

// A zone with an offset and daylight saving time, so "From"/"To" conversions are really exercised.
const TIME_ZONE = "America/New_York";

test.use({ timezoneId: TIME_ZONE, permissions: ["clipboard-read", "clipboard-write"] });

function filterBar(page: Page) {
  return page.getByRole("search", { name: "Filter events" });
}

function rows(page: Page) {
  return page.locator("tbody tr[data-event-id]");
}

function urlParam(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

/** The ids of the rendered rows, in table order (rows are virtualized: the first ones in view). */
async function renderedIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((elements) =>
    elements
      .map((row) => ({ index: Number(row.getAttribute("data-index")), id: row.getAttribute("data-event-id") ?? "" }))
      .sort((a, b) => a.index - b.index)
      .map((row) => row.id),
  );
}

/** The text of one column in every rendered row (0 Time, 1 User, 2 Role, 3 Event, ...). */
async function columnTexts(page: Page, column: number): Promise<string[]> {
  return rows(page).evaluateAll(
    // innerText keeps the cell's lines apart (a user's name, then their email).
    (elements, index) => elements.map((row) => row.querySelectorAll("td")[index]?.innerText ?? ""),
    column,
  );
}

const firstPageSchema = z.object({ results: z.array(z.object({ id: z.string() })) });

/** True when the rendered rows start the table and match `ids` row for row (as far as both go). */
function startsWith(shown: string[], ids: string[]): boolean {
  const length = Math.min(shown.length, ids.length);
  return length > 0 && shown.slice(0, length).every((id, index) => id === ids[index]);
}

/** Waits until the table shows `ids` from its first row on (rows are virtualized: those in view). */
async function expectTableToStartWith(page: Page, ids: string[]) {
  await expect.poll(async () => startsWith(await renderedIds(page), ids)).toBe(true);
}

/**
 * Does `action`, waits for the first page our API sends for the new filters, then until the table
 * shows that page, so old rows never pass for new ones. Returns the first page's ids.
 */
async function showFirstPage(page: Page, isRequest: (params: URLSearchParams) => boolean, action: () => Promise<void>) {
  const response = page.waitForResponse((candidate) => {
    const url = new URL(candidate.url());
    return url.pathname === "/api/audit-trail" && !url.searchParams.has("cursor") && isRequest(url.searchParams);
  });
  await action();
  const { results } = firstPageSchema.parse(await (await response).json());
  const ids = results.map((event) => event.id);
  await expectTableToStartWith(page, ids);
  return ids;
}

async function firstUserEmail(page: Page): Promise<string> {
  const cells = await columnTexts(page, 1);
  const email = cells.map((text) => /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(text)?.[0]).find(Boolean);
  if (!email) throw new Error(`No email among the User cells: ${cells.join(" | ")}`);
  return email;
}

async function filterByEmail(page: Page, email: string): Promise<string[]> {
  const input = filterBar(page).getByRole("combobox", { name: "User email" });
  const ids = await showFirstPage(page, (params) => params.get("user_email") === email, async () => {
    await input.fill(email);
    await input.press("Enter");
  });
  expect(urlParam(page, "user_email")).toBe(email);
  return ids;
}

test.beforeEach(async ({ page }) => {
  await openExplorer(page, "/");
  await expect(rows(page).first()).toBeVisible();
});

test("filtering by email shows only that user's events and puts user_email in the URL", async ({ page }) => {
  const email = await firstUserEmail(page);
  await filterByEmail(page, email);
  for (const cell of await columnTexts(page, 1)) expect(cell).toContain(email);
  await expect(filterBar(page).getByRole("button", { name: `Remove filter User email: ${email}` })).toBeVisible();
});

test("the people picker suggests people of the loaded events by name, and filters by the email chosen", async ({ page }) => {
  // The first row's person: their name as the table shows it, and their email.
  const [name, email] = (await columnTexts(page, 1)).map((text) => text.split("\n")).find(([, second]) => second?.includes("@"))!;
  const field = filterBar(page).getByRole("combobox", { name: "User email" });
  await field.fill(name!.split(" ").at(-1)!.toLowerCase());
  const people = page.getByRole("listbox", { name: "People in the audit trail" });
  await expect(field).toHaveAttribute("aria-expanded", "true");
  const option = people.getByRole("option", { name: new RegExp(email!.replace(/[.+]/g, "\\$&")) });
  await expect(option).toContainText(name!);
  // With ARCHIVE=off only what this page has loaded is known, and the count says so.
  await expect(option).toContainText(/\d+ loaded events?/);
  await expectNoSeriousA11yViolations(page);

  await showFirstPage(page, (params) => params.get("user_email") === email, () => option.click());
  expect(urlParam(page, "user_email")).toBe(email);
  await expect(field).toHaveValue(email!);
  await expect(people).toBeHidden();

  // A typed email still works as before, and Escape closes the suggestions without leaving the field.
  await field.fill("Ben");
  await field.press("Escape");
  await expect(people).toBeHidden();
  await expect(field).toBeFocused();
});

test("a malformed email shows a hint and sends nothing", async ({ page }) => {
  const apiCalls: URL[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/audit-trail") apiCalls.push(url);
  });
  const input = filterBar(page).getByRole("combobox", { name: "User email" });
  await input.fill("jane@");
  await input.press("Enter");
  await expect(filterBar(page).getByText("Enter a valid email address, e.g. jane@acme.com")).toBeVisible();
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await input.blur();
  expect(urlParam(page, "user_email")).toBeNull();

  // A valid change afterwards is requested; any request caused by the malformed email would come first.
  await showFirstPage(page, (params) => params.get("page_size") === "50", async () => {
    await filterBar(page).getByRole("combobox", { name: "Page size" }).selectOption("50");
  });
  expect(apiCalls.filter((url) => url.searchParams.has("user_email"))).toEqual([]);
});

test("the event type combobox filters by label or code, from the keyboard", async ({ page }) => {
  const combobox = filterBar(page).getByRole("combobox", { name: "Event type" });
  const listbox = page.getByRole("listbox", { name: "Event types" });
  await combobox.click();
  await expect(listbox).toBeVisible();
  await expect(listbox.getByRole("group", { name: "API keys" })).toBeVisible();
  await expect(listbox.getByRole("option")).toHaveCount(43);
  await expectNoSeriousA11yViolations(page);

  // Typing filters; Escape closes the list and undoes the typing.
  await combobox.fill("password");
  await expect(listbox.getByRole("option")).toHaveCount(2);
  await combobox.press("Escape");
  await expect(combobox).toHaveAttribute("aria-expanded", "false");
  await expect(combobox).toHaveValue("");

  // Arrows move the active option, Enter chooses it.
  await combobox.fill("user");
  await combobox.press("ArrowDown");
  await combobox.press("ArrowUp");
  const activeId = await combobox.getAttribute("aria-activedescendant");
  await expect(page.locator(`[id="${activeId}"]`)).toContainText("Invited user");
  await showFirstPage(page, (params) => params.get("event_type") === "INVITED_USER", () => combobox.press("Enter"));
  expect(urlParam(page, "event_type")).toBe("INVITED_USER");
  await expect(combobox).toHaveValue("Invited user");
  for (const cell of await columnTexts(page, 3)) expect(cell).toContain("INVITED_USER");

  // Searching by code works too, and a click chooses.
  await combobox.fill("CHANGED_PASSWORD");
  await showFirstPage(
    page,
    (params) => params.get("event_type") === "CHANGED_PASSWORD",
    () => listbox.getByRole("option", { name: /Changed password/ }).click(),
  );
  expect(urlParam(page, "event_type")).toBe("CHANGED_PASSWORD");
});

test("an event type the app does not know shows as its code and still filters", async ({ page }) => {
  await openExplorer(page, "/?event_type=EXPORTED_AUDIT_TRAIL");
  const combobox = filterBar(page).getByRole("combobox", { name: "Event type" });
  await expect(combobox).toHaveValue("EXPORTED_AUDIT_TRAIL");
  await expect(
    filterBar(page).getByRole("button", { name: "Remove filter Event type: EXPORTED_AUDIT_TRAIL" }),
  ).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  for (const cell of await columnTexts(page, 3)) expect(cell).toContain("EXPORTED_AUDIT_TRAIL");

  // A code typed by hand is offered even though it is not in the list.
  await combobox.fill("CHANGED_SSO_CONFIGURATION");
  await expect(page.getByRole("listbox", { name: "Event types" }).getByRole("option")).toHaveCount(1);
  await showFirstPage(
    page,
    (params) => params.get("event_type") === "CHANGED_SSO_CONFIGURATION",
    () => combobox.press("Enter"),
  );
  for (const cell of await columnTexts(page, 3)) expect(cell).toContain("CHANGED_SSO_CONFIGURATION");
});

test("From and To, in the user's time zone, land in the URL as UTC", async ({ page }) => {
  const bar = filterBar(page);
  const from = bar.getByLabel("From", { exact: true });
  const to = bar.getByLabel("To", { exact: true });
  await from.fill("2026-11-10T08:00:00");
  await from.press("Enter");
  await expect.poll(() => urlParam(page, "start_date")).toBe("2026-11-10T13:00:00.000Z");
  await showFirstPage(page, (params) => params.has("end_date"), async () => {
    await to.fill("2026-11-20T18:30:00");
    await to.press("Enter");
  });

  // New York is UTC-5 in November.
  expect(urlParam(page, "start_date")).toBe("2026-11-10T13:00:00.000Z");
  expect(urlParam(page, "end_date")).toBe("2026-11-20T23:30:00.000Z");
  await expect(bar.getByRole("combobox", { name: "Date range" })).toHaveValue("custom");
  const times = await rows(page).evaluateAll((elements) =>
    elements.map((row) => Date.parse(row.querySelector("time")?.getAttribute("datetime") ?? "")),
  );
  for (const time of times) {
    expect(time).toBeGreaterThanOrEqual(Date.parse("2026-11-10T13:00:00.000Z"));
    expect(time).toBeLessThanOrEqual(Date.parse("2026-11-20T23:30:00.000Z"));
  }

  // An end before the start is refused with a hint; the URL keeps the valid range.
  await to.fill("2026-11-01T00:00:00");
  await to.press("Enter");
  await expect(bar.getByText("The end of the date range is before its start")).toBeVisible();
  expect(urlParam(page, "end_date")).toBe("2026-11-20T23:30:00.000Z");
});

test("a preset writes a relative range, not dates, and keeps its name", async ({ page }) => {
  const before = Date.now();
  const bar = filterBar(page);
  const preset = bar.getByRole("combobox", { name: "Date range" });
  await preset.selectOption({ label: "Last 7 days" });
  await expect.poll(() => urlParam(page, "range")).toBe("7d");
  expect([...new URL(page.url()).searchParams.keys()]).toEqual(["range"]);
  await expect(preset).toHaveValue("7d");
  // The fields show the dates the table covers: from a week ago, no end.
  const week = 7 * 24 * 60 * 60 * 1000;
  const from = await bar.getByLabel("From", { exact: true }).inputValue();
  const start = Date.parse(`${from.replace(" ", "T")}-05:00`);
  expect(start).toBeGreaterThanOrEqual(Math.floor((before - week) / 1000) * 1000 - 1000);
  expect(start).toBeLessThanOrEqual(Date.now() - week);
  await expect(bar.getByLabel("To", { exact: true })).toHaveValue("");
  await expect(bar.getByRole("button", { name: /^Remove filter Date range: Last 7 days \(from / })).toBeVisible();

  await preset.selectOption({ label: "All time" });
  await expect.poll(() => urlParam(page, "range")).toBeNull();
  expect(urlParam(page, "start_date")).toBeNull();
});

test("calendar presets: Yesterday, This week, Last week and This month, in the user's zone", async ({ page }) => {
  // Wednesday, Nov 25, 2026, 10:00 in New York (UTC-5).
  await page.clock.setFixedTime(new Date("2026-11-25T15:00:00Z"));
  await openExplorer(page, "/");
  const bar = filterBar(page);
  const preset = bar.getByRole("combobox", { name: "Date range" });
  for (const [label, range, from, to] of [
    ["Yesterday", "yesterday", "2026-11-24 00:00:00", "2026-11-25 00:00:00"],
    ["This week", "this_week", "2026-11-23 00:00:00", ""],
    ["Last week", "last_week", "2026-11-16 00:00:00", "2026-11-23 00:00:00"],
    ["This month", "this_month", "2026-11-01 00:00:00", ""],
    ["Last month", "last_month", "2026-10-01 00:00:00", "2026-11-01 00:00:00"],
  ] as const) {
    await preset.selectOption({ label });
    await expect.poll(() => urlParam(page, "range")).toBe(range);
    expect(urlParam(page, "start_date")).toBeNull();
    await expect(preset).toHaveValue(range);
    await expect(bar.getByLabel("From", { exact: true })).toHaveValue(from);
    await expect(bar.getByLabel("To", { exact: true })).toHaveValue(to);
    await expect(bar.getByRole("button", { name: `Remove filter Date range: ${label} (` })).toBeVisible();
  }
});

test("Copy link freezes the range, and the link shows a teammate the same rows in the same order", async ({
  page,
  context,
  browser,
}) => {
  const email = await firstUserEmail(page);
  await filterByEmail(page, email);
  // An open-ended range from a fixed instant inside the pinned data (a preset would follow the
  // machine's clock, which drifts away from E2E_SIMULATOR_NOW as the calendar moves on).
  const ids = await showFirstPage(page, (params) => params.has("start_date"), async () => {
    const from = filterBar(page).getByLabel("From", { exact: true });
    await from.fill("2026-10-29T00:00:00");
    await from.press("Enter");
  });

  const beforeCopy = new Date().toISOString();
  await filterBar(page).getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));

  expect(link.origin).toBe(new URL(page.url()).origin);
  expect(link.searchParams.get("user_email")).toBe(email);
  expect(link.searchParams.get("start_date")).toBe(urlParam(page, "start_date"));
  // The open end is frozen at the moment of copying; the page itself stays open-ended.
  expect((link.searchParams.get("end_date") ?? "") >= beforeCopy).toBe(true);
  expect(urlParam(page, "end_date")).toBeNull();

  const teammate = await browser.newContext({
    storageState: await context.storageState(),
    timezoneId: TIME_ZONE,
    viewport: page.viewportSize(),
  });
  try {
    const other = await teammate.newPage();
    await other.goto(link.href);
    await expect(rows(other).first()).toBeVisible();
    await expectTableToStartWith(other, ids);
    await expect(filterBar(other).getByRole("combobox", { name: "User email" })).toHaveValue(email);
    // A frozen range is absolute: the teammate sees it as a custom range.
    await expect(filterBar(other).getByRole("combobox", { name: "Date range" })).toHaveValue("custom");
  } finally {
    await teammate.close();
  }
});

test("when the clipboard is refused, the link is shown to copy by hand", async ({ page }) => {
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("Denied", "NotAllowedError"));
  });
  await filterBar(page).getByRole("button", { name: "Copy link" }).click();
  const field = page.getByRole("textbox", { name: /copy this link by hand/ });
  await expect(field).toBeFocused();
  expect(new URL(await field.inputValue()).searchParams.get("end_date")).not.toBeNull();
  await expect(page.getByText("Link copied")).toHaveCount(0);
});

test("Back and Forward move between filter states", async ({ page }) => {
  const email = await firstUserEmail(page);
  const emailIds = await filterByEmail(page, email);
  const combobox = filterBar(page).getByRole("combobox", { name: "Event type" });
  const emailInput = filterBar(page).getByRole("combobox", { name: "User email" });
  await combobox.fill("invited user");
  await showFirstPage(page, (params) => params.get("event_type") === "INVITED_USER", () => combobox.press("Enter"));

  await page.goBack();
  await expect.poll(() => urlParam(page, "event_type")).toBeNull();
  expect(urlParam(page, "user_email")).toBe(email);
  await expect(combobox).toHaveValue("");
  await expect(emailInput).toHaveValue(email);
  await expectTableToStartWith(page, emailIds);

  await page.goBack();
  await expect.poll(() => urlParam(page, "user_email")).toBeNull();
  await expect(emailInput).toHaveValue("");

  await page.goForward();
  await expect.poll(() => urlParam(page, "user_email")).toBe(email);
  await expect(emailInput).toHaveValue(email);
  await expectTableToStartWith(page, emailIds);
});

test("chips remove one filter each, and Clear filters removes them all", async ({ page }) => {
  const email = await firstUserEmail(page);
  await openExplorer(page, `/?user_email=${encodeURIComponent(email)}&event_type=INVITED_USER&page_size=50`);
  const bar = filterBar(page);
  await bar.getByRole("button", { name: "Remove filter Event type: Invited user" }).click();
  await expect.poll(() => urlParam(page, "event_type")).toBeNull();
  expect(urlParam(page, "user_email")).toBe(email);

  await bar.getByRole("button", { name: "Clear filters" }).click();
  await expect.poll(() => urlParam(page, "user_email")).toBeNull();
  // The page size is a view preference, not a filter.
  expect(urlParam(page, "page_size")).toBe("50");
  await expect(bar.getByRole("button", { name: /^Remove filter/ })).toHaveCount(0);
});

test("an email applied on blur and a chip removed by the same click both take effect", async ({ page }) => {
  const email = await firstUserEmail(page);
  await openExplorer(page, "/?event_type=INVITED_USER");
  const bar = filterBar(page);
  await bar.getByRole("combobox", { name: "User email" }).fill(email);
  // The click's press blurs the field, which applies the email: its chip must not push the pressed
  // ✕ away before the release (held as long as a person holds a click), or the click is lost.
  await bar.getByRole("button", { name: "Remove filter Event type: Invited user" }).click({ delay: 300 });
  await expect.poll(() => [...new URL(page.url()).searchParams]).toEqual([["user_email", email]]);
  await expect(bar.getByRole("button", { name: `Remove filter User email: ${email}` })).toBeVisible();
});
