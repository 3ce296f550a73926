import type { Page } from "@playwright/test";

import { auditTrailPageSchema, type AuditEvent } from "@/lib/audit-event";
import type { ArchiveStatus } from "@/lib/archive-status";

import { eventRows, eventsRegion, openExplorer } from "./support/explorer";
import { expect, expectNoSeriousA11yViolations, test } from "./support/test";

// The explorer's archive UI in every state the status route can report, with that route answered by
// the test: the real one lives with the archive's server side (archive.spec.ts covers it end to end).
// The browser's clock is the test's, so "synced 14 s ago" is exact and minutes pass at once.

test.use({ timezoneId: "UTC" });

const NOW = new Date("2026-11-28T12:00:00Z");
const secondsBefore = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

const SYNCED: ArchiveStatus = {
  mode: "embedded",
  events: 4000,
  oldest_event_at: "2026-08-30T01:12:03.123456Z",
  newest_event_at: "2026-11-28T04:26:12.291510Z",
  last_sync_at: secondsBefore(14),
  lag_seconds: 14,
  backfill: { complete: true, events: 4000 },
  syncing_instance: "app-1:4242",
  last_error: null,
};

/** Opens the explorer with the browser's clock at NOW and the status route answering `answer`. */
async function openWithStatus(page: Page, answer: ArchiveStatus | 404): Promise<string[]> {
  const asked: string[] = [];
  await page.clock.install({ time: NOW });
  await page.route("**/api/archive/status", (route) => {
    asked.push(route.request().url());
    return answer === 404 ? route.fulfill({ status: 404, body: "Not found" }) : route.fulfill({ json: answer });
  });
  await openExplorer(page, "/");
  await expect(eventRows(page).first()).toBeVisible();
  return asked;
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test("the status line says how much the archive holds, since when, and how fresh it is", async ({ page }) => {
      await openWithStatus(page, SYNCED);
      // The clock stands still at NOW (the page took a moment to open), then jumps a minute on.
      await page.clock.setFixedTime(NOW);
      await expect(page.getByText("Archive: 4,000 events since 2026-08-30 · synced 14 s ago", { exact: true })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.clock.setFixedTime(NOW.getTime() + 60_000);
      await expect(page.getByText("Archive: 4,000 events since 2026-08-30 · synced 1 min ago", { exact: true })).toBeVisible();
    });

    test("the backfill shows a count, for a screen reader too, with no percentage", async ({ page }) => {
      await openWithStatus(page, { ...SYNCED, events: 1200, backfill: { complete: false, events: 1200 } });
      await expect(page.getByText("Archive: backfilling… 1,200 events so far", { exact: true })).toBeVisible();
      const progress = page.getByRole("progressbar", { name: "Archive backfill" });
      await expect(progress).toHaveAttribute("aria-valuetext", "1,200 events so far");
      await expect(progress).not.toHaveAttribute("value");
      await expectNoSeriousA11yViolations(page);
    });

    test("a failing sync is said in words, with what the explorer still shows", async ({ page }) => {
      await openWithStatus(page, { ...SYNCED, last_error: "Merge is rate-limiting requests; retry in 2 s", last_sync_at: secondsBefore(14 * 60) });
      await expect(
        page.getByText(
          "Archive sync is failing: Merge is rate-limiting requests; retry in 2 s · showing the 4,000 events archived up to 14 min ago",
          { exact: true },
        ),
      ).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test("new events wait behind a button that moves no row; one click brings them in at the top", async ({ page }) => {
      const arrived: AuditEvent[] = [3, 2, 1].map((second) => ({
        id: `arrived-${second}`,
        user_name: "Ada Quinn",
        user_email: "ada.quinn@example.com",
        role: "ADMIN",
        ip_address: "192.0.2.9",
        event_type: "INVITED_USER",
        event_description: `Invited a user (${second})`,
        created_at: `2026-11-28T11:59:5${second}.000001Z`,
      }));
      // The trail grew after the server rendered the page: every first page fetched from now on has them.
      await page.route(/\/api\/audit-trail\?/, async (route) => {
        if (new URL(route.request().url()).searchParams.has("cursor")) return route.continue();
        const response = await route.fetch();
        const first = auditTrailPageSchema.parse(await response.json());
        await route.fulfill({ response, json: { ...first, results: [...arrived, ...first.results] } });
      });
      await openWithStatus(page, { ...SYNCED, newest_event_at: arrived[0]!.created_at });
      const firstRow = page.locator('tbody tr[data-index="0"]');
      const topId = await firstRow.getAttribute("data-event-id");
      const topBox = await firstRow.boundingBox();

      const button = page.getByRole("button", { name: "3 new events" });
      await expect(button).toBeVisible();
      await expect(firstRow).toHaveAttribute("data-event-id", topId ?? "");
      expect(await firstRow.boundingBox()).toEqual(topBox);
      await expectNoSeriousA11yViolations(page);

      await eventsRegion(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await button.click();
      await expect(button).toHaveCount(0);
      await expect(eventsRegion(page)).toBeFocused();
      expect(await eventsRegion(page).evaluate((element) => element.scrollTop)).toBe(0);
      for (const [index, event] of arrived.entries()) {
        await expect(page.locator(`tbody tr[data-index="${index}"]`)).toHaveAttribute("data-event-id", event.id);
      }
      await expect(page.locator(`tbody tr[data-event-id="${topId}"]`)).toHaveAttribute("data-index", "3");
    });
  });
}

test("with the archive off there is no line, and nothing more is asked", async ({ page }) => {
  const asked = await openWithStatus(page, { ...SYNCED, mode: "off" });
  await expect.poll(() => asked.length).toBe(1);
  await page.clock.runFor(60_000);
  await expect(page.getByText(/^Archive/)).toHaveCount(0);
  expect(asked).toHaveLength(1);
});

test("a server without the status route shows nothing of an archive, and is asked once", async ({ page }) => {
  const asked = await openWithStatus(page, 404);
  await expect.poll(() => asked.length).toBe(1);
  await page.clock.runFor(60_000);
  await expect(page.getByText(/^Archive/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: /new events?$/ })).toHaveCount(0);
  expect(asked).toHaveLength(1);
});

test("while the archive is on, the status is asked again and the line follows it", async ({ page }) => {
  let events = 4000;
  await page.clock.install({ time: NOW });
  await page.route("**/api/archive/status", (route) => route.fulfill({ json: { ...SYNCED, events } }));
  await openExplorer(page, "/");
  await expect(page.getByText(/^Archive: 4,000 events since/)).toBeVisible();
  events = 4321;
  await page.clock.runFor(11_000);
  await expect(page.getByText(/^Archive: 4,321 events since/)).toBeVisible();
});
