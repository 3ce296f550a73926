// The soak's timeline, fixed before anything starts so it can be printed first and handed to the
// simulator (whose burst of 429s is a fault rule bound to seconds after its start). Every chaos
// step falls in the first half of the load, so the second half shows what the chaos left behind:
// memory that keeps growing, latency that does not come back.

/** From the simulator's start to the load's: the apps start and the backfill runs. */
export const WARM_UP_S = 60;
export const DATABASE_OUTAGE_S = 20;
/** The killed instance comes back after this, as a supervisor would restart it. */
export const RESTART_AFTER_S = 5;
export const BURST_RETRY_AFTER_S = 5;

/** Always on, at random (drawn from the simulator's seed): Merge throttling, failing and dawdling now and then. */
export const INTERMITTENT_FAULTS = "429:2@2%,500@2%,latency:1500@3%";

export type ChaosKind = "kill-sync-instance" | "database-outage" | "upstream-429-burst";

/** Seconds from the start of the load. */
export type ChaosStep = { kind: ChaosKind; atS: number; durationS: number };

const round = (seconds: number) => Math.round(seconds);

export function chaosSchedule(minutes: number, { database }: { database: boolean }): ChaosStep[] {
  const totalS = minutes * 60;
  const steps: ChaosStep[] = [
    { kind: "kill-sync-instance", atS: round(totalS * 0.1), durationS: RESTART_AFTER_S },
    { kind: "upstream-429-burst", atS: round(totalS * 0.2), durationS: Math.max(10, round(totalS * 0.05)) },
  ];
  // The embedded archive lives inside the app's process: there is no database server to kill.
  if (database) steps.push({ kind: "database-outage", atS: round(totalS * 0.3), durationS: DATABASE_OUTAGE_S });
  return steps;
}

/** The simulator's rule for the burst: every request throttled in the window, seconds after its start. */
export function simulatorFaults(steps: readonly ChaosStep[]): string {
  const bursts = steps
    .filter((step) => step.kind === "upstream-429-burst")
    .map((step) => `429:${BURST_RETRY_AFTER_S}@${WARM_UP_S + step.atS}s-${WARM_UP_S + step.atS + step.durationS}s`);
  return [...bursts, INTERMITTENT_FAULTS].join(",");
}

const WORDS: Record<ChaosKind, (step: ChaosStep) => string> = {
  "kill-sync-instance": (step) => `kill -9 the instance holding the sync, restart it ${step.durationS} s later`,
  "upstream-429-burst": (step) => `every upstream request answered 429 (Retry-After ${BURST_RETRY_AFTER_S} s) for ${step.durationS} s`,
  "database-outage": (step) => `kill -9 PostgreSQL, restart it ${step.durationS} s later`,
};

/** Short names, for the plot. */
export const CHAOS_LABELS: Record<ChaosKind, string> = {
  "kill-sync-instance": "sync holder killed",
  "upstream-429-burst": "429 burst",
  "database-outage": "PostgreSQL killed",
};

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

export function describeChaos(step: ChaosStep): string {
  return WORDS[step.kind](step);
}

/** The schedule as printed at the start: times are minutes:seconds into the load. */
export function describeSchedule(minutes: number, steps: readonly ChaosStep[]): string[] {
  return [
    `warm-up ${WARM_UP_S} s (apps start, backfill), then ${minutes} min of load by 20 virtual users`,
    `upstream faults throughout: ${INTERMITTENT_FAULTS}`,
    ...steps.map((step) => `at ${clock(step.atS)}: ${describeChaos(step)}`),
  ];
}
