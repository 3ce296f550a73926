import { eventRows, openExplorer } from "./support/explorer";
import { simulatorFirstPage } from "./support/simulator";
import { expect, test } from "./support/test";

// The detail panel: opened by a click or by Enter on a focused row, named in the URL (`event=`),
// closed by Escape with focus back on the row, and its pivots narrow the table.

const USER = "olivia.bennett@northwindhr.com";

function detail(page: import("@playwright/test").Page) {
  return page.getByRole("dialog");
}

test("a click opens the event's detail, the URL names it, Escape closes it", async ({ page }) => {
  const [first] = await simulatorFirstPage({ user_email: USER });
  await openExplorer(page, `/?user_email=${encodeURIComponent(USER)}`);

  await eventRows(page).first().click();
  await expect(detail(page)).toBeVisible();
  await expect(page).toHaveURL((url) => url.searchParams.get("event") === first!.id);
  await expect(detail(page).getByText(first!.event_description).first()).toBeVisible();
  await expect(detail(page).getByText(first!.ip_address).first()).toBeVisible();
  await expect(detail(page).getByRole("heading", { name: "Raw JSON" })).toBeVisible();
  await expect(detail(page).locator("pre")).toContainText(`"id": "${first!.id}"`);

  await page.keyboard.press("Escape");
  await expect(detail(page)).toBeHidden();
  await expect(page).toHaveURL((url) => !url.searchParams.has("event"));
  await expect(eventRows(page).first()).toBeFocused();
});

test("keyboard: / focuses the email filter, j and k move, Enter opens", async ({ page }) => {
  const events = await simulatorFirstPage({ user_email: USER });
  await openExplorer(page, `/?user_email=${encodeURIComponent(USER)}`);
  await expect(eventRows(page).first()).toBeVisible();

  await page.keyboard.press("/");
  await expect(page.getByRole("combobox", { name: "User email" })).toBeFocused();
  await page.getByRole("combobox", { name: "User email" }).blur();

  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await expect(page.locator(`tr[data-event-id="${events[0]!.id}"]`)).toBeFocused();
  await page.keyboard.press("j");
  await expect(page.locator(`tr[data-event-id="${events[1]!.id}"]`)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL((url) => url.searchParams.get("event") === events[1]!.id);
  await expect(detail(page)).toBeVisible();
});

test("a link to an event opens its detail directly", async ({ page }) => {
  const events = await simulatorFirstPage({ user_email: USER });
  const target = events[3]!;
  await page.goto(`/?user_email=${encodeURIComponent(USER)}&event=${target.id}`);
  await expect(detail(page)).toBeVisible();
  await expect(detail(page).getByText(target.id).first()).toBeVisible();
});

test("a link to an event that is not in the result set says so", async ({ page }) => {
  await page.goto(`/?user_email=${encodeURIComponent(USER)}&event=no-such-event`);
  // The explorer looks through the following pages first (Merge cannot fetch one event by id).
  await expect(detail(page).getByText("Event no-such-event is not in the audit trail for these filters.")).toBeVisible({
    timeout: 30_000,
  });
});

test("pivots narrow the table to this user, this event type, or a span around the event", async ({ page }) => {
  const [event] = await simulatorFirstPage({});
  await openExplorer(page, "/");
  await page.locator(`tr[data-event-id="${event!.id}"]`).click();

  await detail(page).getByRole("link", { name: "Only this event type" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("event_type") === event!.event_type);
  await expect(eventRows(page).first()).toBeVisible();
  const codes = await eventRows(page).locator("td:nth-child(4)").allInnerTexts();
  expect(codes.every((text) => text.includes(event!.event_type))).toBe(true);

  await eventRows(page).first().click();
  await detail(page).getByRole("group", { name: "Events around this time" }).getByRole("link", { name: "±1 h" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.has("start_date") && !url.searchParams.has("event_type"));
  const url = new URL(page.url());
  const span = Date.parse(url.searchParams.get("end_date")!) - Date.parse(url.searchParams.get("start_date")!);
  expect(span).toBe(2 * 60 * 60 * 1000);

  const withUser = (await simulatorFirstPage({ user_email: USER }))[0]!;
  await page.goto(`/?event=${withUser.id}&user_email=${encodeURIComponent(USER)}`);
  await detail(page).getByRole("link", { name: "Only this user" }).click();
  await expect(page).toHaveURL((next) => next.searchParams.get("user_email") === USER && !next.searchParams.has("event"));
  await expect(eventRows(page).first()).toContainText(USER);
});

test("events around this time: ±5 min, ±1 h or ±1 day, and the new list marks the event it came from", async ({ page }) => {
  const events = await simulatorFirstPage({ user_email: USER });
  const event = events[5]!;
  await openExplorer(page, `/?user_email=${encodeURIComponent(USER)}&event=${event.id}`);
  const around = detail(page).getByRole("group", { name: "Events around this time" });
  await expect(around.getByRole("link")).toHaveText(["±5 min", "±1 h", "±1 day"]);

  for (const [label, spanMs] of [
    ["±1 day", 24 * 60 * 60 * 1000],
    ["±5 min", 5 * 60 * 1000],
  ] as const) {
    await detail(page).getByRole("group", { name: "Events around this time" }).getByRole("link", { name: label }).click();
    const at = Date.parse(event.created_at);
    await expect(page).toHaveURL(
      (url) =>
        Date.parse(url.searchParams.get("start_date") ?? "") === at - spanMs &&
        Date.parse(url.searchParams.get("end_date") ?? "") === at + spanMs &&
        url.searchParams.get("event") === event.id &&
        !url.searchParams.has("user_email"),
    );
    // The new list, of everyone's events, marks the event it started from.
    const row = page.locator(`tr[data-event-id="${event.id}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute("aria-current", "true");
    await expect(page.locator('tbody tr[aria-current="true"]')).toHaveCount(1);
  }
});
