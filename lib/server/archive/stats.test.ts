import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { AuditEvent } from "@/lib/audit-event";
import { EVENT_GROUP_SLUG_LIST, KNOWN_EVENT_TYPES } from "@/lib/event-types";
import { valueFilterOf, type AuditTrailFilters } from "@/lib/filters";
import { createSimulator } from "@/lib/simulator";
import { parseDateTime } from "@/lib/simulator/time";
import { testDatabaseKinds } from "@/testing/archive-databases";
import { countsDisagreements, searchTextsDisagreements } from "@/testing/archive-counts";
import { expectedEvents, expectedStats, matchesFilters } from "@/testing/simulator-oracle";

import { openArchiveDatabase, type ArchiveDb, type ArchiveTarget } from "./database";
import { archiveStats } from "./stats";
import { acquireSyncLease, ensureSyncState, pruneEventsBefore, storePage } from "./store";

// The stats of a filter on types and dates are read mostly from the counts kept beside the events
// (rollups.ts), the partial days at a range's ends from the events. Both must add up to exactly
// what a brute-force count of the stored events says: after any sequence of pages (repeats
// included), a restart, pruning, and for any range, whole days and months or not.

const NOW = "2026-11-28T12:00:00Z";
const simulator = createSimulator({ now: NOW, events: 900, seed: "archive-counts" });
const ALL = expectedEvents(simulator);
const INSTANCE = "counts-test";
const DAY_MS = 86_400_000;
const HOOK_TIMEOUT_MS = 120_000;
const SLOW = { timeout: 240_000 };

/** The filters each stage is checked with: none, a group over a month, types excluded, a range cut on a day. */
function sampleFilters(): AuditTrailFilters[] {
  const end = Date.parse(NOW) - 9.5 * DAY_MS;
  return [
    {},
    { event_group: valueFilterOf("linked_accounts"), start_date: new Date(end - 30 * DAY_MS).toISOString(), end_date: new Date(end).toISOString() },
    { event_type: { include: [], exclude: ["INVITED_USER", "DELETED_LINKED_ACCOUNT"] }, start_date: "2026-10-01T00:00:00.000Z" },
    { end_date: "2026-10-15T00:00:00.000Z" },
  ];
}

/** created_at in microseconds: Merge drops a zero fraction, so the texts do not compare as instants. */
const micros = (text: string) => parseDateTime(text)!;

async function expectStatsOf(db: ArchiveDb, stored: AuditEvent[], filters: AuditTrailFilters): Promise<void> {
  const { start_date, end_date } = filters;
  const matching = stored.filter(
    (event) =>
      matchesFilters(event, filters) &&
      (start_date === undefined || micros(event.created_at) > micros(start_date)) &&
      (end_date === undefined || micros(event.created_at) < micros(end_date)),
  );
  const { total, bucket, buckets, facets } = await archiveStats(db, filters);
  expect({ total, bucket, buckets, facets }).toEqual(expectedStats(matching, filters));
}

async function storeInPages(db: ArchiveDb, events: AuditEvent[], size: number): Promise<void> {
  for (let i = 0; i < events.length; i += size) {
    await storePage(db, INSTANCE, events.slice(i, i + size), { walk: "follow", next: i + size < events.length ? "more" : null });
  }
}

