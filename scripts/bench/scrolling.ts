import type { Browser, CDPSession, Page } from "@playwright/test";

import { coldContext } from "./browser";
import type { Row } from "./report";
import { sleep } from "../../testing/processes";
import type { App } from "./servers";
import type { Session } from "./session";
import { MB } from "./stats";

// Scrolls the explorer until 10,000 events are loaded (page_size 100), then counts the rows in the
// DOM (virtualization should keep them near a screenful) and the JS heap, against the same figures
// with only the first page loaded.

const TARGET_EVENTS = 10_000;
const MAX_STEPS = 400;
const MAX_MS = 180_000;

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  const usage = await cdp.send("Runtime.getHeapUsage");
  return usage.usedSize;
}

const domRows = (page: Page) => page.locator('[role="row"], tr').count();

/** The explorer's own "Showing N events" count. */
async function loadedEvents(page: Page): Promise<number> {
  const text = await page.locator("body").innerText();
  const match = text.match(/Showing\s+([\d,.\s\u202f\u00a0]+?)\s+events?/i);
  return match ? Number(match[1]!.replace(/\D/g, "")) : 0;
}

/** Scrolls every scrollable box (the table's viewport among them) to its end, then presses "Load more" if shown. */
async function scrollToEnd(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>("*")) {
      const overflow = getComputedStyle(element).overflowY;
      if ((overflow === "auto" || overflow === "scroll") && element.scrollHeight > element.clientHeight) {
        element.scrollTop = element.scrollHeight;
      }
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  const loadMore = page.getByRole("button", { name: "Load more" });
  if ((await loadMore.count()) > 0 && (await loadMore.first().isEnabled())) await loadMore.first().click({ timeout: 2_000 }).catch(() => {});
}

export async function measureScrolling(browser: Browser, app: App, session: Session) {
  const context = await coldContext(browser, session);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${app.url}/?page_size=100`, { waitUntil: "networkidle", timeout: 30_000 });
    const firstPage = { events: await loadedEvents(page), rows: await domRows(page), heap: await heapUsed(cdp) };
    if (firstPage.events === 0) throw new Error('The explorer shows no "Showing N events" count after the first page');

    const started = performance.now();
    let events = firstPage.events;
    let steps = 0;
    while (events < TARGET_EVENTS && steps < MAX_STEPS && performance.now() - started < MAX_MS) {
      steps += 1;
      await scrollToEnd(page);
      const before = events;
      // Wait (bounded) for the next page to arrive and render.
      for (let waited = 0; waited < 5_000 && events === before; waited += 50) {
        await sleep(50);
        events = await loadedEvents(page);
      }
      if (events === before) break;
    }
    const seconds = (performance.now() - started) / 1000;
    if (events < TARGET_EVENTS) throw new Error(`Only ${events} events loaded after ${steps} scroll steps in ${Math.round(seconds)} s`);

    const loaded = { rows: await domRows(page), heap: await heapUsed(cdp) };
    const rows: Row[] = [
      {
        figure: `Rows in the DOM with ${events.toLocaleString("en-US")} events loaded`,
        unit: "rows",
        value: loaded.rows,
        baseline: { label: `on load (${firstPage.events} events)`, value: firstPage.rows },
        comparison: "difference",
        budget: { kind: "at-most", limit: 150 },
      },
      {
        figure: `JS heap with ${events.toLocaleString("en-US")} events loaded`,
        unit: "MB",
        value: loaded.heap / MB,
        baseline: { label: `on load (${firstPage.events} events)`, value: firstPage.heap / MB },
        comparison: "difference",
      },
    ];
    return { rows, details: { scrollSteps: steps, secondsToLoad: seconds } };
  } finally {
    await context.close();
  }
}
