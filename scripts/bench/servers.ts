import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";

import type { ArchiveTarget } from "../../lib/server/archive/database";
import {
  isolatedEnv,
  launch,
  nextBuildCommand,
  runToCompletion,
  simulatorCommand,
  startApp as startAppProcess,
  waitUntil,
  type Managed,
} from "../../testing/processes";
import { snapshotCommit as snapshotCommitOf, snapshotHead as snapshotHeadInto } from "../snapshot-head";

// Starting and stopping what the bench measures: the standalone simulator and the production app.
// Everything binds 127.0.0.1 inside the bench's own port blocks.

const ROOT = process.cwd();

// The bench builds the committed HEAD in a snapshot of its own (see scripts/snapshot-head.ts).
const SOURCE = path.join(ROOT, ".next-bench-src");

export const DIST_DIR = ".next-bench";
export const SIMULATOR_API_KEY = `bench-${randomBytes(8).toString("hex")}`;
export const CATEGORY = "hris";
const NEXTAUTH_SECRET = randomBytes(32).toString("base64");

const APP_PORTS = { from: 3500, to: 3549 };
const SIMULATOR_PORTS = { from: 4500, to: 4549 };

export type Simulator = { proc: Managed; baseUrl: string; pageUrl: (query: URLSearchParams) => string; authHeader: string };
export type App = { proc: Managed; url: string };

const taken = new Set<number>();

/** The first port of the block that nobody listens on (and this run has not handed out yet). */
export async function freePort(block: { from: number; to: number }): Promise<number> {
  for (let port = block.from; port <= block.to; port += 1) {
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`No free port in ${block.from}-${block.to} on 127.0.0.1`);
}

export type SimulatorOptions = { name: string; events?: number; latencyMs?: number };

/** Starts `lib/simulator/server.ts` in one Node process; `readyMs` counts from spawn to the first page served. */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator & { readyMs: number }> {
  const port = await freePort(SIMULATOR_PORTS);
  const env = isolatedEnv({
    SIMULATOR_PORT: String(port),
    SIMULATOR_API_KEY,
    ...(options.events !== undefined && { SIMULATOR_EVENTS: String(options.events) }),
    ...(options.latencyMs !== undefined && { SIMULATOR_LATENCY_MS: String(options.latencyMs) }),
  });
  const started = performance.now();
  const proc = launch(options.name, simulatorCommand(env, SOURCE));
  const baseUrl = `http://127.0.0.1:${port}/api`;
  const authHeader = `Bearer ${SIMULATOR_API_KEY}`;
  const pageUrl = (query: URLSearchParams) => `${baseUrl}/${CATEGORY}/v1/audit-trail?${query}`;
  const probe = pageUrl(new URLSearchParams({ page_size: "1" }));
  await waitUntil(proc, async () => (await fetch(probe, { headers: { authorization: authHeader } })).ok, 120_000);
  return { proc, baseUrl, pageUrl, authHeader, readyMs: performance.now() - started };
}

/** Refreshes the snapshot from HEAD, keeping its build output (Turbopack's cache); returns the commit. */
export function snapshotHead(): string {
  return snapshotHeadInto(ROOT, SOURCE, DIST_DIR);
}

/** The commit of the existing snapshot (for --no-build). */
export function snapshotCommit(): string {
  return snapshotCommitOf(SOURCE);
}

/** `next build` of the snapshot into .next-bench; returns the build time in ms. The upstream is read at run time. */
export async function buildApp(): Promise<number> {
  const started = performance.now();
  const env = isolatedEnv({ NEXT_DIST_DIR: DIST_DIR, NEXTAUTH_SECRET });
  await runToCompletion("next-build", nextBuildCommand(env, SOURCE), 8 * 60_000);
  return performance.now() - started;
}

// A sync as fast as the simulator allows: the most ARCHIVE_MAX_REQUESTS_PER_MINUTE accepts, within
// which a 200,000-event backfill (2,000 requests) is never held back.
const ARCHIVE_REQUESTS_PER_MINUTE = "10000";

function archiveEnv(archive: ArchiveTarget | "off"): Record<string, string> {
  if (archive === "off") return { ARCHIVE: "off" };
  const where: Record<string, string> = archive.kind === "server" ? { DATABASE_URL: archive.url } : { ARCHIVE_DIR: archive.dir ?? "" };
  return { ...where, ARCHIVE_MAX_REQUESTS_PER_MINUTE: ARCHIVE_REQUESTS_PER_MINUTE };
}

/**
 * `next start` on 127.0.0.1 against the given simulator. The archive is off unless asked for: the
 * proxy's figures measure the live path, and a background sync would share its two cores.
 */
export async function startApp(name: string, simulator: Simulator, archive: ArchiveTarget | "off" = "off"): Promise<App> {
  const env = {
    NEXT_DIST_DIR: DIST_DIR,
    NEXTAUTH_SECRET,
    MERGE_API_KEY: SIMULATOR_API_KEY,
    MERGE_API_BASE_URL: simulator.baseUrl,
    MERGE_CATEGORY: CATEGORY,
    ...archiveEnv(archive),
  };
  const { proc, baseURL } = await startAppProcess(await freePort(APP_PORTS), { name, env, cwd: SOURCE });
  return { proc, url: baseURL };
}

/** Hands a port of the app block to a server the bench runs itself (the floor page). */
export function benchServerPort(): Promise<number> {
  return freePort(APP_PORTS);
}

/**
 * A TypeScript file of the snapshot in Node of its own, allowed to load the server's modules: the
 * react-server condition lets `server-only` load outside Next, as Next's server bundles do.
 */
export function launchServerScript(name: string, script: string, env: Record<string, string>): Managed {
  const args = ["--conditions=react-server", "--import", "tsx", script];
  return launch(name, { command: process.execPath, args, env: isolatedEnv(env), cwd: SOURCE });
}
