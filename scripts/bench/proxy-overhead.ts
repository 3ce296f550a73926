import autocannon, { type AutocannonResult } from "autocannon";

import { markLog, serverTimings } from "./app-log";
import type { Row } from "./report";
import type { App, Simulator } from "./servers";
import type { Session } from "./session";
import { median } from "./stats";

// What our proxy costs on top of the upstream: the same query through /api/audit-trail (session,
// validation, upstream call, re-serialisation) and straight to the simulator, under equal load.

const CONNECTIONS = [10, 50] as const;
const ROUNDS = 3;
const SECONDS = 5;
const QUERY = new URLSearchParams({ page_size: "100" });

type Target = { name: "proxy" | "direct"; url: string; headers: Record<string, string> };

async function load(target: Target, connections: number, duration: number): Promise<AutocannonResult> {
  const result = await autocannon({ url: target.url, headers: target.headers, connections, duration, timeout: 10 });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.name} at ${connections} connections: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result;
}

async function sameFirstPage(proxy: Target, direct: Target): Promise<void> {
  const ids = async (target: Target) =>
    ((await (await fetch(target.url, { headers: target.headers })).json()) as { results: { id: string }[] }).results
      .map((event) => event.id)
      .join(",");
  if ((await ids(proxy)) !== (await ids(direct))) throw new Error("The proxy and the simulator disagree on the first page");
}

export async function measureProxyOverhead(app: App, simulator: Simulator, session: Session) {
  const proxy: Target = { name: "proxy", url: `${app.url}/api/audit-trail?${QUERY}`, headers: { cookie: session.cookieHeader } };
  const direct: Target = { name: "direct", url: simulator.pageUrl(QUERY), headers: { authorization: simulator.authHeader } };
  await sameFirstPage(proxy, direct);

  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const connections of CONNECTIONS) {
    // Warm both paths (JIT, connection pools) before anything counts.
    await load(proxy, connections, 1);
    await load(direct, connections, 1);
    const runs: Record<Target["name"], AutocannonResult[]> = { proxy: [], direct: [] };
    const mark = markLog(app.proc.logFile);
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate which goes first, so a drift in the machine's load does not favour one side.
      for (const target of round % 2 === 0 ? [proxy, direct] : [direct, proxy]) {
        runs[target.name].push(await load(target, connections, SECONDS));
      }
    }
    // The app's own view: its handling time and, within it, the wait for the simulator.
    const server = serverTimings(mark, { msg: "request", route: "/api/audit-trail" });
    const rps = (name: Target["name"]) => runs[name].map((r) => r.requests.average);
    const p50 = (name: Target["name"]) => runs[name].map((r) => r.latency.p50);
    rows.push(
      {
        figure: `Proxy throughput, ${connections} connections`,
        unit: "req/s",
        value: median(rps("proxy")),
        baseline: { label: "simulator direct", value: median(rps("direct")) },
        comparison: "ratio",
        budget: { kind: "ratio-at-least", limit: 0.6 },
        samples: rps("proxy"),
        baselineSamples: rps("direct"),
      },
      {
        figure: `Proxy p50 latency, ${connections} connections`,
        unit: "ms",
        value: median(p50("proxy")),
        baseline: { label: "simulator direct", value: median(p50("direct")) },
        comparison: "difference",
        budget: { kind: "difference-at-most", limit: 5 },
        samples: p50("proxy"),
        baselineSamples: p50("direct"),
        note: `app log, median of ${server.entries} requests: ${server.durationMs} ms in the handler, ${server.upstreamMs} ms of it waiting on the simulator`,
      },
    );
    details[`c${connections}`] = {
      server,
      proxyP99: runs.proxy.map((r) => r.latency.p99),
      directP99: runs.direct.map((r) => r.latency.p99),
    };
  }
  return { rows, details };
}
