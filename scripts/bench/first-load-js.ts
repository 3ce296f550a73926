import type { Browser } from "@playwright/test";

import { coldContext } from "./browser";
import type { Row } from "./report";
import type { App } from "./servers";
import type { Session } from "./session";
import { KB, median } from "./stats";

// The script bytes Chromium transfers on a cold load (compressed, as on the wire: CDP's
// encodedDataLength), for the explorer and for the app's own 404 page, which carries only
// Next.js, React and the root layout: the floor every page pays. The explorer is measured live
// (ARCHIVE=off, issue 7's budget) and with its archive, where the figures above the table and the
// chart's code load too (issue 13's budget); the load ends once the network is idle.

const RUNS = 3;
const NOT_FOUND_PATH = "/bench-page-that-does-not-exist";

type ScriptLoad = { url: string; bytes: number; encoding: string };

async function scriptsOnColdLoad(browser: Browser, session: Session, url: string, status: number): Promise<ScriptLoad[]> {
  const context = await coldContext(browser, session);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const scripts = new Map<string, { url: string; encoding: string }>();
    const loads: ScriptLoad[] = [];
    cdp.on("Network.responseReceived", (event) => {
      if (event.type !== "Script") return;
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      scripts.set(event.requestId, { url: event.response.url, encoding: headers["content-encoding"] ?? "identity" });
    });
    cdp.on("Network.loadingFinished", (event) => {
      const script = scripts.get(event.requestId);
      if (script) loads.push({ ...script, bytes: event.encodedDataLength });
    });
    await cdp.send("Network.enable");
    const response = await page.goto(url, { waitUntil: "networkidle", timeout: 30_000 });
    if (response?.status() !== status) throw new Error(`${url} answered ${response?.status()} (expected ${status}), at ${page.url()}`);
    return loads;
  } finally {
    await context.close();
  }
}

/** An explorer to measure, and its budget above the floor. */
export type FirstLoadExplorer = { label: string; app: App; session: Session; budgetKb: number };

export async function measureFirstLoadJs(browser: Browser, explorers: FirstLoadExplorer[]) {
  const rows: Row[] = [];
  const details: Record<string, { url: string; kb: number; encoding: string }[]> = {};
  for (const { label, app, session, budgetKb } of explorers) {
    const explorer: number[] = [];
    const floor: number[] = [];
    let lastExplorer: ScriptLoad[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const page = await scriptsOnColdLoad(browser, session, `${app.url}/`, 200);
      const notFound = await scriptsOnColdLoad(browser, session, `${app.url}${NOT_FOUND_PATH}`, 404);
      const compressed = [...page, ...notFound].filter((s) => s.encoding !== "identity");
      if (compressed.length === 0) throw new Error("No script came compressed: check that next start compresses (Accept-Encoding)");
      explorer.push(page.reduce((sum, s) => sum + s.bytes, 0) / KB);
      floor.push(notFound.reduce((sum, s) => sum + s.bytes, 0) / KB);
      lastExplorer = page;
    }
    rows.push({
      figure: `First-load JS of /, ${label} (compressed)`,
      unit: "KB",
      value: median(explorer),
      baseline: { label: "404 page (floor)", value: median(floor) },
      comparison: "difference",
      budget: { kind: "difference-at-most", limit: budgetKb },
      samples: explorer,
      baselineSamples: floor,
    });
    details[label] = [...lastExplorer]
      .sort((a, b) => b.bytes - a.bytes)
      .map((s) => ({ url: new URL(s.url).pathname, kb: Math.round((s.bytes / KB) * 10) / 10, encoding: s.encoding }));
  }
  return { rows, details: { scripts: details } };
}
