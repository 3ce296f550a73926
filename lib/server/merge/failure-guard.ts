import "server-only";

// Merge blocks an IP after 20 failing requests (status >= 400, 429 excepted) within 10 seconds.
// Validation and sealed cursors stop bad input, but a revoked key, an outage or a cursor Merge has
// forgotten can still fail upstream. This guard makes the bound hold by construction: a request
// takes a slot before it is sent and keeps it until Merge's answer is known; a failing answer (or
// one never known: a timeout, a network error) keeps the slot for a whole window. Slots in use
// never exceed FAILURE_BUDGET, so neither do the failures Merge can see in any 10 s, whatever the
// concurrency. A request that finds no free slot waits while requests in flight may free one, and
// is held back (told why and for how long) when only time will.
//
// Fairness: each user holds at most USER_FAILURE_BUDGET slots, so one user's failures hold back
// that user first; and users with a recent failure cannot take the last CLEAN_USER_RESERVE slots,
// so requests Merge is unlikely to refuse (validated filters, cursors we sealed) keep flowing for
// everyone else, and a running export is not cut by someone else's bad requests.

/** Merge's own limit: failing requests from one IP within FAILURE_WINDOW_MS. */
export const MERGE_FAILURE_LIMIT = 20;
export const FAILURE_WINDOW_MS = 10_000;
/** The most failing requests this process can send Merge within any window: half of Merge's limit. */
export const FAILURE_BUDGET = 10;
/** The slots one user can hold: their failures in the window plus their requests in flight. */
export const USER_FAILURE_BUDGET = 4;
/** Slots only users without a failure in the window may take. */
export const CLEAN_USER_RESERVE = 4;
/** The longest a request waits for a slot held by requests in flight. */
export const MAX_SLOT_WAIT_MS = FAILURE_WINDOW_MS;
/** The wait suggested to a request that found every slot busy that long: Merge is merely slow. */
const BUSY_RETRY_MS = 1_000;

/**
 * A slot to send one request, or why not: its user's failures or the whole server's, and when to
 * ask again. Plain data rather than an error class: the guard lives on globalThis and is called from
 * every route bundle, each with its own copy of this module, so `instanceof` would not hold.
 */
export type Acquired =
  | {
      kind: "slot";
      /** Merge's status for the request, or undefined when it will never be known (counted as a failure). */
      release(status: number | undefined): void;
    }
  | { kind: "held"; scope: "user" | "server"; waitMs: number };

type Held = Extract<Acquired, { kind: "held" }>;

export type FailureGuard = {
  /**
   * A slot for one request to Merge on behalf of `user` (the signed-in email; the same string for
   * the same person). Waits while requests in flight may free one; answers "held" when only time
   * will; rejects with the signal's reason when the caller leaves.
   */
  acquire(user: string, signal?: AbortSignal): Promise<Acquired>;
};

type Limits = { budget: number; userBudget: number; cleanReserve: number; windowMs: number; maxWaitMs: number };

/** Counts towards Merge's block: every status from 400 up except 429. */
function isFailure(status: number | undefined): boolean {
  return status === undefined || (status >= 400 && status !== 429);
}

export function createFailureGuard(now: () => number, overrides: Partial<Limits> = {}): FailureGuard {
  const limits: Limits = {
    budget: FAILURE_BUDGET,
    userBudget: USER_FAILURE_BUDGET,
    cleanReserve: CLEAN_USER_RESERVE,
    windowMs: FAILURE_WINDOW_MS,
    maxWaitMs: MAX_SLOT_WAIT_MS,
    ...overrides,
  };
  const failures: Array<{ at: number; user: string }> = [];
  const inFlight = new Map<string, number>();
  let totalInFlight = 0;
  const waiters = new Set<() => void>();

  const forget = () => {
    while (failures.length > 0 && failures[0]!.at <= now() - limits.windowMs) failures.shift();
  };
  /** How long until fewer than `keep` of `list` remain in the window. */
  const waitUntilBelow = (list: Array<{ at: number }>, keep: number) =>
    Math.max(1, list[list.length - keep]!.at + limits.windowMs - now());

  /** "go", "wait" (a request in flight may free a slot), or the hold to report. */
  function decide(user: string): "go" | "wait" | Held {
    forget();
    const own = failures.filter((failure) => failure.user === user);
    const ownInFlight = inFlight.get(user) ?? 0;
    if (own.length >= limits.userBudget) return { kind: "held", scope: "user", waitMs: waitUntilBelow(own, limits.userBudget) };
    if (own.length + ownInFlight >= limits.userBudget) return "wait";
    const cap = own.length > 0 ? limits.budget - limits.cleanReserve : limits.budget;
    if (failures.length + totalInFlight < cap) return "go";
    if (failures.length < cap && totalInFlight > 0) return "wait";
    return { kind: "held", scope: "server", waitMs: waitUntilBelow(failures, cap) };
  }

  function take(user: string): Acquired {
    inFlight.set(user, (inFlight.get(user) ?? 0) + 1);
    totalInFlight++;
    let released = false;
    return {
      kind: "slot",
      release(status) {
        if (released) return;
        released = true;
        const left = (inFlight.get(user) ?? 1) - 1;
        if (left === 0) inFlight.delete(user);
        else inFlight.set(user, left);
        totalInFlight--;
        if (isFailure(status)) failures.push({ at: now(), user });
        for (const wake of [...waiters]) wake();
      },
    };
  }

  return {
    async acquire(user, signal) {
      const started = now();
      for (;;) {
        if (signal?.aborted) throw signal.reason;
        const decision = decide(user);
        if (decision === "go") return take(user);
        if (decision !== "wait") return decision;
        const waitedMs = now() - started;
        if (waitedMs >= limits.maxWaitMs) {
          return { kind: "held", scope: (inFlight.get(user) ?? 0) > 0 ? "user" : "server", waitMs: BUSY_RETRY_MS };
        }
        await new Promise<void>((resolve) => {
          const done = () => {
            waiters.delete(done);
            clearTimeout(timer);
            signal?.removeEventListener("abort", done);
            resolve();
          };
          const timer = setTimeout(done, limits.maxWaitMs - waitedMs);
          waiters.add(done);
          signal?.addEventListener("abort", done, { once: true });
        });
      }
    },
  };
}

declare global {
  var mergeFailureGuard: FailureGuard | undefined;
}

/**
 * The process's one guard, shared by every path to Merge (page, API, export, the archive's sync).
 * Kept on globalThis: Next loads this module once per route bundle, and a guard per bundle would
 * multiply the budget.
 */
export function processFailureGuard(): FailureGuard {
  globalThis.mergeFailureGuard ??= createFailureGuard(() => Date.now());
  return globalThis.mergeFailureGuard;
}
