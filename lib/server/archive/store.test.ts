import { sql } from "drizzle-orm";
import { expectedEvents } from "@/testing/simulator-oracle";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { AuditEvent } from "@/lib/audit-event";
import { pickFilters, querySchema } from "@/lib/filters";
import { createSimulator } from "@/lib/simulator";
import { testDatabaseKinds, type TestDatabase } from "@/testing/archive-databases";

import { encodeKeysetCursor } from "./cursor";
import migrationJournal from "./migrations/meta/_journal.json";
import { openArchiveDatabase, type ArchiveDatabase } from "./database";
import { ArchiveError } from "./errors";
import {
  acquireSyncLease,
  ensureSyncState,
  LeaseLostError,
  listArchivedEvents,
  readArchiveFigures,
  readSyncState,
  releaseSyncLease,
  storePage,
} from "./store";

const simulator = createSimulator({ now: "2026-11-28T12:00:00Z", events: 400, seed: "archive-store" });
const ALL = expectedEvents(simulator);
const ME = "test-host:1";
// A PGlite starts in about 1.5 s alone, and many times that on two cores shared with other tests.
const HOOK_TIMEOUT_MS = 60_000;

type Filters = Parameters<typeof expectedEvents>[1];

/** Every page of a query, following `next` from the first page. */
async function walkNext(database: ArchiveDatabase, query: Record<string, string | number>): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages += 1) {
    const page = await listArchivedEvents(database.db, { ...query, cursor });
    events.push(...page.results);
    if (page.next === null) return events;
    cursor = page.next;
  }
  throw new Error("the walk did not end");
}

/** The archive's order: newest first by (created_at, id). */
const keysetOrder = (events: AuditEvent[]) =>
  [...events].sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1));

