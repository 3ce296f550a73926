import { actorName } from "@/components/explorer/event-cells/actor";
import { eventTypeLabel } from "@/lib/event-types";

import { eventRows, eventsRegion, openExplorer, showingCount } from "./support/explorer";
import { simulatorFirstPage } from "./support/simulator";
import { expect, test } from "./support/test";

// On a phone (390 px) the events are stacked cards, read without scrolling sideways: who and when,
// what, and the description's first line. The list stays virtualized, and the detail fills the screen.

test.use({ viewport: { width: 390, height: 844 }, timezoneId: "UTC" });

test("events are cards that fit the screen: who, when, what and the description's first line", async ({ page }) => {
  const [first] = await simulatorFirstPage({});
  await openExplorer(page, "/");
  const card = eventRows(page).first();
  await expect(card).toBeVisible();

  // Nothing to scroll sideways, and each card within the screen.
  expect(await eventsRegion(page).evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  const box = await card.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);

  await expect(card.getByText(actorName(first!), { exact: true })).toBeVisible();
  await expect(card.locator("time")).toHaveText(first!.created_at.slice(0, 19).replace("T", " "));
  await expect(card.getByText(eventTypeLabel(first!.event_type), { exact: true })).toBeVisible();
  const description = card.getByText(first!.event_description, { exact: true });
  await expect(description).toBeVisible();
  // One line of it: the rest is in the detail.
  expect(
    await description.evaluate((element) => Math.round(element.clientHeight / parseFloat(getComputedStyle(element).lineHeight))),
  ).toBe(1);
  // Role and IP address are left to the detail.
  await expect(card.getByText(first!.ip_address, { exact: true })).toBeHidden();

  // Still virtualized: the second page is loaded, far fewer cards are in the page.
  await expect.poll(() => showingCount(page)).toBe(60);
  expect(await eventRows(page).count()).toBeLessThan(60);
});

test("a card opens the detail, which fills the screen", async ({ page }) => {
  await openExplorer(page, "/");
  await eventRows(page).first().click();
  const detail = page.getByRole("dialog");
  await expect(detail).toBeVisible();
  const box = await detail.boundingBox();
  expect(box).toMatchObject({ x: 0, width: 390 });
});
