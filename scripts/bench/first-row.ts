import type { Browser } from "@playwright/test";

import { DEFAULT_PAGE_SIZE } from "../../lib/filters";
import { coldContext } from "./browser";
import { startFloorPage } from "./floor-page";
import type { Row } from "./report";
import { benchServerPort, type App, type Simulator } from "./servers";
import type { Session } from "./session";
import { median } from "./stats";

// From navigation start to the first frame that shows an event row, on cold loads, for the
// explorer and for a bare page that fetches the same page of events straight from the simulator.

const RUNS = 10;

// Runs before any script of the page. A row counts once it holds data cells with text (a loading
// skeleton has none). Its time is when the browser painted it, from the Element Timing API: the
// probe marks the row's elements as soon as the row enters the DOM, before any frame can paint it.
// (Timing a callback after the frame instead counts whatever scripts run after the paint too.)
const FIRST_ROW_PROBE = `(() => {
  const isDataRow = (row) => row.querySelector('[role="cell"], [role="gridcell"], td') !== null && row.textContent.trim().length > 20;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier !== "bench-first-row") continue;
      const painted = entry.renderTime || entry.loadTime;
      window.__benchFirstRow = Math.min(window.__benchFirstRow ?? Infinity, painted);
    }
  }).observe({ type: "element", buffered: true });
  const observer = new MutationObserver(() => {
    const row = [...document.querySelectorAll('[role="row"], tr')].find(isDataRow);
    if (!row) return;
    observer.disconnect();
    for (const element of [row, ...row.querySelectorAll("*")]) element.setAttribute("elementtiming", "bench-first-row");
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

type Load = { firstRow: number; htmlFirstByte: number; htmlLastByte: number; firstContentfulPaint: number };

async function coldLoad(browser: Browser, url: string, session?: Session): Promise<Load> {
  const context = await coldContext(browser, session);
  try {
    await context.addInitScript(FIRST_ROW_PROBE);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit", timeout: 30_000 });
    await page.waitForFunction(() => (window as { __benchFirstRow?: number }).__benchFirstRow, null, { timeout: 20_000 });
    // Paint timing entries arrive a little after the frame they describe.
    await page
      .waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 2_000 })
      .catch(() => undefined);
    // Where the time went: the server's answer (first and last byte of the HTML) and the first paint.
    return await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return {
        firstRow: (window as { __benchFirstRow?: number }).__benchFirstRow ?? Number.NaN,
        htmlFirstByte: navigation.responseStart,
        htmlLastByte: navigation.responseEnd,
        firstContentfulPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      };
    });
  } finally {
    await context.close();
  }
}

function medians(loads: Load[]): Load {
  return {
    firstRow: median(loads.map((l) => l.firstRow)),
    htmlFirstByte: median(loads.map((l) => l.htmlFirstByte)),
    htmlLastByte: median(loads.map((l) => l.htmlLastByte)),
    firstContentfulPaint: median(loads.map((l) => l.firstContentfulPaint)),
  };
}

/** Median time for the bench itself to get the whole HTML of `/`: the server's part, without a browser competing for the CPU. */
async function serverHtmlMs(app: App, session: Session): Promise<number> {
  const timings: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await (await fetch(`${app.url}/`, { headers: { cookie: session.cookieHeader } })).text();
    timings.push(performance.now() - started);
  }
  return median(timings);
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** How many of the first page's events the server's HTML shows, outside scripts (the flight data). */
async function eventsInServerHtml(app: App, session: Session, simulator: Simulator): Promise<{ found: number; expected: number }> {
  const query = new URLSearchParams({ page_size: String(DEFAULT_PAGE_SIZE) });
  const upstream = (await (await fetch(simulator.pageUrl(query), { headers: { authorization: simulator.authHeader } })).json()) as {
    results: { event_description: string }[];
  };
  const response = await fetch(`${app.url}/`, { headers: { cookie: session.cookieHeader } });
  if (!response.ok) throw new Error(`GET / answered ${response.status}`);
  const markup = (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
  const found = upstream.results.filter((event) => markup.includes(escapeHtml(event.event_description))).length;
  return { found, expected: upstream.results.length };
}

/** An explorer to load: the app with the archive off (live from the simulator) or on. */
export type Explorer = { label: string; app: App; session: Session };

export async function measureFirstRow(browser: Browser, explorers: Explorer[], simulator: Simulator, latencyMs: number) {
  const floor = await startFloorPage(simulator, await benchServerPort());
  try {
    const floorUrl = `${floor.url}/?page_size=${DEFAULT_PAGE_SIZE}`;
    // One load each first, uncounted: the first request after start compiles and fills caches.
    for (const { app, session } of explorers) await coldLoad(browser, `${app.url}/`, session);
    await coldLoad(browser, floorUrl);
    const explorerLoads: Load[][] = explorers.map(() => []);
    const bareLoads: Load[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      for (const [index, { app, session }] of explorers.entries()) explorerLoads[index]!.push(await coldLoad(browser, `${app.url}/`, session));
      bareLoads.push(await coldLoad(browser, floorUrl));
    }
    const bare = bareLoads.map((load) => load.firstRow);
    const bareMedians = medians(bareLoads);
    const breakdown = (load: Load) =>
      `HTML first byte ${Math.round(load.htmlFirstByte)} ms, last byte ${Math.round(load.htmlLastByte)} ms, first paint ${Math.round(load.firstContentfulPaint)} ms`;
    const rows: Row[] = [];
    const details: Record<string, unknown> = { bare: bareMedians };
    for (const [index, { label, app, session }] of explorers.entries()) {
      const loads = explorerLoads[index]!;
      const explorer = loads.map((load) => load.firstRow);
      const html = await eventsInServerHtml(app, session, simulator);
      const htmlAlone = await serverHtmlMs(app, session);
      const explorerMedians = medians(loads);
      rows.push(
        {
          figure: `Time to first row, ${label} (simulator latency ${latencyMs} ms)`,
          unit: "ms",
          value: median(explorer),
          baseline: { label: "bare page, direct fetch", value: median(bare) },
          comparison: "difference",
          budget: { kind: "difference-at-most", limit: 150 },
          samples: explorer,
          baselineSamples: bare,
          note: `medians; explorer: ${breakdown(explorerMedians)}; bare page: ${breakdown(bareMedians)}; GET / from the bench alone: ${Math.round(htmlAlone)} ms`,
        },
        {
          figure: `First-page events in the server's HTML, ${label}`,
          unit: "events",
          value: html.found,
          baseline: { label: "events in the first page", value: html.expected },
          budget: { kind: "at-least", limit: html.expected },
          note: "rows rendered on the server, so a shared link shows data at first paint",
        },
      );
      details[label] = { explorer: explorerMedians, serverHtmlMs: htmlAlone };
    }
    return { rows, details };
  } finally {
    await floor.close();
  }
}
