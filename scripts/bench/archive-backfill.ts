import pg from "pg";

import { waitForLogLine } from "./app-log";
import { createArchive, type ArchiveKind } from "./archive-targets";
import { treeCpuMs } from "./proc-stats";
import type { Row } from "./report";
import { startApp, type App, type Simulator } from "./servers";
import { signIn, type Session } from "./session";
import { walkSimulator } from "./simulator-walk";
import { median, round } from "./stats";
import type { TestDatabase } from "../../testing/archive-databases";

// The archive's backfill of the whole simulator, in the production app with a fresh archive, against
// the bench's own walk of the same pages (page_size 100, storing nothing) in the same run. The
// backfill's time runs from the sync taking its lease to the store of its last batch, both read from
// the app's log, so the app's start and the archive's migrations are not counted.

const ROUNDS: Record<ArchiveKind, number> = { PostgreSQL: 3, PGlite: 1 };
const BUDGET: Record<ArchiveKind, number | undefined> = { PostgreSQL: 0.8, PGlite: undefined };
const BACKFILL_TIMEOUT_MS = 180_000;

/** An app whose archive holds the whole simulator, kept running for the figures that read from it. */
export type ArchiveApp = { kind: ArchiveKind; app: App; session: Session; archive: TestDatabase };

type Backfill = { eventsPerSecond: number; appCpuMsPerThousand: number; databaseCpuMsPerThousand?: number; running: ArchiveApp };

/**
 * CPU time of the server's processes serving the archive's own database so far (this machine's
 * server: /proc shows its backends). A fresh database's backends have done little else than the
 * backfill: the migrations, and the status read that follows.
 */
async function serverBackendsCpuMs(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
    );
    return rows.reduce((sum, { pid }) => sum + treeCpuMs(pid), 0);
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let started = 0;

async function backfill(kind: ArchiveKind, simulator: Simulator, expected: number): Promise<Backfill> {
  const archive = await createArchive(kind);
  let app: App | undefined;
  try {
    started += 1;
    app = await startApp(`app-archive-${kind.toLowerCase()}-${started}`, simulator, archive.target);
    const log = { file: app.proc.logFile, offset: 0 };
    const leased = await waitForLogLine(log, "This instance syncs the archive", 60_000);
    const cpuBefore = treeCpuMs(app.proc.pid);
    const complete = await waitForLogLine(log, "The archive's backfill is complete", BACKFILL_TIMEOUT_MS);
    const cpuMs = treeCpuMs(app.proc.pid) - cpuBefore;
    const databaseCpuMs = archive.target.kind === "server" ? await serverBackendsCpuMs(archive.target.url) : undefined;
    const session = await signIn(app.url);
    const status = (await (await fetch(`${app.url}/api/archive/status`, { headers: { cookie: session.cookieHeader } })).json()) as {
      events: number;
      backfill: { complete: boolean; events: number };
    };
    if (status.events !== expected || status.backfill.events !== expected || !status.backfill.complete) {
      throw new Error(`The ${kind} archive holds ${status.events} events after its backfill (${status.backfill.events} backfilled), expected ${expected}`);
    }
    const seconds = Math.max(0.001, (complete.at - leased.at) / 1000);
    const perThousand = (ms: number) => (ms / expected) * 1000;
    return {
      eventsPerSecond: expected / seconds,
      appCpuMsPerThousand: perThousand(cpuMs),
      databaseCpuMsPerThousand: databaseCpuMs === undefined ? undefined : perThousand(databaseCpuMs),
      running: { kind, app, session, archive },
    };
  } catch (error) {
    await app?.proc.stop();
    await archive.drop();
    throw error;
  }
}

async function release({ app, archive }: ArchiveApp): Promise<void> {
  await app.proc.stop();
  await archive.drop();
}

/**
 * Backfills on each kind of archive (several rounds on the server, whose figure has a budget),
 * alternating with the bench's walk. The last app of each kind stays up, with its archive full.
 */
export async function measureBackfill(simulator: Simulator, expected: number): Promise<{ rows: Row[]; apps: ArchiveApp[]; details: unknown }> {
  const rows: Row[] = [];
  const apps: ArchiveApp[] = [];
  const details: Record<string, unknown> = {};
  for (const kind of ["PostgreSQL", "PGlite"] as const) {
    const rates: number[] = [];
    const walks: number[] = [];
    const cpu: number[] = [];
    const databaseCpu: number[] = [];
    const walkCpu: number[] = [];
    try {
      for (let round = 0; round < ROUNDS[kind]; round += 1) {
        const walk = async () => {
          const before = { simulator: treeCpuMs(simulator.proc.pid), bench: process.cpuUsage() };
          const run = await walkSimulator(simulator);
          const bench = process.cpuUsage(before.bench);
          walks.push(run.events / run.seconds);
          const cpuMs = treeCpuMs(simulator.proc.pid) - before.simulator + (bench.user + bench.system) / 1000;
          walkCpu.push((cpuMs / run.events) * 1000);
        };
        // Alternate the order, so a drift in the machine's load does not favour one side.
        if (round % 2 === 1) await walk();
        const result = await backfill(kind, simulator, expected);
        rates.push(result.eventsPerSecond);
        cpu.push(result.appCpuMsPerThousand);
        if (result.databaseCpuMsPerThousand !== undefined) databaseCpu.push(result.databaseCpuMsPerThousand);
        const last = round === ROUNDS[kind] - 1;
        if (last) apps.push(result.running);
        else await release(result.running);
        if (round % 2 === 0) await walk();
      }
    } catch (error) {
      rows.push({
        figure: `Archive backfill of ${expected.toLocaleString("en-US")} events, ${kind}`,
        unit: "events/s",
        value: Number.NaN,
        ...(BUDGET[kind] !== undefined && { budget: { kind: "ratio-at-least", limit: BUDGET[kind] } }),
        note: `not measured: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    const budget = BUDGET[kind];
    rows.push({
      figure: `Archive backfill of ${expected.toLocaleString("en-US")} events, ${kind === "PGlite" ? "PGlite (embedded)" : "PostgreSQL server"}`,
      unit: "events/s",
      value: median(rates),
      baseline: { label: "bench walks the simulator, page_size 100", value: median(walks) },
      comparison: "ratio",
      ...(budget !== undefined && { budget: { kind: "ratio-at-least", limit: budget } }),
      samples: rates,
      baselineSamples: walks,
      note:
        `${rates.length} backfill(s), each into a fresh archive, timed from the sync's lease to its last batch stored (app log); ` +
        `CPU ms per 1,000 events: the app ${round(median(cpu), 1)}${kind === "PGlite" ? " (PGlite runs inside it)" : ""}` +
        (databaseCpu.length > 0 ? `, the PostgreSQL server's backends ${round(median(databaseCpu), 1)}` : "") +
        `; the walk's, simulator and bench together: ${round(median(walkCpu), 1)}`,
    });
    details[kind] = { rates, walks, appCpuMsPerThousand: cpu, databaseCpuMsPerThousand: databaseCpu, walkCpuMsPerThousand: walkCpu };
  }
  return { rows, apps, details };
}
