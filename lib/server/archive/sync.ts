import "server-only";

import os from "node:os";

import type { AuditEvent, AuditTrailPage } from "@/lib/audit-event";
import type { MergeQuery } from "@/lib/filters";
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
  readNudgeRequests,
  readSyncState,
  recordSyncError,
  releaseSyncLease,
  requestNudge,
  restartBackfill,
  storePage,
  type SyncState,
  vacuumArchive,
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
// - A nudge (someone opened the explorer) starts a follow walk at once. On an instance that does
//   not sync, it is a request counted in the sync state row, which the holder reads every second
//   between walks. A row rather than LISTEN/NOTIFY: a notification reaches only a listener
//   connected at that moment, so a dropped listening connection, a lease changing hands, or a
//   pooler in transaction mode (PgBouncer) would lose nudges without a sign, and PGlite and pg
//   listen through different APIs. The count lives as long as the database, needs no connection
//   of its own, and is read by the same query on both drivers; one primary-key read a second is
//   its cost.
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
/** How often the holder, between walks, looks for nudges asked of it by other instances. */
const NUDGE_CHECK_MS = 1_000;
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
  /**
   * Vacuums the archive (vacuumArchive) once this many events have been stored since the last time,
   * when the backfill completes and after pruning: for PGlite, which has no autovacuum to keep the
   * planner's statistics and the visibility map that index-only scans need. Unset on a server.
   */
  vacuumEveryEvents?: number;
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
   * Asks once for events newer than the watermark, now rather than at the next interval: at once
   * on the instance holding the sync; from any other, through the database to the holder, which
   * sees it within a second.
   */
  nudge(): void;
  /** True while this instance holds the sync lease. */
  isSyncing(): boolean;
};

/** No startDate: the trail was empty when the backfill walked it, so follow reads it all. */
type FollowWalk = { startDate?: string; cursor?: string; top?: string };

