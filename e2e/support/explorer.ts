import { expect, type Locator, type Page } from "@playwright/test";

// Reading the virtualized events table from a spec: rows carry data-index (position in the loaded
// list) and data-event-id, and only those near the view are in the DOM.

/**
 * Opens the explorer at `path` and waits until it has hydrated, which its filter controls show by
 * turning enabled (the rows' handlers attach in the same commit). Before that, a click does nothing.
 * On a phone the controls are folded away: their fieldset is what turns enabled.
 */
export async function openExplorer(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("search", { name: "Filter events" }).locator("fieldset").first()).toBeEnabled();
}

export function eventsRegion(page: Page): Locator {
  return page.getByRole("region", { name: "Audit events" });
}

export function eventRows(page: Page): Locator {
  return page.locator("tbody tr[data-event-id]");
}

export const END_OF_TRAIL = "End of the audit trail for these filters";

/** The rendered rows as index -> id. */
export async function renderedRows(page: Page): Promise<Map<number, string>> {
  const pairs = await eventRows(page).evaluateAll((rows) =>
    rows.map((row) => [Number(row.getAttribute("data-index")), row.getAttribute("data-event-id") ?? ""] as const),
  );
  return new Map(pairs);
}

/** How many events the explorer says it has loaded ("Showing N events"). */
export async function showingCount(page: Page): Promise<number> {
  const text = await page.getByText(/^Showing [\d,]+ events?$/).textContent();
  return Number(text?.replace(/\D/g, ""));
}

/** Scrolls the table to its bottom again and again, letting infinite loading fetch each page, until the end. */
export async function scrollToEndOfTrail(page: Page): Promise<void> {
  const region = eventsRegion(page);
  const end = page.getByText(END_OF_TRAIL);
  while (!(await end.isVisible())) {
    const before = await showingCount(page);
    await region.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect
      .poll(async () => (await end.isVisible()) || (await showingCount(page)) > before, { timeout: 15_000 })
      .toBe(true);
  }
}

/**
 * Every loaded row's id in table order, read by scrolling the table from top to bottom half a view
 * at a time (virtualization renders only rows near the view).
 */
export async function readAllLoadedIds(page: Page): Promise<string[]> {
  const region = eventsRegion(page);
  const seen = new Map<number, string>();
  await region.evaluate((element) => element.scrollTo({ top: 0 }));
  for (;;) {
    const { top, height, max } = await region.evaluate((element) => ({
      top: element.scrollTop,
      height: element.clientHeight,
      max: element.scrollHeight - element.clientHeight,
    }));
    // Let the virtualizer render the rows for this scroll position.
    await page.waitForFunction(
      (expectedTop) => {
        const rows = document.querySelectorAll("tbody tr[data-event-id]");
        return rows.length > 0 && Math.abs((document.querySelector('[aria-label="Audit events"]')?.scrollTop ?? 0) - expectedTop) < 2;
      },
      top,
    );
    for (const [index, id] of await renderedRows(page)) seen.set(index, id);
    if (top >= max) break;
    await region.evaluate((element, step) => element.scrollBy({ top: step }), Math.max(1, Math.floor(height / 2)));
  }
  const ids: string[] = [];
  for (let index = 0; index < seen.size; index++) {
    const id = seen.get(index);
    if (id === undefined) throw new Error(`Row ${index} was never rendered while scrolling`);
    ids.push(id);
  }
  return ids;
}

/** What a "From" or "To" field shows for an instant, in a page whose zone is UTC: `YYYY-MM-DD HH:MM[:SS]`. */
export function typedUtcDateTime(iso: string): RegExp {
  return new RegExp(`^${iso.slice(0, 10)} ${iso.slice(11, 16)}(:00)?$`);
}
