import { treeRss } from "./proc-stats";
import type { Row } from "./report";
import { startSimulator, type Simulator } from "./servers";
import { MB, median } from "./stats";

// The simulator at 1,000,000 events against its default data set: time from spawn to the first
// page served, resident memory, and the p50 latency of a filtered page (user_email + event_type).

const LARGE = 1_000_000;
const REQUESTS = 300;
const MAX_MS = 15_000;

type Scale = { readySeconds: number; rssMb: number; p50: number; matches: number };

async function firstPage(simulator: Simulator, query: URLSearchParams) {
  const response = await fetch(simulator.pageUrl(query), { headers: { authorization: simulator.authHeader } });
  if (!response.ok) throw new Error(`Simulator: HTTP ${response.status}`);
  return (await response.json()) as { results: { user_email: string | null; event_type: string }[] };
}

/** A user and an event type of theirs, from the newest events: a filter that must search the set. */
async function pickFilter(simulator: Simulator): Promise<URLSearchParams> {
  const page = await firstPage(simulator, new URLSearchParams({ page_size: "100" }));
  const event = page.results.find((candidate) => candidate.user_email);
  if (!event?.user_email) throw new Error("No event with a user email on the simulator's first page");
  return new URLSearchParams({ user_email: event.user_email, event_type: event.event_type, page_size: "100" });
}

/** p50 of sequential requests (bounded in count and time), timed here to a fraction of a millisecond. */
async function p50Latency(simulator: Simulator, query: URLSearchParams): Promise<number> {
  const url = simulator.pageUrl(query);
  const headers = { authorization: simulator.authHeader };
  const timings: number[] = [];
  const started = performance.now();
  for (let i = 0; i < REQUESTS && performance.now() - started < MAX_MS; i += 1) {
    const t0 = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`Filtered page: HTTP ${response.status}`);
    // The first few warm the JIT and the connection.
    if (i >= 10) timings.push(performance.now() - t0);
  }
  return median(timings);
}

async function measure(simulator: Simulator & { readyMs: number }, filter: URLSearchParams): Promise<Scale> {
  const rssMb = treeRss(simulator.proc.pid) / MB;
  const matches = (await firstPage(simulator, filter)).results.length;
  return { readySeconds: simulator.readyMs / 1000, rssMb, p50: await p50Latency(simulator, filter), matches };
}

export async function measureSimulatorScale() {
  // One at a time, so neither competes with the other for the two cores.
  const large = await startSimulator({ name: "simulator-1m", events: LARGE });
  let filter: URLSearchParams;
  let atScale: Scale;
  try {
    filter = await pickFilter(large);
    atScale = await measure(large, filter);
  } finally {
    await large.proc.stop();
  }
  const small = await startSimulator({ name: "simulator-default" });
  let atDefault: Scale;
  try {
    atDefault = await measure(small, filter);
  } finally {
    await small.proc.stop();
  }

  const label = "default data set";
  const rows: Row[] = [
    {
      figure: "Simulator start to first page, 1,000,000 events",
      unit: "s",
      value: atScale.readySeconds,
      baseline: { label, value: atDefault.readySeconds },
      comparison: "difference",
    },
    {
      figure: "Simulator RSS, 1,000,000 events",
      unit: "MB",
      value: atScale.rssMb,
      baseline: { label, value: atDefault.rssMb },
      comparison: "difference",
    },
    {
      figure: "Simulator p50, user_email + event_type, page_size 100, 1,000,000 events",
      unit: "ms",
      value: atScale.p50,
      baseline: { label, value: atDefault.p50 },
      comparison: "difference",
    },
  ];
  return { rows, details: { filter: Object.fromEntries(filter), matchesOnFirstPage: { large: atScale.matches, default: atDefault.matches } } };
}
