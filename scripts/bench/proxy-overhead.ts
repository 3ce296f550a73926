import { markLog, serverTimings } from "./app-log";
import { runLoad } from "./load";
import { treeCpuMs } from "./proc-stats";
import type { Row } from "./report";
import type { App, Simulator } from "./servers";
import type { Session } from "./session";
import { median, round } from "./stats";

// What our proxy costs on top of the upstream: the same query through /api/audit-trail (session,
// validation, upstream call, re-serialisation) and straight to the simulator, under equal load.
// A third target, the app's cheapest route (next-auth's provider list), shows what any request
// through Next.js costs here; CPU time per request, read from /proc, explains the gaps.

const CONNECTIONS = [10, 50] as const;
const ROUNDS = 5;
const SECONDS = 4;
const QUERY = new URLSearchParams({ page_size: "100" });

type TargetName = "proxy" | "direct" | "next-floor";
type Target = { name: TargetName; url: string; headers: Record<string, string> };
type Run = { rps: number; p50: number; appCpuMsPerRequest: number; simulatorCpuMsPerRequest: number };

async function load(target: Target, connections: number, duration: number, app: App, simulator: Simulator): Promise<Run> {
  const cpuBefore = { app: treeCpuMs(app.proc.pid), simulator: treeCpuMs(simulator.proc.pid) };
  const { rps, p50, requests } = await runLoad(target, connections, duration);
  return {
    rps,
    p50,
    appCpuMsPerRequest: (treeCpuMs(app.proc.pid) - cpuBefore.app) / requests,
    simulatorCpuMsPerRequest: (treeCpuMs(simulator.proc.pid) - cpuBefore.simulator) / requests,
  };
}

async function sameFirstPage(proxy: Target, direct: Target): Promise<void> {
  const ids = async (target: Target) =>
    ((await (await fetch(target.url, { headers: target.headers })).json()) as { results: { id: string }[] }).results
      .map((event) => event.id)
      .join(",");
  if ((await ids(proxy)) !== (await ids(direct))) throw new Error("The proxy and the simulator disagree on the first page");
}

export async function measureProxyOverhead(app: App, simulator: Simulator, session: Session) {
  const targets: Target[] = [
    { name: "proxy", url: `${app.url}/api/audit-trail?${QUERY}`, headers: { cookie: session.cookieHeader } },
    { name: "direct", url: simulator.pageUrl(QUERY), headers: { authorization: simulator.authHeader } },
    { name: "next-floor", url: `${app.url}/api/auth/providers`, headers: { cookie: session.cookieHeader } },
  ];
  await sameFirstPage(targets[0]!, targets[1]!);

  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const connections of CONNECTIONS) {
    // Warm every path (JIT, connection pools) before anything counts.
    for (const target of targets) await load(target, connections, 1, app, simulator);
    const runs: Record<TargetName, Run[]> = { proxy: [], direct: [], "next-floor": [] };
    const mark = markLog(app.proc.logFile);
    for (let pass = 0; pass < ROUNDS; pass += 1) {
      // Rotate which goes first, so a drift in the machine's load does not favour one side.
      for (let i = 0; i < targets.length; i += 1) {
        const target = targets[(pass + i) % targets.length]!;
        runs[target.name].push(await load(target, connections, SECONDS, app, simulator));
      }
    }
    // The app's own view: its handling time and, within it, the wait for the simulator.
    const server = serverTimings(mark, { msg: "request", route: "/api/audit-trail" });
    const pick = (name: TargetName, key: keyof Run) => runs[name].map((run) => run[key]);
    const cpu = {
      proxyAppMs: round(median(pick("proxy", "appCpuMsPerRequest")), 2),
      proxySimulatorMs: round(median(pick("proxy", "simulatorCpuMsPerRequest")), 2),
      directSimulatorMs: round(median(pick("direct", "simulatorCpuMsPerRequest")), 2),
      nextFloorAppMs: round(median(pick("next-floor", "appCpuMsPerRequest")), 2),
    };
    rows.push(
      {
        figure: `Proxy throughput, ${connections} connections`,
        unit: "req/s",
        value: median(pick("proxy", "rps")),
        baseline: { label: "simulator direct", value: median(pick("direct", "rps")) },
        comparison: "ratio",
        budget: { kind: "ratio-at-least", limit: 0.6 },
        samples: pick("proxy", "rps"),
        baselineSamples: pick("direct", "rps"),
        note: `CPU per request: app ${cpu.proxyAppMs} ms + simulator ${cpu.proxySimulatorMs} ms through the proxy, simulator ${cpu.directSimulatorMs} ms direct; the app's cheapest route costs ${cpu.nextFloorAppMs} ms`,
      },
      {
        figure: `Proxy p50 latency, ${connections} connections`,
        unit: "ms",
        value: median(pick("proxy", "p50")),
        baseline: { label: "simulator direct", value: median(pick("direct", "p50")) },
        comparison: "difference",
        budget: { kind: "difference-at-most", limit: 5 },
        samples: pick("proxy", "p50"),
        baselineSamples: pick("direct", "p50"),
        note: `app log, median of ${server.entries} requests: ${server.durationMs} ms in the handler, ${server.upstreamMs} ms of it waiting on the simulator`,
      },
      {
        figure: `Proxy throughput vs the app's cheapest route, ${connections} connections`,
        unit: "req/s",
        value: median(pick("proxy", "rps")),
        baseline: { label: "GET /api/auth/providers", value: median(pick("next-floor", "rps")) },
        comparison: "ratio",
      },
    );
    details[`c${connections}`] = { server, cpu, runs };
  }
  return { rows, details };
}
