import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { archiveStatusSchema } from "../../lib/archive-status";
import { LOG_DIR, sleep, stopAll } from "../../testing/processes";
import { machineLine } from "../bench/report";
import { freePort } from "../bench/servers";
import { signIn } from "../bench/session";
import { judge, type SoakFigures } from "./budgets";
import { runChaos } from "./chaos";
import { createClient, type Recorder } from "./client";
import { compareArchive, judgeExport, type ExportJudgement } from "./integrity";
import { latencyByMinute, p95Outside, p95Series } from "./latency";
import { startMonitor } from "./monitor";
import { parseSoakOptions } from "./options";
import { renderPlot } from "./plot";
import { createCluster, hasPostgresBinaries, MISSING_BINARIES_MESSAGE, type Cluster } from "./postgres";
import { markdown, writeResults } from "./report";
import { rssGrowth } from "./rss";
import type { RequestSample, Window } from "./samples";
import { CHAOS_LABELS, chaosSchedule, describeSchedule, simulatorFaults, WARM_UP_S } from "./schedule";
import { unexpected5xx } from "./server-errors";
import { CATEGORY, PORTS, prepareBuild, startInstance, startUpstream, SYNC_INTERVAL_S, type ArchiveTarget, type Instance } from "./stack";
import { ROUTES, runUser, type ExportRecord, type Shared } from "./users";
import { archiveIds, databaseProbe, upstreamIds, type DatabaseProbe } from "./verify";

// `npm run soak`: builds the committed HEAD, starts a private PostgreSQL 15, the standalone
// simulator (live events, intermittent faults) and two production instances, runs 20 virtual users
// for SOAK_MINUTES (or --minutes=N) while the chaos schedule printed at the start plays, then checks
// that nothing was lost, doubled or cut short, and writes soak-results.json and soak-plot.svg.

const RESULTS_FILE = "soak-results.json";
const PLOT_FILE = "soak-plot.svg";
const USERS = 20;
/** After a chaos window closes, latency still settles (queues drain, pools refill). */
const CHAOS_GRACE_MS = 10_000;
const CATCH_UP_GIVE_UP_MS = 180_000;
const PROGRESS_EVERY_MS = 30_000;

const progress = (message: string) => process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  await stopAll();
}

async function archiveStatus(instance: Instance, cookie: string) {
  const response = await fetch(`${instance.url}/api/archive/status`, { headers: { cookie }, signal: AbortSignal.timeout(5_000) });
  return archiveStatusSchema.parse(await response.json());
}

/**
 * A few requests to every route of every instance before the load: Next loads a route's code on its
 * first request, and that one-off cost belongs to the start, not to the figures of the run.
 */
async function warmUp(instances: readonly Instance[], cookie: string): Promise<void> {
  const routes = ["/", "/api/audit-trail", "/api/archive/status", "/api/audit-trail/export?format=ndjson&user_email=nobody%40example.com"];
  for (let round = 0; round < 3; round += 1) {
    for (const instance of instances) {
      for (const route of routes) {
        await fetch(`${instance.url}${route}`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) })
          .then((response) => response.arrayBuffer())
          .catch(() => undefined);
      }
    }
  }
}

/** Until the archive holds every upstream event before `cutoff`, or the wait gives up. */
async function catchUp(instances: readonly Instance[], cookie: string, upstream: string[], cutoff: string) {
  const started = performance.now();
  for (;;) {
    const archived = await archiveIds(instances[0]!.url, cookie, cutoff);
    const comparison = compareArchive(upstream, archived);
    const seconds = (performance.now() - started) / 1000;
    if (comparison.lost === 0) return { archived, comparison, seconds };
    if (performance.now() - started > CATCH_UP_GIVE_UP_MS) return { archived, comparison, seconds: null };
    progress(`the archive still lacks ${comparison.lost} events before the cutoff; waiting for the sync`);
    await sleep(5_000);
  }
}

