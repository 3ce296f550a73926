import type { Page } from "@playwright/test";

import { FOUR_DIGIT_YEAR_HINT } from "@/components/explorer/filter-bar/local-datetime";

import { eventRows, eventsRegion, openExplorer } from "./support/explorer";
import { expect, expectNoSeriousA11yViolations, test } from "./support/test";

// The explorer from the keyboard: `?` lists the shortcuts (and a visible button says so), each date
// takes two Tab stops, and a year has four digits.

function filterBar(page: Page) {
  return page.getByRole("search", { name: "Filter events" });
}

test("? opens the list of shortcuts, which a visible button points to, and Escape closes it", async ({ page }) => {
  await openExplorer(page, "/");
  await expect(eventRows(page).first()).toBeVisible();
  const hint = page.getByRole("button", { name: /^Shortcuts/ });
  await expect(hint).toBeVisible();
  await expect(hint).toHaveAttribute("aria-keyshortcuts", "?");

  await eventsRegion(page).focus();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const does of ["Focus the user email filter", "Move to the next or previous event", "Show these shortcuts"]) {
    await expect(dialog.getByText(does)).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await hint.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(hint).toBeFocused();
});

test("? typed into a field is text, not a shortcut", async ({ page }) => {
  await openExplorer(page, "/");
  const field = filterBar(page).getByRole("combobox", { name: "User email" });
  await field.fill("what?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
  await expect(field).toHaveValue("what?");
});

test("each date takes two Tab stops: the field, then its calendar button", async ({ page }) => {
  await openExplorer(page, "/");
  // Once the rows are drawn, nothing renders under the keyboard; the walk starts from a known focus.
  await expect(eventRows(page).first()).toBeVisible();
  const bar = filterBar(page);
  const preset = bar.getByRole("combobox", { name: "Date range" });
  await preset.focus();
  await expect(preset).toBeFocused();
  const expected = [
    bar.getByRole("textbox", { name: "From", exact: true }),
    bar.getByRole("button", { name: "Choose From on a calendar" }),
    bar.getByRole("textbox", { name: "To", exact: true }),
    bar.getByRole("button", { name: "Choose To on a calendar" }),
    bar.getByRole("combobox", { name: "Page size" }),
  ];
  for (const next of expected) {
    await page.keyboard.press("Tab");
    await expect(next).toBeFocused();
  }
});

test("a date field refuses a year of six digits, and says why", async ({ page }) => {
  await openExplorer(page, "/");
  const from = filterBar(page).getByRole("textbox", { name: "From", exact: true });
  await from.fill("202611-11-10 08:00");
  await from.press("Enter");
  await expect(filterBar(page).getByText(FOUR_DIGIT_YEAR_HINT)).toBeVisible();
  await expect(from).toHaveAttribute("aria-invalid", "true");
  expect(new URL(page.url()).searchParams.has("start_date")).toBe(false);

  // Four digits are taken.
  await from.fill("2026-11-10 08:00");
  await from.press("Enter");
  await expect(page).toHaveURL((url) => url.searchParams.has("start_date"));
  await expect(filterBar(page).getByText(FOUR_DIGIT_YEAR_HINT)).toBeHidden();
  await expect(from).toHaveValue("2026-11-10 08:00:00");
});

test("the ✕ that clears the event type is no Tab stop; Escape in the field clears it, as ? says", async ({ page }) => {
  await openExplorer(page, "/?event_type=INVITED_USER");
  const bar = filterBar(page);
  const field = bar.getByRole("combobox", { name: "Event type" });
  const clear = bar.getByRole("button", { name: "Clear event type" });
  await expect(clear).toBeVisible();
  await expect(clear).toHaveAttribute("tabindex", "-1");
  // Tab from the field goes past the ✕: Tab then Space cannot clear the filter unnoticed.
  await field.focus();
  await page.keyboard.press("Tab");
  await expect(clear).not.toBeFocused();
  await expect(field).not.toBeFocused();
  expect(new URL(page.url()).searchParams.get("event_type")).toBe("INVITED_USER");

  await field.focus();
  await page.keyboard.press("Escape");
  await expect.poll(() => new URL(page.url()).searchParams.get("event_type")).toBeNull();
  await expect(field).toHaveValue("");

  // The ✕ still clears with a pointer.
  await openExplorer(page, "/?event_type=INVITED_USER");
  await clear.click();
  await expect.poll(() => new URL(page.url()).searchParams.get("event_type")).toBeNull();

  await eventsRegion(page).focus();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" }).getByText("In a filter field: undo the typing, then clear the filter")).toBeVisible();
});