/** Pages the backfill read and stores in one transaction; `next` is where it resumes (null: done). */
type Batch = { events: AuditEvent[]; next: string | null; top?: string; failure?: unknown };

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
  /** The holder's last reading of the nudges others asked for; undefined until it reads one. */
  let seenNudges: number | undefined;
  let lastNudgeCheckAt = Number.NEGATIVE_INFINITY;
  /** A non-holder's request on its way to the database: nudges meanwhile are the same request. */
  let requestingNudge = false;
  let walk: FollowWalk | null = null;
  let lastFollowAt = Number.NEGATIVE_INFINITY;
  let lastPruneAt = Number.NEGATIVE_INFINITY;
  let storedSinceVacuum = 0;
  let vacuumDue = false;
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
    seenNudges = undefined;
    cancelAhead();
  };

  async function fetchPage(query: MergeQuery, cancel?: AbortSignal) {
    budget.spend();
    const signal = cancel ? AbortSignal.any([stopping.signal, cancel]) : stopping.signal;
    const { page } = await client.listAuditEvents({ page_size: SYNC_PAGE_SIZE, ...query }, { signal });
    return page;
  }

  async function followPage(current: FollowWalk): Promise<void> {
    const page = await fetchPage({ start_date: current.startDate, cursor: current.cursor });
    // The walk's first page holds its newest event: the watermark once the walk is complete.
    if (current.cursor === undefined) current.top = page.results[0]?.created_at;
    const stored = await storePage(db, instance, page.results, { walk: "follow", next: page.next, top: current.top });
    state = stored.state;
    storedSinceVacuum += stored.inserted;
    walk = page.next === null ? null : { ...current, cursor: page.next };
  }

  // The backfill stores several pages per transaction (a commit costs more than a page's rows), and
  // reads the next batch while it stores one: Merge's cursor is known as soon as a page arrives, so
  // reading and storing overlap instead of adding up. Each batch is stored with its own position, so
  // a crash loses at most the batches not yet stored, which are then read again.
  let ahead: { from: string; batch: Promise<Batch>; cancel: AbortController } | null = null;

  function cancelAhead(): void {
    ahead?.cancel.abort(new Error("The archive's sync no longer needs this page"));
    ahead = null;
  }

  /**
   * Reads whole pages from `from` until a batch is full, the trail ends, the budget says wait, or a
   * request fails. Never rejects: a failure comes back with the pages read before it, so they are
   * not asked for twice.
   */
  async function readBatch(from: string | undefined, signal?: AbortSignal): Promise<Batch> {
    const cutoff = retentionCutoff();
    const events: AuditEvent[] = [];
    let cursor = from;
    let top: string | undefined;
    for (;;) {
      let page: AuditTrailPage;
      try {
        page = await fetchPage({ cursor }, signal);
      } catch (failure) {
        return { events, next: cursor ?? null, top, failure };
      }
      // A backfill starting at the top: its first page holds the newest event, the watermark.
      if (from === undefined && cursor === undefined) top = page.results[0]?.created_at;
      let next = page.next;
      let { results } = page;
      if (cutoff !== undefined) {
        // Below the retention horizon there is nothing to keep, so the backfill ends there.
        results = results.filter((event) => Date.parse(event.created_at) >= Date.parse(cutoff));
        if (results.length < page.results.length) next = null;
      }
      events.push(...results);
      if (next === null || events.length >= BACKFILL_BATCH_EVENTS || budget.waitMs() > 0) return { events, next, top };
      cursor = next;
    }
  }

  async function backfillBatch(from: SyncState): Promise<void> {
    const cursor = from.backfillCursor ?? undefined;
    // What was read ahead is used only if it starts where the stored position says the walk is.
    const read = ahead && ahead.from === cursor ? ahead.batch : undefined;
    if (read) ahead = null;
    else cancelAhead();
    const batch = await (read ?? readBatch(cursor));
    // Nothing read: the position stays as it is, and the failure is handled like any other.
    if (batch.events.length === 0 && batch.failure !== undefined) throw batch.failure;
    if (batch.failure === undefined && batch.next !== null && budget.waitMs() === 0) {
      const cancel = new AbortController();
      ahead = { from: batch.next, batch: readBatch(batch.next, cancel.signal), cancel };
    }
    const stored = await storePage(db, instance, batch.events, { walk: "backfill", next: batch.next, top: batch.top });
    state = stored.state;
    storedSinceVacuum += stored.inserted;
    if (batch.next === null) {
      logInfo("The archive's backfill is complete", { instance });
      vacuumDue = true;
    }
    if (batch.failure !== undefined) throw batch.failure;
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
    if (walk === null && now >= lastNudgeCheckAt + NUDGE_CHECK_MS) {
      lastNudgeCheckAt = now;
      const requests = await readNudgeRequests(db);
      // A new holder follows at once anyway, so what was asked before it took over is served.
      if (seenNudges !== undefined && requests > seenNudges) nudged = true;
      seenNudges = requests;
    }
    const cutoff = retentionCutoff();
    if (cutoff !== undefined && now >= lastPruneAt + PRUNE_EVERY_MS) {
      lastPruneAt = now;
      const pruned = await pruneEventsBefore(db, instance, cutoff);
      if (pruned > 0) logInfo("Pruned archived events past ARCHIVE_RETENTION_DAYS", { instance, pruned });
      if (pruned > 0) vacuumDue = true;
    }
    const { vacuumEveryEvents } = options;
    if (vacuumEveryEvents !== undefined && (vacuumDue || storedSinceVacuum >= vacuumEveryEvents)) {
      // Counted as done only once done: a vacuum the database refused is asked for again.
      await vacuumArchive(db);
      vacuumDue = false;
      storedSinceVacuum = 0;
    }

    const { watermark, backfillComplete } = state;
    // Follow starts once the backfill has set a watermark, or has found the trail empty.
    const followDue = (watermark !== null || backfillComplete) && (nudged || now >= lastFollowAt + intervalMs);
    if (walk === null && !followDue && backfillComplete) {
      return Math.min(renewEveryMs, NUDGE_CHECK_MS, Math.max(1, lastFollowAt + intervalMs - now));
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
      if (holding) {
        nudged = true;
        wake.abort();
        return;
      }
      if (requestingNudge) return;
      requestingNudge = true;
      // Nothing to report if the database is down: the page that nudged reads it and says so.
      void requestNudge(db)
        .catch(() => {})
        .finally(() => {
          requestingNudge = false;
        });
    },
    isSyncing: () => holding,
  };
}
