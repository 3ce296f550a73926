import type { ArchiveApp } from "./archive-backfill";
import { runLoad, type LoadTarget } from "./load";
import { treeCpuMs } from "./proc-stats";
import type { Row } from "./report";
import { median, round } from "./stats";

// The explorer's page route reading from the archive (its first page, as the explorer asks for it),
// against the app's cheapest route, next-auth's provider list, under equal load on the same app.

const CONNECTIONS = 10;
const ROUNDS = 3;
const SECONDS = 3;

type Run = { rps: number; cpuMsPerRequest: number };

async function load(target: LoadTarget, seconds: number, appPid: number): Promise<Run> {
  const before = treeCpuMs(appPid);
  const { rps, requests } = await runLoad(target, CONNECTIONS, seconds);
  return { rps, cpuMsPerRequest: (treeCpuMs(appPid) - before) / requests };
}

export async function measureArchiveReads(apps: ArchiveApp[]): Promise<{ rows: Row[]; details: unknown }> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const { kind, app, session } of apps) {
    const headers = { cookie: session.cookieHeader };
    const page: LoadTarget = { name: "page route", url: `${app.url}/api/audit-trail`, headers };
    const floor: LoadTarget = { name: "next-floor", url: `${app.url}/api/auth/providers`, headers };
    const first = (await (await fetch(page.url, { headers })).json()) as { results?: unknown[] };
    if (!first.results?.length) throw new Error(`The ${kind} archive's first page is empty`);
    // Warm both paths (JIT, plan caches, connection pool) before anything counts.
    for (const target of [page, floor]) await load(target, 1, app.proc.pid);
    const runs = { page: [] as Run[], floor: [] as Run[] };
    for (let pass = 0; pass < ROUNDS; pass += 1) {
      const order = pass % 2 === 0 ? (["page", "floor"] as const) : (["floor", "page"] as const);
      for (const name of order) runs[name].push(await load(name === "page" ? page : floor, SECONDS, app.proc.pid));
    }
    const pick = (name: "page" | "floor", key: keyof Run) => runs[name].map((run) => run[key]);
    rows.push({
      figure: `Page route from the archive (${kind === "PGlite" ? "PGlite" : "PostgreSQL server"}), ${CONNECTIONS} connections`,
      unit: "req/s",
      value: median(pick("page", "rps")),
      baseline: { label: "GET /api/auth/providers", value: median(pick("floor", "rps")) },
      comparison: "ratio",
      budget: { kind: "ratio-at-least", limit: 0.8 },
      samples: pick("page", "rps"),
      baselineSamples: pick("floor", "rps"),
      note: `first page of ${first.results.length} events; app CPU per request: page route ${round(median(pick("page", "cpuMsPerRequest")), 2)} ms, providers ${round(median(pick("floor", "cpuMsPerRequest")), 2)} ms`,
    });
    details[kind] = runs;
  }
  return { rows, details };
}