describe.each(testDatabaseKinds())("the archive's store on $name", (kind) => {
  let testDb: TestDatabase;
  let database: ArchiveDatabase;

  beforeEach(async () => {
    testDb = await kind.create();
    database = await openArchiveDatabase(testDb.target);
    await ensureSyncState(database.db);
  }, HOOK_TIMEOUT_MS);

  afterEach(async () => {
    await database.close();
    await testDb.drop();
  }, HOOK_TIMEOUT_MS);

  async function fill(events: AuditEvent[] = ALL) {
    expect(await acquireSyncLease(database.db, ME, 60_000)).toBe(true);
    for (let i = 0; i < events.length; i += 100) {
      await storePage(database.db, ME, events.slice(i, i + 100), { walk: "backfill", next: "more" });
    }
  }

  it("migrates an empty database to the tables and indexes, and a second run changes nothing", async () => {
    const indexes = await database.db
      .select({ name: sql<string>`indexname` })
      .from(sql`pg_indexes`)
      .where(sql`tablename = 'audit_events'`)
      .orderBy(sql`indexname`);
    expect(indexes.map((row) => row.name)).toEqual([
      "audit_events_created_at_id_idx",
      "audit_events_event_type_created_at_idx",
      "audit_events_pkey",
      "audit_events_user_email_created_at_idx",
    ]);
    await fill(ALL.slice(0, 10));
    if (testDb.target.kind === "server") {
      // Instances starting together: they queue on the migration lock and find nothing to do.
      const again = await Promise.all([openArchiveDatabase(testDb.target), openArchiveDatabase(testDb.target)]);
      await Promise.all(again.map((db) => db.close()));
    }
    const applied = await database.db.select({ count: sql<number>`count(*)::integer` }).from(sql`drizzle.__drizzle_migrations`);
    expect(applied).toEqual([{ count: migrationJournal.entries.length }]);
    expect((await readArchiveFigures(database.db)).events).toBe(10);
  });

  it("stores each event once, under Merge's names, with created_at exactly as Merge sent it", async () => {
    await fill();
    await fill(ALL.slice(0, 150)); // a page seen twice (an overlap, a resumed walk) doubles nothing
    const stored = await walkNext(database, { page_size: 100 });
    expect(stored).toHaveLength(ALL.length);
    expect(stored).toEqual(keysetOrder(ALL));
    expect(stored.every((event) => /\.\d{6}Z$/.test(event.created_at))).toBe(true);
    expect(await readArchiveFigures(database.db)).toMatchObject({
      events: ALL.length,
      oldest_event_at: ALL[ALL.length - 1]!.created_at,
      newest_event_at: ALL[0]!.created_at,
      backfill: { complete: false, events: ALL.length },
    });
  });

  it.each<[string, Filters & Record<string, string>]>([
    ["no filter", {}],
    ["an email in other letter cases", { user_email: ALL.find((e) => e.user_email)!.user_email!.toUpperCase() }],
    ["an event type", { event_type: ALL[3]!.event_type }],
    // Strict bounds: events at exactly start_date or end_date are outside.
    ["a date range", { start_date: ALL[300]!.created_at, end_date: ALL[20]!.created_at }],
    ["an email and a type", { user_email: ALL[5]!.user_email ?? "nobody@example.com", event_type: ALL[5]!.event_type }],
  ])("pages through %s exactly as Merge filters, forwards and back", async (_, filters) => {
    await fill();
    // The shared schema canonicalises dates (to milliseconds); Merge would see the same query.
    const query = querySchema.parse({ ...filters, page_size: "7" });
    const expected = keysetOrder(expectedEvents(simulator, pickFilters(query)));
    const forwards = await walkNext(database, query);
    expect(forwards).toEqual(expected);

    // From the last page, `previous` walks back over the same events.
    let page = await listArchivedEvents(database.db, query);
    const pages = [page.results];
    while (page.next !== null) {
      page = await listArchivedEvents(database.db, { ...query, cursor: page.next });
      pages.push(page.results);
    }
    const backwards: AuditEvent[] = [];
    for (;;) {
      backwards.unshift(...page.results);
      if (page.previous === null) break;
      page = await listArchivedEvents(database.db, { ...query, cursor: page.previous });
    }
    expect(backwards).toEqual(expected);
  });

  it("answers invalid_cursor for a cursor that is not the archive's, before any SQL", async () => {
    await fill(ALL.slice(0, 10));
    const b64 = (text: string) => Buffer.from(text).toString("base64url");
    for (const cursor of [
      "garbage",
      b64("not json"),
      b64(JSON.stringify({ d: "n", t: "2026-02-30T00:00:00.000000Z", i: "x" })),
      b64(JSON.stringify({ d: "n", t: "2026-11-28T00:00:00Z", i: "x" })),
      b64(JSON.stringify({ d: "n", t: "2026-11-28T00:00:00.000000Z", i: "x", extra: 1 })),
      b64(JSON.stringify({ d: "x", t: "2026-11-28T00:00:00.000000Z", i: "x" })),
      b64(JSON.stringify({ d: "n", t: "2026-11-28T00:00:00.000000Z'; drop table audit_events; --", i: "x" })),
    ]) {
      const error = await listArchivedEvents(database.db, { cursor }).catch((caught: unknown) => caught);
      expect(error, cursor).toBeInstanceOf(ArchiveError);
      expect((error as ArchiveError).code).toBe("invalid_cursor");
    }
    // Its own cursors pass the shared query schema's rule (a URL-safe token), sealed or not.
    const { next } = await listArchivedEvents(database.db, { page_size: 3 });
    expect(querySchema.safeParse({ cursor: next }).success).toBe(true);
    const crafted = encodeKeysetCursor({ direction: "next", createdAt: "2026-11-28T12:00:00.000000Z", id: "zzz" });
    expect((await listArchivedEvents(database.db, { cursor: crafted })).results).toHaveLength(10);
  });

  it("gives the lease to one instance at a time, and to another once it lapses or is let go", async () => {
    expect(await acquireSyncLease(database.db, "a", 60_000)).toBe(true);
    expect(await acquireSyncLease(database.db, "b", 60_000)).toBe(false);
    expect(await acquireSyncLease(database.db, "a", 60_000)).toBe(true);
    expect((await readArchiveFigures(database.db)).syncing_instance).toBe("a");
    await expect(storePage(database.db, "b", ALL.slice(0, 5), { walk: "backfill", next: "x" })).rejects.toBeInstanceOf(LeaseLostError);
    expect((await readArchiveFigures(database.db)).events).toBe(0);

    await releaseSyncLease(database.db, "a");
    expect(await acquireSyncLease(database.db, "b", 1)).toBe(true);
    await expect.poll(() => acquireSyncLease(database.db, "a", 60_000)).toBe(true);
    expect((await readArchiveFigures(database.db)).syncing_instance).toBe("a");
  });

  it("keeps the watermark and the backfill position with the pages that moved them", async () => {
    expect(await acquireSyncLease(database.db, ME, 60_000)).toBe(true);
    await storePage(database.db, ME, ALL.slice(0, 100), { walk: "backfill", next: "cursor-2", top: ALL[0]!.created_at });
    expect(await readSyncState(database.db)).toEqual({
      watermark: ALL[0]!.created_at,
      backfillCursor: "cursor-2",
      backfillComplete: false,
    });
    // A follow walk raises the watermark only on its last page, and never lowers it.
    await storePage(database.db, ME, [], { walk: "follow", next: "more", top: "2026-11-29T00:00:00.000001Z" });
    expect((await readSyncState(database.db)).watermark).toBe(ALL[0]!.created_at);
    await storePage(database.db, ME, [], { walk: "follow", next: null, top: "2026-11-29T00:00:00.000001Z" });
    await storePage(database.db, ME, [], { walk: "follow", next: null, top: "2020-01-01T00:00:00.000000Z" });
    expect((await readSyncState(database.db)).watermark).toBe("2026-11-29T00:00:00.000001Z");
    await storePage(database.db, ME, ALL.slice(100), { walk: "backfill", next: null });
    expect(await readSyncState(database.db)).toMatchObject({ backfillCursor: null, backfillComplete: true });
    expect((await readArchiveFigures(database.db)).backfill).toEqual({ complete: true, events: ALL.length });
  });

  it("answers archive_unavailable in words when the database is gone", async () => {
    await database.close();
    const error = await listArchivedEvents(database.db, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe("archive_unavailable");
    database = await openArchiveDatabase(testDb.target);
  });
});