describe.each(testDatabaseKinds())("the stats' counts on $name", (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  }, HOOK_TIMEOUT_MS);

  /** A database that can be closed and opened again (PGlite gets a folder). */
  async function reopenableDatabase(): Promise<ArchiveTarget> {
    const created = await kind.create();
    cleanups.push(() => created.drop());
    if (created.target.kind === "server") return created.target;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "archive-counts-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return { kind: "embedded", dir };
  }

  async function withArchive(target: ArchiveTarget, work: (db: ArchiveDb) => Promise<void>): Promise<void> {
    const database = await openArchiveDatabase(target);
    try {
      await ensureSyncState(database.db);
      expect(await acquireSyncLease(database.db, INSTANCE, 600_000)).toBe(true);
      await work(database.db);
    } finally {
      await database.close();
    }
  }

  it("stay exact across pages (repeated events counted once), a restart and pruning, and so do the search texts", SLOW, async () => {
    const target = await reopenableDatabase();
    const first = ALL.slice(0, 400);
    await withArchive(target, async (db) => {
      await storeInPages(db, first, 70);
      // A page that overlaps what is stored: only its new events count.
      await storeInPages(db, ALL.slice(350, 450), 100);
      expect(await countsDisagreements(db)).toEqual([]);
      expect(await searchTextsDisagreements(db)).toEqual([]);
      for (const filters of sampleFilters()) await expectStatsOf(db, ALL.slice(0, 450), filters);
    });

    await withArchive(target, async (db) => {
      await storeInPages(db, ALL.slice(450), 100);
      expect(await countsDisagreements(db)).toEqual([]);
      expect(await searchTextsDisagreements(db)).toEqual([]);
      for (const filters of sampleFilters()) await expectStatsOf(db, ALL, filters);

      // Pruning in the middle of a day and of a month takes exactly the pruned events off.
      const cutoff = "2026-10-10T13:21:00.000Z";
      const pruned = await pruneEventsBefore(db, INSTANCE, cutoff);
      const kept = ALL.filter((event) => micros(event.created_at) >= micros(cutoff));
      expect(pruned).toBe(ALL.length - kept.length);
      expect(pruned).toBeGreaterThan(0);
      expect(await countsDisagreements(db)).toEqual([]);
      expect(await searchTextsDisagreements(db)).toEqual([]);
      for (const filters of sampleFilters()) await expectStatsOf(db, kept, filters);
      expect(await pruneEventsBefore(db, INSTANCE, cutoff)).toBe(0);
    });
  });

  describe("for any types and range", () => {
    let database: Awaited<ReturnType<typeof openArchiveDatabase>>;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const created = await kind.create();
      drop = created.drop;
      database = await openArchiveDatabase(created.target);
      await ensureSyncState(database.db);
      await acquireSyncLease(database.db, INSTANCE, 600_000);
      await storeInPages(database.db, ALL, 300);
    }, HOOK_TIMEOUT_MS);
    afterAll(async () => {
      await database?.close();
      await drop?.();
    }, HOOK_TIMEOUT_MS);

    const times = ALL.map((event) => Date.parse(event.created_at));
    const [firstMs, lastMs] = [Math.min(...times), Math.max(...times)];
    // Bounds on a day's or a month's first instant, a millisecond either side, or anywhere.
    const instant = fc
      .tuple(fc.integer({ min: firstMs - DAY_MS, max: lastMs + DAY_MS }), fc.constantFrom("any", "day", "month"), fc.constantFrom(-1, 0, 1))
      .map(([ms, snap, nudge]) => {
        const date = new Date(ms);
        const snapped = snap === "day" ? Math.floor(ms / DAY_MS) * DAY_MS : snap === "month" ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) : ms;
        return new Date(snapped + (snap === "any" ? 0 : nudge)).toISOString();
      });
    const codes = fc.subarray([...KNOWN_EVENT_TYPES, "NOT_YET_KNOWN"], { maxLength: 4 });
    const groups = fc.subarray([...EVENT_GROUP_SLUG_LIST], { maxLength: 2 });
    const filters = fc
      .record({ include: codes, exclude: codes, groups, excludedGroups: groups, start: fc.option(instant), end: fc.option(instant) })
      .map(({ include, exclude, groups: included, excludedGroups, start, end }): AuditTrailFilters => {
        const [from, to] = [start, end].filter((bound) => bound !== null).sort() as string[];
        const bounds = start !== null && end !== null ? { start_date: from, end_date: to } : { start_date: start ?? undefined, end_date: end ?? undefined };
        return {
          ...(include.length + exclude.length > 0 && { event_type: { include, exclude } }),
          ...(included.length + excludedGroups.length > 0 && { event_group: { include: included, exclude: excludedGroups } }),
          ...Object.fromEntries(Object.entries(bounds).filter(([, value]) => value !== undefined)),
        };
      });

    it("add up to what a brute-force count says", SLOW, async () => {
      await fc.assert(
        fc.asyncProperty(filters, async (drawn) => expectStatsOf(database.db, ALL, drawn)),
        { numRuns: 60 },
      );
    });

    // Text (like people, roles and IPs) is not counted ahead: an open range takes the matches' own
    // span from the pass that counts them. Pieces of descriptions match one event (bars of minutes)
    // up to hundreds (bars of days).
    const needle = fc
      .tuple(fc.constantFrom(...ALL.map((event) => event.event_description)), fc.nat(), fc.integer({ min: 3, max: 80 }))
      .map(([text, at, length]) => text.slice(at % text.length, (at % text.length) + length));
    const searches = fc
      .record({ q: needle, bound: fc.option(fc.tuple(fc.constantFrom("start_date", "end_date"), instant)) })
      .map(({ q, bound }): AuditTrailFilters => ({ q, ...(bound && { [bound[0]]: bound[1] }) }));

    it("add up to what a brute-force count says for text over an open range, from one bar wide to months", SLOW, async () => {
      await fc.assert(
        fc.asyncProperty(searches, async (drawn) => expectStatsOf(database.db, ALL, drawn)),
        { numRuns: 60 },
      );
    });
  });
});
