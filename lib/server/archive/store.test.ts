import { and, sql } from "drizzle-orm";
import { expectedEvents } from "@/testing/simulator-oracle";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { AuditEvent } from "@/lib/audit-event";
import { parseAuditTrailQuery, pickFilters, QUERY_KEYS, type AuditTrailQuery } from "@/lib/filters";
import { PEOPLE_EVENTS_CAP, peopleInEvents } from "@/lib/people";
import { createSimulator } from "@/lib/simulator";
import { testDatabaseKinds, type TestDatabase } from "@/testing/archive-databases";

import { encodeKeysetCursor } from "./cursor";
import { openArchiveDatabase, type ArchiveDatabase } from "./database";
import { ArchiveError } from "./errors";
import { filterConditions } from "./filter-conditions";
import { auditEvents } from "./schema";
import {
  acquireSyncLease,
  ensureSyncState,
  findPeople,
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

/** A query as our API reads it (the shared schema canonicalises dates to milliseconds, as Merge would see them). */
function apiQuery(search: string): AuditTrailQuery {
  const parsed = parseAuditTrailQuery(new URLSearchParams(search), { allow: QUERY_KEYS });
  if (!parsed.ok) throw new Error(`${search}: ${parsed.error.field}: ${parsed.error.message}`);
  return parsed.value;
}

const enc = encodeURIComponent;
const AN_EMAIL = ALL.find((e) => e.user_email)!.user_email!;
const AN_IPV6 = ALL.find((e) => e.ip_address.includes(":"))!.ip_address;
const AN_IPV4 = ALL.find((e) => !e.ip_address.includes(":"))!.ip_address;
const A_WORD = ALL[7]!.event_description.split(/\s+/).find((word) => word.length > 4)!;

/** Every page of a query, following `next` from the first page. */
async function walkNext(database: ArchiveDatabase, query: AuditTrailQuery): Promise<AuditEvent[]> {
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

/** The archive's order: newest first by (created_at, id), or oldest first. */
const keysetOrder = (events: AuditEvent[], order: "asc" | "desc" = "desc") => {
  const newestFirst = [...events].sort((a, b) =>
    a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
  );
  return order === "asc" ? newestFirst.reverse() : newestFirst;
};

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

  // Migrating (from empty, again, from the previous release) is migrations.test.ts's.
  it("has the indexes the explorer's queries use", async () => {
    const indexes = await database.db
      .select({ name: sql<string>`indexname` })
      .from(sql`pg_indexes`)
      .where(sql`tablename in ('audit_events', 'audit_search_texts')`)
      .orderBy(sql`indexname`);
    expect(indexes.map((row) => row.name)).toEqual([
      "audit_events_created_at_id_idx",
      "audit_events_event_type_created_at_idx",
      "audit_events_ip_created_at_idx",
      "audit_events_pkey",
      "audit_events_role_created_at_idx",
      "audit_events_search_hash_idx",
      "audit_events_user_email_created_at_idx",
      "audit_search_texts_pkey",
      "audit_search_texts_trgm_idx",
    ]);
  });

  it("finds people by part of a name or an email, as peopleInEvents finds them in the whole trail", async () => {
    await fill();
    const someone = ALL.find((event) => event.user_name && event.user_email)!;
    const lastName = someone.user_name!.split(" ").at(-1)!.toUpperCase();
    const domain = someone.user_email!.split("@")[1]!;
    for (const q of [lastName, someone.user_email!.slice(0, 4), domain, "@", "e"]) {
      const found = await findPeople(database.db, { q, limit: 8 });
      expect(found).toEqual(peopleInEvents(keysetOrder(ALL), q, 8));
    }
    const byName = await findPeople(database.db, { q: someone.user_name!, limit: 8 });
    expect(byName[0]).toEqual({
      name: someone.user_name,
      email: someone.user_email!.toLowerCase(),
      events: ALL.filter((event) => event.user_email?.toLowerCase() === someone.user_email!.toLowerCase()).length,
      events_capped: false,
    });
    expect(await findPeople(database.db, { q: "no such person anywhere", limit: 8 })).toEqual([]);
    expect(await findPeople(database.db, { q: "%", limit: 8 })).toEqual([]);
    expect(await findPeople(database.db, { q: "e", limit: 2 })).toHaveLength(2);
  });

  it("counts a person's events up to the cap, and says when there are more", async () => {
    const busy = ALL.find((event) => event.user_email)!;
    const copies = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, index) => ({ ...busy, user_email: "busy@acme.example", id: `${prefix}-${index}` }));
    await fill(copies(PEOPLE_EVENTS_CAP, "a"));
    expect(await findPeople(database.db, { q: "busy@", limit: 8 })).toEqual([
      { name: busy.user_name, email: "busy@acme.example", events: PEOPLE_EVENTS_CAP, events_capped: false },
    ]);
    await fill(copies(1, "b"));
    expect(await findPeople(database.db, { q: "busy@", limit: 8 })).toEqual([
      { name: busy.user_name, email: "busy@acme.example", events: PEOPLE_EVENTS_CAP, events_capped: true },
    ]);
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

  it("pages through events sharing one created_at once each, whatever the page size, and stores them once", async () => {
    // Merge records bursts within one microsecond; the keyset's id keeps them apart.
    const instant = ALL[0]!.created_at;
    const burst = ALL.slice(0, 25).map((event) => ({ ...event, created_at: instant }));
    await fill([...burst, ...ALL.slice(25, 40)]);
    await fill(burst.slice(10)); // re-read by an overlapping walk
    for (const page_size of [1, 7, 25]) {
      expect(await walkNext(database, { page_size })).toEqual(keysetOrder([...burst, ...ALL.slice(25, 40)]));
    }
    expect((await readArchiveFigures(database.db)).events).toBe(40);
  });

  it.each<[string, string]>([
    ["no filter", ""],
    ["an email in other letter cases", `user_email=${enc(AN_EMAIL.toUpperCase())}`],
    ["an event type", `event_type=${ALL[3]!.event_type}`],
    // Strict bounds: events at exactly start_date or end_date are outside.
    ["a date range", `start_date=${ALL[300]!.created_at}&end_date=${ALL[20]!.created_at}`],
    ["an email and a type", `user_email=${enc(ALL[5]!.user_email ?? "nobody@example.com")}&event_type=${ALL[5]!.event_type}`],
    ["several types and a group, an unknown code among them", "event_type=INVITED_USER&event_type=NOT_YET_KNOWN&event_group=api_keys"],
    ["excluded types, groups and emails", `event_type=-INVITED_USER&event_group=-other&user_email=-${enc(AN_EMAIL)}`],
    ["roles, included and excluded", "role=ADMIN&role=DEVELOPER&role=-DEVELOPER"],
    ["each actor kind", "actor=api"],
    ["people", "actor=human&order=asc"],
    ["an exact address and a CIDR block", `ip=${enc(AN_IPV6.toUpperCase())}&ip=${AN_IPV4.split(".").slice(0, 2).join(".")}.0.0%2F16`],
    ["an excluded address", `ip=-${enc(AN_IPV4)}`],
    ["text in a description, any letter case", `q=${enc(A_WORD.toUpperCase())}`],
    ["text in an event type's label only", "q=two-factor"],
    ["text with LIKE's wildcards, taken literally", "q=%25_"],
    ["oldest first with a range", `order=asc&start_date=${ALL[300]!.created_at}`],
  ])("pages through %s exactly as the filters say, forwards and back", async (_, search) => {
    await fill();
    const query = { ...apiQuery(search), page_size: 7 };
    const expected = keysetOrder(expectedEvents(simulator, pickFilters(query)), query.order);
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
    expect(apiQuery(`cursor=${next}`).cursor).toBe(next);
    // ...and continue only the listing they came from: oldest-first cursors do not page a newest-first listing.
    const { next: ascending } = await listArchivedEvents(database.db, { page_size: 3, order: "asc" });
    await expect(listArchivedEvents(database.db, { cursor: ascending! })).rejects.toMatchObject({ code: "invalid_cursor" });
    const crafted = encodeKeysetCursor({ direction: "next", order: "desc", createdAt: "2026-11-28T12:00:00.000000Z", id: "zzz" });
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

  it.each([
    ["text", "q=customField", ["audit_search_texts_trgm_idx", "audit_events_search_hash_idx"]],
    ["a CIDR block", "ip=203.0.113.0%2F24", ["audit_events_ip_created_at_idx"]],
    ["an exact address", "ip=2001:db8::1", ["audit_events_ip_created_at_idx"]],
    ["a rare role", "role=SUPPORT", ["audit_events_role_created_at_idx"]],
    ["an email in other letter cases", "user_email=Jane%40Acme.com", ["audit_events_user_email_created_at_idx"]],
  ])("has an index the planner can use for %s", async (_, search, indexes) => {
    await fill();
    // Tables this small are cheaper to read whole, or through any index in full: forbidding both
    // leaves only the indexes whose condition fits the query.
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_indexscan = off`);
      const query = tx.select({ id: auditEvents.id }).from(auditEvents).where(and(...filterConditions(apiQuery(search))));
      const result = await tx.execute(sql`explain ${query}`);
      return (result as unknown as { rows: Record<string, string>[] }).rows.map((row) => Object.values(row)[0]).join("\n");
    });
    for (const index of indexes) expect(plan).toContain(index);
  });

  it("never lets an IP address Merge sent malformed break a query: it matches no block and survives exclusions", async () => {
    const odd = [
      { ...ALL[0]!, id: "odd-1", ip_address: "not an address" },
      { ...ALL[1]!, id: "odd-2", ip_address: "10.0.0.999" },
      { ...ALL[2]!, id: "odd-3", ip_address: "10.1.2.3" },
    ];
    await fill(odd);
    const ids = async (search: string) => (await listArchivedEvents(database.db, apiQuery(search))).results.map((e) => e.id);
    expect(await ids("ip=10.0.0.0%2F8")).toEqual(["odd-3"]);
    expect(await ids("ip=-10.0.0.0%2F8")).toEqual(["odd-1", "odd-2"]);
  });

  it("filters by IP address under a parallel plan too (the safe cast cannot run in a parallel worker)", async () => {
    await fill();
    const rows = await database.db.transaction(async (tx) => {
      // Makes PostgreSQL plan parallel workers even for a small table; PGlite has none.
      for (const setting of ["parallel_setup_cost", "parallel_tuple_cost", "min_parallel_table_scan_size", "min_parallel_index_scan_size"]) {
        await tx.execute(sql`select set_config(${setting}, '0', true)`);
      }
      return listArchivedEvents(tx, { ...apiQuery(`ip=${AN_IPV4}`), page_size: 100 });
    });
    expect(rows.results.map((event) => event.id)).toEqual(keysetOrder(ALL.filter((event) => event.ip_address === AN_IPV4)).slice(0, 100).map((event) => event.id));
  });

  it("answers archive_unavailable in words when the database is gone", async () => {
    await database.close();
    const error = await listArchivedEvents(database.db, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe("archive_unavailable");
    database = await openArchiveDatabase(testDb.target);
  });
});
