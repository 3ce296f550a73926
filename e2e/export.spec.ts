import { readFile } from "node:fs/promises";

import type { Page } from "@playwright/test";

import { parseExport } from "@/testing/parse-export";

import { FAILING_APP_URL } from "./support/env";
import { eventRows, openExplorer, readAllLoadedIds, scrollToEndOfTrail } from "./support/explorer";
import { expect, expectNoSeriousA11yViolations, test } from "./support/test";

// The Export menu: the file holds what the table holds for the same filters, in the same order;
// a failure says why and saves nothing; Cancel stops it.

const USER = "olivia.bennett@northwindhr.com";

function exportButton(page: Page) {
  return page.getByRole("button", { name: "Export", exact: true });
}

test("a CSV from the Export menu holds the table's rows for the filter, in the same order", async ({ page }) => {
  await openExplorer(page, `/?user_email=${encodeURIComponent(USER)}`);
  await expect(eventRows(page).first()).toBeVisible();
  await scrollToEndOfTrail(page);
  const tableIds = await readAllLoadedIds(page);
  // Several of the table's pages, so the comparison crosses its cursors and the export's.
  expect(tableIds.length).toBeGreaterThan(100);

  const download = page.waitForEvent("download");
  await exportButton(page).click();
  await page.getByRole("menuitem", { name: "CSV", exact: true }).click();
  const file = await download;

  expect(file.suggestedFilename()).toBe(`audit-trail_user-${USER}.csv`);
  const records = parseExport("csv", await readFile(await file.path(), "utf8"));
  expect(records.map((record) => record["Event ID"])).toEqual(tableIds);
  expect(new Set(records.map((record) => record["User Email"]))).toEqual(new Set([USER]));
  await expect(page.getByText(`Exported ${tableIds.length} events to audit-trail_user-${USER}.csv`)).toBeVisible();
});

test("the Export menu works from the keyboard and passes an accessibility scan", async ({ page }) => {
  await openExplorer(page, "/?event_type=EXPORTED_AUDIT_TRAIL");
  await expect(eventRows(page).first()).toBeVisible();
  await exportButton(page).focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Export format" });
  await expect(menu.getByRole("menuitem")).toHaveText([/^CSV/, /^JSON/, /^NDJSON/]);
  await expect(menu.getByRole("menuitem", { name: "CSV", exact: true })).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(exportButton(page)).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "NDJSON", exact: true })).toBeFocused();
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const records = parseExport("ndjson", await readFile(await (await download).path(), "utf8"));
  expect(records.length).toBeGreaterThan(0);
  expect(records.every((record) => record.event_type === "EXPORTED_AUDIT_TRAIL")).toBe(true);
});

test("an export that fails says why and saves nothing", async ({ page }) => {
  // This server reads a simulator that answers every request with 500.
  await openExplorer(page, `${FAILING_APP_URL}/?user_email=${encodeURIComponent(USER)}`);
  let downloads = 0;
  page.on("download", () => downloads++);
  await exportButton(page).click();
  await page.getByRole("menuitem", { name: "JSON", exact: true }).click();
  // The page's own failing requests may already have this user held back by the failure guard.
  await expect(
    page.getByText(
      /^The export could not start: (Merge is unavailable right now; retry in a moment|Merge refused several of your recent requests, so yours are paused for a few seconds to keep Merge from blocking this server)$/,
    ),
  ).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByText("The export could not start")).toBeHidden();
  expect(downloads).toBe(0);
});

test("Cancel stops a running export and saves nothing", async ({ page }) => {
  await openExplorer(page, "/?event_type=EXPORTED_AUDIT_TRAIL");
  await expect(eventRows(page).first()).toBeVisible();
  // Hold the export's answer back, so it is still running when Cancel is pressed.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/audit-trail/export?**", async (route) => {
    await held;
    await route.continue().catch(() => undefined);
  });
  let downloads = 0;
  page.on("download", () => downloads++);

  await exportButton(page).click();
  await page.getByRole("menuitem", { name: "CSV", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Starting export…" })).toBeVisible();
  await expect(exportButton(page)).toBeDisabled();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Export cancelled")).toBeVisible();
  await expect(exportButton(page)).toBeEnabled();
  release();
  expect(downloads).toBe(0);
});

test.describe("in Berlin", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("a CSV for people: the event's readable label after Merge's columns, named with the days chosen in Berlin", async ({ page }) => {
    // Q4 2026 as chosen in Berlin: from Oct 1 00:00 to Jan 1 00:00 there.
    const q4 = "start_date=2026-09-30T22%3A00%3A00.000Z&end_date=2026-12-31T23%3A00%3A00.000Z";
    await openExplorer(page, `/?event_type=INVITED_USER&${q4}`);
    await expect(eventRows(page).first()).toBeVisible();

    const download = page.waitForEvent("download");
    await exportButton(page).click();
    await page.getByRole("menuitem", { name: "CSV", exact: true }).click();
    const file = await download;

    expect(file.suggestedFilename()).toBe("audit-trail_type-INVITED_USER_2026-10-01_2027-01-01_Europe-Berlin.csv");
    const text = await readFile(await file.path(), "utf8");
    // Merge's columns first, in Merge's order; ours after them.
    expect(text.slice(1, text.indexOf("\r\n"))).toBe(
      "Timestamp,User Name,User Email,Role,IP Address,Event Type,Event Description,Event ID,Event",
    );
    const records = parseExport("csv", text);
    expect(records.length).toBeGreaterThan(0);
    expect(new Set(records.map((record) => record.Event))).toEqual(new Set(["Invited user"]));
  });
});
