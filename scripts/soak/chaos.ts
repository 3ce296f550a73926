import { archiveStatusSchema, type ArchiveStatus } from "../../lib/archive-status";
import { sleep } from "../../testing/processes";
import { descendantsAndSelf } from "../bench/proc-stats";
import type { Cluster } from "./postgres";
import type { Window } from "./samples";
import type { ChaosKind, ChaosStep } from "./schedule";
import type { Instance } from "./stack";

// Runs the chaos steps and measures how the service comes back: the sync's takeover after its
// holder is killed, and the first answers after PostgreSQL restarts. The soak's own probes are
// not user requests and are not recorded as such.

const PROBE_EVERY_MS = 250;
const GIVE_UP_MS = 120_000;

export type ChaosResult = {
  kind: ChaosKind;
  /** From the fault's start until the service was whole again (ms since the load started). */
  window: Window;
  takeoverSeconds?: number | null;
  recoverySeconds?: number | null;
  note?: string;
};

export type ChaosContext = {
  instances: readonly Instance[];
  cluster: Cluster | null;
  cookie: string;
  sinceStartMs(): number;
};

async function archiveStatus(instance: Instance, cookie: string): Promise<ArchiveStatus | undefined> {
  try {
    const response = await fetch(`${instance.url}/api/archive/status`, { headers: { cookie }, signal: AbortSignal.timeout(2_000) });
    return response.ok ? archiveStatusSchema.parse(await response.json()) : undefined;
  } catch {
    return undefined;
  }
}

async function syncingInstance(instance: Instance, cookie: string): Promise<string | null | undefined> {
  return (await archiveStatus(instance, cookie))?.syncing_instance;
}

/** Polls until `done` holds; resolves with the time it held (performance.now()), or null when it never did. */
async function until(done: () => Promise<boolean>): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < GIVE_UP_MS) {
    if (await done()) return performance.now();
    await sleep(PROBE_EVERY_MS);
  }
  return null;
}

async function killSyncInstance(step: ChaosStep, { instances, cookie, sinceStartMs }: ChaosContext): Promise<ChaosResult> {
  let holder: string | null | undefined;
  await until(async () => {
    for (const instance of instances) holder ??= await syncingInstance(instance, cookie);
    return Boolean(holder);
  });
  const pid = Number(holder?.split(":").pop());
  const victim = instances.find((instance) => descendantsAndSelf(instance.current().proc.pid).includes(pid));
  const fromMs = sinceStartMs();
  if (!victim) return { kind: step.kind, window: { fromMs, toMs: fromMs }, takeoverSeconds: null, note: `no instance holds the sync (${holder ?? "none"})` };

  const killedAt = performance.now();
  victim.kill();
  const restarted = sleep(step.durationS * 1000).then(() => victim.restart());
  // Any other holder counts, the restarted instance's new process included.
  const takenOverAt = await until(async () => {
    for (const instance of instances) {
      const now = await syncingInstance(instance, cookie);
      if (now && now !== holder) return true;
    }
    return false;
  });
  await restarted;
  const takeoverSeconds = takenOverAt === null ? null : (takenOverAt - killedAt) / 1000;
  return { kind: step.kind, window: { fromMs, toMs: sinceStartMs() }, takeoverSeconds, note: `killed ${victim.name} (${holder})` };
}

async function databaseOutage(step: ChaosStep, { instances, cluster, cookie, sinceStartMs }: ChaosContext): Promise<ChaosResult> {
  const fromMs = sinceStartMs();
  if (!cluster) return { kind: step.kind, window: { fromMs, toMs: fromMs }, recoverySeconds: null, note: "no database server" };
  const killedAt = performance.now();
  await cluster.kill();
  await sleep(Math.max(0, step.durationS * 1000 - (performance.now() - killedAt)));
  await cluster.start();
  const upAt = performance.now();
  const upAtWallClock = Date.now();
  // Recovered when every instance serves the archive again, and the sync has stored a page again.
  const readsBackAt = await until(async () => {
    const answers = await Promise.all(
      instances.map((instance) =>
        fetch(`${instance.url}/api/audit-trail?page_size=1`, { headers: { cookie }, signal: AbortSignal.timeout(2_000) }).then(
          (response) => response.status,
          () => 0,
        ),
      ),
    );
    return answers.every((status) => status === 200);
  });
  const syncBackAt = await until(async () => {
    const lastSync = (await archiveStatus(instances[0]!, cookie))?.last_sync_at;
    return lastSync !== null && lastSync !== undefined && Date.parse(lastSync) > upAtWallClock;
  });
  const seconds = (at: number | null) => (at === null ? null : (at - upAt) / 1000);
  const [reads, sync] = [seconds(readsBackAt), seconds(syncBackAt)];
  return {
    kind: step.kind,
    window: { fromMs, toMs: sinceStartMs() },
    recoverySeconds: reads === null || sync === null ? null : Math.max(reads, sync),
    note: `PostgreSQL down ${Math.round((upAt - killedAt) / 100) / 10} s; reads back ${reads?.toFixed(1) ?? "never"} s and sync back ${sync?.toFixed(1) ?? "never"} s after its restart`,
  };
}

/** The burst is the simulator's fault rule; the soak only marks its window. */
async function burst(step: ChaosStep, { sinceStartMs }: ChaosContext): Promise<ChaosResult> {
  const fromMs = sinceStartMs();
  await sleep(step.durationS * 1000);
  return { kind: step.kind, window: { fromMs, toMs: sinceStartMs() } };
}

const RUN: Record<ChaosKind, (step: ChaosStep, context: ChaosContext) => Promise<ChaosResult>> = {
  "kill-sync-instance": killSyncInstance,
  "database-outage": databaseOutage,
  "upstream-429-burst": burst,
};

/** Waits for each step's time and runs it; steps run one after another, as scheduled. */
export async function runChaos(steps: readonly ChaosStep[], context: ChaosContext, log: (line: string) => void): Promise<ChaosResult[]> {
  const results: ChaosResult[] = [];
  for (const step of steps) {
    await sleep(Math.max(0, step.atS * 1000 - context.sinceStartMs()));
    log(`chaos: ${step.kind} at ${Math.round(context.sinceStartMs() / 1000)} s`);
    const result = await RUN[step.kind](step, context);
    log(`chaos: ${step.kind} over at ${Math.round(result.window.toMs / 1000)} s${result.note ? ` (${result.note})` : ""}`);
    results.push(result);
  }
  return results;
}