async function main(): Promise<number> {
  const options = parseSoakOptions(process.argv.slice(2), process.env);
  const machine = machineLine();
  const server = hasPostgresBinaries();
  if (!server) progress(MISSING_BINARIES_MESSAGE);
  const steps = chaosSchedule(options.minutes, { database: server });
  process.stdout.write(`Soak schedule:\n${describeSchedule(options.minutes, steps).map((line) => `- ${line}`).join("\n")}\n\n`);

  progress(options.build ? "next build of the committed HEAD into .next-soak-src/.next-soak..." : "reusing the last build");
  const commit = await prepareBuild(options.build);
  progress(`commit ${commit}`);

  let cluster: Cluster | null = null;
  let target: ArchiveTarget;
  if (server) {
    cluster = await createCluster(await freePort(PORTS));
    cleanups.push(() => cluster!.destroy());
    target = { databaseUrl: cluster.url };
    progress(`private PostgreSQL 15 at ${cluster.url}`);
  } else {
    const archiveDir = mkdtempSync(path.join(tmpdir(), "soak-archive-"));
    cleanups.push(async () => rmSync(archiveDir, { recursive: true, force: true }));
    target = { archiveDir };
  }

  const upstream = await startUpstream(simulatorFaults(steps));
  const loadStartsAt = upstream.startedAt + WARM_UP_S * 1000;
  progress(`simulator at ${upstream.baseUrl}; the load starts in ${WARM_UP_S} s`);
  const names = server ? ["app-1", "app-2"] : ["app-1"];
  const instances = await Promise.all(names.map((name) => startInstance(name, upstream, target)));
  cleanups.push(() => Promise.all(instances.map((instance) => instance.stop())));
  progress(`instances at ${instances.map((instance) => instance.url).join(", ")}`);

  const cookies: string[] = [];
  for (let i = 0; i < USERS; i += 1) cookies.push((await signIn(instances[i % instances.length]!.url)).cookieHeader);
  const probeCookie = cookies[0]!;
  await warmUp(instances, probeCookie);
  while (performance.now() < loadStartsAt) {
    const status = await archiveStatus(instances[0]!, probeCookie).catch(() => null);
    if (status?.backfill.complete) break;
    await sleep(1_000);
  }
  const backfilled = (await archiveStatus(instances[0]!, probeCookie).catch(() => null))?.backfill.complete === true;
  if (!backfilled) progress("the backfill is not complete when the load starts");
  if (performance.now() > loadStartsAt + 1_000) progress(`the load starts ${Math.round((performance.now() - loadStartsAt) / 1000)} s late: the burst of 429s is off its mark`);
  await sleep(loadStartsAt - performance.now());

  const sinceStartMs = () => performance.now() - loadStartsAt;
  const samples: RequestSample[] = [];
  const recorder: Recorder = { record: (sample) => samples.push(sample), sinceStartMs };
  const monitor = startMonitor(instances, () => [upstream.proc.pid, cluster?.pid()].filter((pid) => pid !== undefined), sinceStartMs);
  const probe: DatabaseProbe | null = cluster && databaseProbe(cluster.url);
  if (probe) cleanups.push(() => probe.end());
  const shared: Shared = { statsRoute: { available: undefined }, exports: [], snapshot: async () => (probe ? probe.snapshot() : null), sinceStartMs };

  progress(`load: ${USERS} virtual users for ${options.minutes} min`);
  let stopping = false;
  const ticker = setInterval(() => {
    const failed = samples.filter((s) => s.status === 0 || s.status >= 500).length;
    progress(`${Math.round(sinceStartMs() / 1000)} s: ${samples.length} requests, ${failed} failed or unanswered, ${shared.exports.length} exports`);
  }, PROGRESS_EVERY_MS);
  const users = cookies.map((cookie, i) => runUser(createClient(instances, cookie, recorder, i), i + 1, shared, () => stopping));
  const chaos = runChaos(steps, { instances, cluster, cookie: probeCookie, sinceStartMs }, progress);
  await sleep(options.minutes * 60_000);
  stopping = true;
  const endMs = sinceStartMs();
  await Promise.all(users);
  const chaosResults = await chaos;
  clearInterval(ticker);
  const load = monitor.stop();

  progress("checks: reading the upstream and the archive");
  const cutoff = new Date().toISOString();
  const upstreamEvents = await upstreamIds(upstream.baseUrl, CATEGORY, upstream.authHeader, cutoff);
  const caught = await catchUp(instances, probeCookie, upstreamEvents, cutoff);
  const known = new Set(upstreamEvents);
  const judged: { record: ExportRecord; judgement: ExportJudgement }[] = [];
  // One at a time: the probe's pool is small, and a reading that fails leaves that export unverified.
  for (const record of shared.exports) {
    const heldAtStart =
      probe && record.snapshot !== null ? await probe.heldAt({ ...record, snapshot: record.snapshot }).catch(() => null) : null;
    judged.push({ record, judgement: judgeExport({ ...record, heldAtStart }, known) });
  }
  const count = (verdict: string) => judged.filter((j) => j.judgement.verdict === verdict).length;

  const windows: Window[] = chaosResults.map((c) => ({ fromMs: c.window.fromMs, toMs: c.window.toMs + CHAOS_GRACE_MS }));
  const databaseOutages = chaosResults.filter((c) => c.kind === "database-outage").map((c) => c.window);
  // Every list is read from the archive while it is on: no route reads Merge live.
  const unexpected = unexpected5xx(samples, { databaseOutages, liveRoutes: [] });
  const growth = rssGrowth(monitor.rss, endMs / 2, endMs);
  const kill = chaosResults.find((c) => c.kind === "kill-sync-instance");
  const outage = chaosResults.find((c) => c.kind === "database-outage");
  const figures: SoakFigures = {
    ...caught.comparison,
    short_exports: count("short"),
    unexpected_5xx: unexpected.length,
    p95_ms: p95Outside(samples, ROUTES.page, windows),
    recovery_seconds: outage?.recoverySeconds ?? null,
    takeover_seconds: kill?.takeoverSeconds ?? null,
    rss_growth_mb: growth.length > 0 ? Math.max(...growth.map((g) => g.growthMb)) : null,
  };
  const verdict = judge(figures, SYNC_INTERVAL_S);
  const report = {
    minutes: options.minutes,
    mode: server ? ("server" as const) : ("embedded" as const),
    commit,
    machine,
    requests: samples.length,
    figures,
    ...verdict,
    latency: latencyByMinute(samples),
    chaos: chaosResults,
    exports: {
      started: judged.length,
      whole: count("whole"),
      wholeUnverified: count("whole-unverified"),
      short: count("short"),
      failedVisibly: count("failed-visibly"),
      events: judged.reduce((sum, j) => sum + j.record.ids.length, 0),
    },
    unanswered: samples.filter((s) => s.status === 0).length,
    statsRoute:
      shared.statsRoute.available === false
        ? "skipped: GET /api/audit-trail/stats answered 404 (the route is not on this commit)"
        : shared.statsRoute.available
          ? "asked and answered"
          : "never answered",
    catchUpSeconds: caught.seconds,
    archivedEvents: caught.archived.length,
    rss: growth,
    load,
    unexpected5xxSamples: unexpected.slice(0, 20),
  };
  writeResults(RESULTS_FILE, report);
  writeFileSync(
    PLOT_FILE,
    renderPlot({
      title: `npm run soak, ${options.minutes} min, commit ${commit}: p95 latency and RSS`,
      endMs,
      latency: [ROUTES.page, ROUTES.list].map((route) => ({ label: route, points: p95Series(samples, route, 15_000, endMs) })),
      rss: monitor.rss,
      chaos: chaosResults.map((c) => ({ label: CHAOS_LABELS[c.kind], window: c.window })),
    }),
  );
  process.stdout.write(`${markdown(report)}\n\nMachine: ${machine}\nFigures: ${RESULTS_FILE}; plot: ${PLOT_FILE}; server logs: ${LOG_DIR}\n`);
  return verdict.pass ? 0 : 1;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    progress(`${signal}: stopping everything the soak started`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main().then(
  async (code) => {
    await cleanUp();
    process.exit(code);
  },
  async (error: unknown) => {
    progress(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await cleanUp();
    process.exit(1);
  },
);
