import "server-only";

import os from "node:os";

import type { AuditEvent, AuditTrailPage } from "@/lib/audit-event";
import type { AuditTrailQuery } from "@/lib/filters";
import { logError, logInfo, logWarning } from "@/lib/server/log";
import type { MergeClient } from "@/lib/server/merge/client";
import { mapError } from "@/lib/server/api-error";
import { MergeApiError } from "@/lib/server/merge/errors";
import { systemClock, type RetryClock } from "@/lib/server/merge/retry";

import type { ArchiveDb } from "./database";
import { ArchiveError } from "./errors";
import { createRateBudget } from "./rate-budget";
import {
  acquireSyncLease,
  LeaseLostError,
  pruneEventsBefore,
  readSyncState,
  recordSyncError,
  releaseSyncLease,
  restartBackfill,
  storePage,
  type SyncState,
} from "./store";

// The syncer keeps the archive equal to Merge's trail, one request at a time:
//
// - Backfill walks the whole trail from the newest page down (Merge pages newest first), storing
//   each batch of pages with Merge's `next` cursor in one transaction, so a restart resumes there.
//   Its first page sets the watermark: everything newer is follow's job.
// - Follow, every interval (or at once when nudged), asks for `start_date = watermark - overlap`
//   and walks every page of that. Only a walk that reached its last page raises the watermark (to
//   the newest event of its first page), so a walk cut short by a fault is simply walked again.
//   The overlap re-reads recent minutes for events Merge records late; known ids are skipped
//   (ON CONFLICT (id) DO NOTHING), so re-reading never doubles and equal timestamps are never lost.
// - One instance syncs: each step renews a lease row in the database, and every write checks it.
//   Another instance polls every interval, so a dead holder is replaced within two intervals.
// - Requests keep within ARCHIVE_MAX_REQUESTS_PER_MINUTE and Retry-After; a failing answer
//   (429, 5xx, a hang past the client's deadline, a malformed page) is recorded in the sync state
//   in words, and the same request is tried again after a doubling backoff.
// - It never deletes, unless ARCHIVE_RETENTION_DAYS asks it to prune older events.

export const SYNC_PAGE_SIZE = 100;
/** Events the backfill gathers (whole pages) before it stores them in one transaction. */
const BACKFILL_BATCH_EVENTS = 1_000;
/** How far follow looks back below the watermark, for events Merge records after later ones. */
export const FOLLOW_OVERLAP_MS = 5 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

export type SyncerOptions = {
  db: ArchiveDb;
  /** A Merge client making one attempt per call: the syncer does its own waiting and counting. */
  client: MergeClient;
  /** Names this instance in the lease and the status; hostname:pid by default. */
  instance?: string;
  intervalMs: number;
  maxRequestsPerMinute: number;
  retentionDays?: number;
  overlapMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  clock?: RetryClock;
};

export type Syncer = {
  readonly instance: string;
  start(): void;
  /** Ends after the request in flight; `release: false` leaves the lease to expire, as a crash would. */
  stop(options?: { release?: boolean }): Promise<void>;
  /**
   * Asks once for events newer than the watermark, now rather than at the next interval. Only the
   * instance holding the sync acts on it; another instance's nudge waits for the holder's interval.
   */
  nudge(): void;
  /** True while this instance holds the sync lease. */
  isSyncing(): boolean;
};

/** No startDate: the trail was empty when the backfill walked it, so follow reads it all. */
type FollowWalk = { startDate?: string; cursor?: string; top?: string };

function defaultInstanceName(): string {
  return `${os.hostname()}:${process.pid}`;
}

