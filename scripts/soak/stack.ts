import { randomBytes } from "node:crypto";
import path from "node:path";

import { isolatedEnv, launch, nextBuildCommand, runToCompletion, simulatorCommand, startApp, waitUntil, type Managed, type RunningApp } from "../../testing/processes";
import { freePort } from "../bench/servers";
import { snapshotCommit, snapshotHead } from "../snapshot-head";

// What the soak runs: one build of the committed HEAD (a snapshot of its own, as the bench does),
// the standalone simulator, and production instances of the app, all on 127.0.0.1 in the soak's
// port block.

const ROOT = process.cwd();
const SOURCE = path.join(ROOT, ".next-soak-src");
const DIST_DIR = ".next-soak";
export const PORTS = { from: 5200, to: 5249 };
export const CATEGORY = "hris";
export const SYNC_INTERVAL_S = 5;
export const LIVE_EVENTS_PER_MINUTE = 600;
const NEXTAUTH_SECRET = randomBytes(32).toString("base64");
const SIMULATOR_API_KEY = `soak-${randomBytes(8).toString("hex")}`;

/** Snapshot and `next build` (or the last build, with build = false); returns the commit. */
export async function prepareBuild(build: boolean): Promise<string> {
  if (!build) return snapshotCommit(SOURCE);
  const commit = snapshotHead(ROOT, SOURCE, DIST_DIR);
  await runToCompletion("next-build", nextBuildCommand(isolatedEnv({ NEXT_DIST_DIR: DIST_DIR, NEXTAUTH_SECRET }), SOURCE), 10 * 60_000);
  return commit;
}

export type Upstream = { proc: Managed; baseUrl: string; authHeader: string; startedAt: number };

/** `npm run simulator` with live events and `faults`; startedAt (performance.now()) is when it first answered. */
export async function startUpstream(faults: string): Promise<Upstream> {
  const port = await freePort(PORTS);
  const env = isolatedEnv({
    SIMULATOR_PORT: String(port),
    SIMULATOR_API_KEY,
    SIMULATOR_LIVE_EVENTS_PER_MINUTE: String(LIVE_EVENTS_PER_MINUTE),
    SIMULATOR_FAULTS: faults,
  });
  const proc = launch("simulator", simulatorCommand(env, SOURCE));
  const baseUrl = `http://127.0.0.1:${port}/api`;
  // Unauthenticated: a 401 is counted by no fault rule.
  await waitUntil(proc, async () => (await fetch(`${baseUrl}/${CATEGORY}/v1/audit-trail`)).status === 401, 60_000);
  return { proc, baseUrl, authHeader: `Bearer ${SIMULATOR_API_KEY}`, startedAt: performance.now() };
}

/** One app instance behind the soak's "load balancer": its URL stays while its process is killed and restarted. */
export type Instance = {
  name: string;
  url: string;
  current(): RunningApp;
  /** kill -9 of its whole process group, as a crash. */
  kill(): void;
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export type ArchiveTarget = { databaseUrl: string } | { archiveDir: string };

export async function startInstance(name: string, upstream: Upstream, archive: ArchiveTarget): Promise<Instance> {
  const port = await freePort(PORTS);
  const env = {
    NEXT_DIST_DIR: DIST_DIR,
    NEXTAUTH_SECRET,
    MERGE_API_KEY: SIMULATOR_API_KEY,
    MERGE_API_BASE_URL: upstream.baseUrl,
    MERGE_CATEGORY: CATEGORY,
    ARCHIVE_SYNC_INTERVAL_S: String(SYNC_INTERVAL_S),
    ...("databaseUrl" in archive ? { DATABASE_URL: archive.databaseUrl } : { ARCHIVE_DIR: archive.archiveDir }),
  };
  const start = () => startApp(port, { name, env, cwd: SOURCE, timeoutMs: 120_000 });
  let app = await start();
  return {
    name,
    url: app.baseURL,
    current: () => app,
    kill() {
      try {
        process.kill(-app.proc.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    },
    async restart() {
      await app.proc.exited;
      app = await start();
    },
    stop: () => app.stop(),
  };
}
