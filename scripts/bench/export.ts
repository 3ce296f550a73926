import { markLog, serverTimings } from "./app-log";
import { createRecordCounter } from "../../lib/export/record-counter";
import { sampleTreeRss, treeCpuMs, treeRss } from "./proc-stats";
import type { Row } from "./report";
import type { App, Simulator } from "./servers";
import type { Session } from "./session";
import { walkSimulator } from "./simulator-walk";
import { MB, median, round } from "./stats";

// The CSV export of the whole data set through the app, against the floor: the bench itself walking
// the simulator's pages at page_size 100. The app's memory is sampled while it streams.

const ROUNDS = 3;
const TIMEOUT_MS = 240_000;

async function exportCsv(app: App, session: Session): Promise<{ events: number; seconds: number; rssGrowth: number }> {
  const before = treeRss(app.proc.pid);
  const sampler = sampleTreeRss(app.proc.pid);
  const started = performance.now();
  const counter = createRecordCounter("csv");
  let peak: number;
  try {
    const response = await fetch(`${app.url}/api/audit-trail/export?format=csv`, {
      headers: { cookie: session.cookieHeader, "accept-encoding": "identity" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok || !response.body) throw new Error(`Export: HTTP ${response.status}`);
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      counter.push(decoder.decode(read.value, { stream: true }));
    }
  } finally {
    peak = sampler.stop();
  }
  return { events: counter.count, seconds: (performance.now() - started) / 1000, rssGrowth: peak - before };
}

/** CPU ms per 1,000 events spent by the app, the simulator and the bench while `run` goes. */
async function cpuPerThousand<T extends { events: number }>(app: App, simulator: Simulator, run: () => Promise<T>) {
  const before = { app: treeCpuMs(app.proc.pid), simulator: treeCpuMs(simulator.proc.pid), bench: process.cpuUsage() };
  const result = await run();
  const bench = process.cpuUsage(before.bench);
  const per = (ms: number) => round((ms / result.events) * 1000, 1);
  const cpu = {
    app: per(treeCpuMs(app.proc.pid) - before.app),
    simulator: per(treeCpuMs(simulator.proc.pid) - before.simulator),
    bench: per((bench.user + bench.system) / 1000),
  };
  return { result, cpu };
}

export async function measureExport(app: App, simulator: Simulator, session: Session, expectedEvents: number) {
  const exported: number[] = [];
  const walked: number[] = [];
  const growth: number[] = [];
  const cpu: { export: unknown[]; walk: unknown[] } = { export: [], walk: [] };
  const mark = markLog(app.proc.logFile);
  for (let pass = 0; pass < ROUNDS; pass += 1) {
    // Alternate the order, so a drift in the machine's load does not favour one side.
    const steps = [
      async () => {
        const { result: run, cpu: used } = await cpuPerThousand(app, simulator, () => exportCsv(app, session));
        if (run.events !== expectedEvents) throw new Error(`The export held ${run.events} events, expected ${expectedEvents}`);
        exported.push(run.events / run.seconds);
        growth.push(run.rssGrowth / MB);
        cpu.export.push(used);
      },
      async () => {
        const { result: run, cpu: used } = await cpuPerThousand(app, simulator, () => walkSimulator(simulator));
        if (run.events !== expectedEvents) throw new Error(`The simulator walk gave ${run.events} events, expected ${expectedEvents}`);
        walked.push(run.events / run.seconds);
        cpu.walk.push(used);
      },
    ];
    for (const step of pass % 2 === 0 ? steps : steps.reverse()) await step();
  }
  const server = serverTimings(mark, { msg: "export", outcome: "complete" });
  const lastCpu = (runs: unknown[]) => JSON.stringify(runs.at(-1)).replace(/"/g, "");
  const rows: Row[] = [
    {
      figure: `CSV export of ${expectedEvents.toLocaleString("en-US")} events`,
      unit: "events/s",
      value: median(exported),
      baseline: { label: "bench walks the simulator, page_size 100", value: median(walked) },
      comparison: "ratio",
      budget: { kind: "ratio-at-least", limit: 0.8 },
      samples: exported,
      baselineSamples: walked,
      note:
        `app log, median of ${server.entries} exports: ${server.durationMs} ms, ${server.upstreamMs} ms of it waiting on the simulator; ` +
        `CPU ms per 1,000 events, export ${lastCpu(cpu.export)}, walk ${lastCpu(cpu.walk)}`,
    },
    {
      figure: "App memory growth during the export (peak RSS, max of runs)",
      unit: "MB",
      value: Math.max(...growth),
      budget: { kind: "at-most", limit: 100 },
      samples: growth,
    },
  ];
  return { rows, details: { server, cpuMsPerThousandEvents: cpu } };
}