export function createSyncer(options: SyncerOptions): Syncer {
  const { db, client, intervalMs } = options;
  const instance = options.instance ?? defaultInstanceName();
  const clock = options.clock ?? systemClock;
  const overlapMs = options.overlapMs ?? FOLLOW_OVERLAP_MS;
  const backoff = options.backoff ?? { baseMs: 1_000, maxMs: 5 * 60_000 };
  const budget = createRateBudget(options.maxRequestsPerMinute, clock.now);
  // The lease lasts one interval and is renewed three times within it.
  const leaseTtlMs = intervalMs;
  const renewEveryMs = Math.max(1, Math.floor(intervalMs / 3));

  const stopping = new AbortController();
  let wake = new AbortController();
  let running: Promise<void> | undefined;
  let holding = false;
  let nudged = false;
  let walk: FollowWalk | null = null;
  let lastFollowAt = Number.NEGATIVE_INFINITY;
  let lastPruneAt = Number.NEGATIVE_INFINITY;
  // Consecutive failures of Merge, and of the rest (the database, a bug): each doubles its own wait.
  let failures = 0;
  let otherFailures = 0;
  let retryAt = 0;
  // The state as this holder last wrote it (only the holder writes it); read again after any doubt.
  let state: SyncState | null = null;
  let renewedAt = Number.NEGATIVE_INFINITY;

  const standDown = () => {
    if (holding) logInfo("Another instance syncs the archive now", { instance });
    holding = false;
    walk = null;
    state = null;
    prefetched = null;
  };

  async function fetchPage(query: AuditTrailQuery) {
    budget.spend();
    const { page } = await client.listAuditEvents({ page_size: SYNC_PAGE_SIZE, ...query }, { signal: stopping.signal });
    return page;
  }

  async function followPage(current: FollowWalk): Promise<void> {
    const page = await fetchPage({ start_date: current.startDate, cursor: current.cursor });
    // The walk's first page holds its newest event: the watermark once the walk is complete.
    if (current.cursor === undefined) current.top = page.results[0]?.created_at;
    ({ state } = await storePage(db, instance, page.results, { walk: "follow", next: page.next, top: current.top }));
    walk = page.next === null ? null : { ...current, cursor: page.next };
  }

  // The backfill stores several pages per transaction (a commit costs more than a page's rows), and
  // asks for the next page while it stores: the cursor is known as soon as a page arrives, so the
  // two waits overlap instead of adding up. A crash loses at most one batch, with its position.
  let prefetched: { cursor: string; page: Promise<AuditTrailPage> } | null = null;

  function takePage(cursor: string | undefined): Promise<AuditTrailPage> {
    const ahead = prefetched;
    prefetched = null;
    return ahead && ahead.cursor === cursor ? ahead.page : fetchPage({ cursor });
  }

  async function backfillBatch(from: SyncState): Promise<void> {
    const starting = from.backfillCursor === null;
    const cutoff = retentionCutoff();
    const events: AuditEvent[] = [];
    let cursor = from.backfillCursor ?? undefined;
    let next: string | null = null;
    let top: string | undefined;
    let failure: unknown;
    for (let first = true; ; first = false) {
      let page: AuditTrailPage;
      try {
        page = await takePage(cursor);
      } catch (error) {
        if (first) throw error;
        // Keep the pages already read, then report the failure: they are not asked for twice.
        failure = error;
        next = cursor ?? null;
        break;
      }
      if (first && starting) top = page.results[0]?.created_at;
      next = page.next;
      let { results } = page;
      if (cutoff !== undefined) {
        // Below the retention horizon there is nothing to keep, so the backfill ends there.
        results = results.filter((event) => Date.parse(event.created_at) >= Date.parse(cutoff));
        if (results.length < page.results.length) next = null;
      }
      events.push(...results);
      if (next === null || events.length >= BACKFILL_BATCH_EVENTS || budget.waitMs() > 0) break;
      cursor = next;
    }
    if (failure === undefined && next !== null && budget.waitMs() === 0) {
      const upcoming = fetchPage({ cursor: next });
      // A failure surfaces when the page is taken; until then it must not count as unhandled.
      upcoming.catch(() => {});
      prefetched = { cursor: next, page: upcoming };
    }
    ({ state } = await storePage(db, instance, events, { walk: "backfill", next, top }));
    if (failure !== undefined) throw failure;
  }

  function retentionCutoff(): string | undefined {
    if (options.retentionDays === undefined) return undefined;
    return new Date(clock.now() - options.retentionDays * DAY_MS).toISOString();
  }

  const backoffMsFor = (count: number) => Math.min(backoff.maxMs, backoff.baseMs * 2 ** (count - 1));

  async function onFailure(error: unknown): Promise<void> {
    state = null;
    const now = clock.now();
    if (error instanceof MergeApiError) {
      failures += 1;
      const backoffMs = backoffMsFor(failures);
      const advisedMs = error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000;
      retryAt = now + (advisedMs ?? backoffMs);
      if (advisedMs !== undefined) budget.pauseUntil(retryAt);
      if (error.code === "invalid_cursor") {
        // Merge no longer knows the cursor: walk again from the top; stored events stay.
        if (walk) walk = null;
        else await restartBackfill(db, instance);
      }
      const words = mapError(error).body.error.message;
      logWarning("The archive's sync could not read a page from Merge", { instance, code: error.code, detail: error.message });
      await recordSyncError(db, instance, words);
      return;
    }
    // Not Merge: nothing is spared by waiting long. During a database outage every lease renewal
    // fails too, so a wait doubling up to Merge's five minutes would leave the lease held and idle
    // for minutes after a 20 s outage (the soak measured it); capped at one interval, the sync
    // resumes within one interval of the database's return.
    otherFailures += 1;
    retryAt = now + Math.min(intervalMs, backoffMsFor(otherFailures));
    if (error instanceof ArchiveError) {
      logWarning("The archive's sync cannot reach its database", { instance, detail: error.message });
    } else {
      logError("The archive's sync failed unexpectedly", error, { instance });
    }
  }

  /** One step of work; returns how long to rest before the next. */
  async function step(): Promise<number> {
    // Renewed a few times per lease; every write checks it too, so a lapse is caught either way.
    if (!holding || clock.now() - renewedAt >= renewEveryMs) {
      if (!(await acquireSyncLease(db, instance, leaseTtlMs))) {
        standDown();
        return intervalMs;
      }
      renewedAt = clock.now();
      if (!holding) logInfo("This instance syncs the archive", { instance });
      holding = true;
    }
    state ??= await readSyncState(db);
    const now = clock.now();
    const cutoff = retentionCutoff();
    if (cutoff !== undefined && now >= lastPruneAt + PRUNE_EVERY_MS) {
      lastPruneAt = now;
      const pruned = await pruneEventsBefore(db, instance, cutoff);
      if (pruned > 0) logInfo("Pruned archived events past ARCHIVE_RETENTION_DAYS", { instance, pruned });
    }

    const { watermark, backfillComplete } = state;
    // Follow starts once the backfill has set a watermark, or has found the trail empty.
    const followDue = (watermark !== null || backfillComplete) && (nudged || now >= lastFollowAt + intervalMs);
    if (walk === null && !followDue && backfillComplete) {
      return Math.min(renewEveryMs, Math.max(1, lastFollowAt + intervalMs - now));
    }
    const waitMs = Math.max(budget.waitMs(), retryAt - now);
    if (waitMs > 0) return Math.min(renewEveryMs, waitMs);

    if (walk === null && followDue) {
      nudged = false;
      lastFollowAt = now;
      walk = watermark === null ? {} : { startDate: new Date(Date.parse(watermark) - overlapMs).toISOString() };
    }
    if (walk) await followPage(walk);
    else await backfillBatch(state);
    failures = 0;
    otherFailures = 0;
    return 0;
  }

  async function rest(ms: number): Promise<void> {
    if (ms <= 0) return;
    await clock.sleep(ms, AbortSignal.any([stopping.signal, wake.signal])).catch(() => {});
    if (wake.signal.aborted) wake = new AbortController();
  }

  async function loop(): Promise<void> {
    while (!stopping.signal.aborted) {
      let restMs: number;
      try {
        restMs = await step();
      } catch (error) {
        if (stopping.signal.aborted) break;
        if (error instanceof LeaseLostError) {
          standDown();
          continue;
        }
        await onFailure(error).catch((recordError: unknown) => {
          logWarning("The archive's sync could not record its error", { instance, detail: String(recordError) });
        });
        restMs = Math.min(renewEveryMs, Math.max(0, retryAt - clock.now()));
      }
      await rest(restMs);
    }
  }

  return {
    instance,
    start() {
      running ??= loop();
    },
    async stop({ release = true } = {}) {
      stopping.abort(new Error("The archive's sync stopped"));
      await running;
      if (release && holding) await releaseSyncLease(db, instance).catch(() => {});
      holding = false;
    },
    nudge() {
      nudged = true;
      wake.abort();
    },
    isSyncing: () => holding,
  };
}
