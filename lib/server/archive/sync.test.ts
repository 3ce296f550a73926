import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { AuditEvent } from "@/lib/audit-event";
import { API_ERRORS } from "@/lib/api-errors";
import { expectedEvents } from "@/testing/simulator-oracle";

import { createSimulator, FAULT_HEADER, type Simulator } from "@/lib/simulator";
import { archivedTrail, simulatorClient, simulatorTrail } from "@/testing/archive-sync";
import { testDatabaseKinds, type TestDatabase } from "@/testing/archive-databases";

import { openArchiveDatabase, type ArchiveDatabase } from "./database";
import { acquireSyncLease, ensureSyncState, readArchiveFigures, readSyncState, releaseSyncLease, storePage } from "./store";
import { systemClock } from "@/lib/server/merge/retry";

import { createSyncer, SYNC_PAGE_SIZE, type Syncer, type SyncerOptions } from "./sync";

const NOW = "2026-11-28T12:00:00Z";
const SLOW = { timeout: 120_000 };
// A PGlite starts in about 1.5 s alone, and many times that on two cores shared with other tests.
const HOOK_TIMEOUT_MS = 60_000;

describe.each(testDatabaseKinds())("the archive's sync on $name", (kind) => {
  let testDb: TestDatabase;
  let database: ArchiveDatabase;
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeEach(async () => {
    // Its log lines (who syncs, which request failed) are for operators, not for the test output.
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    testDb = await kind.create();
    database = await openArchiveDatabase(testDb.target);
    await ensureSyncState(database.db);
  }, HOOK_TIMEOUT_MS);

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await database.close();
    await testDb.drop();
    vi.restoreAllMocks();
  }, HOOK_TIMEOUT_MS);

  function simulator(options: Parameters<typeof createSimulator>[0] = {}): Simulator {
    const created = createSimulator({ now: NOW, ...options });
    cleanups.push(() => created.close());
    return created;
  }

  function syncer(options: Partial<SyncerOptions> & Pick<SyncerOptions, "client">): Syncer {
    const created = createSyncer({
      db: database.db,
      instance: "instance-a",
      // Long enough that a busy machine never lets a lease lapse between renewals (every third of it).
      intervalMs: 2_000,
      maxRequestsPerMinute: 100_000,
      backoff: { baseMs: 20, maxMs: 200 },
      ...options,
    });
    cleanups.push(() => created.stop());
    created.start();
    return created;
  }

  const backfilled = () => readSyncState(database.db).then((state) => state.backfillComplete);

  it("backfills exactly the simulator's walk: the same ids, the same microseconds", SLOW, async () => {
    const upstream = simulator({ events: 4000 });
    const started = performance.now();
    syncer({ client: simulatorClient(upstream) });
    await expect.poll(backfilled, SLOW).toBe(true);
    const seconds = (performance.now() - started) / 1000;
    console.info(`backfill of 4,000 events on ${kind.name}: ${Math.round(4000 / seconds)} events/s`);

    expect(await archivedTrail(database.db)).toEqual(simulatorTrail(upstream));
    expect(await readArchiveFigures(database.db)).toMatchObject({
      events: 4000,
      backfill: { complete: true, events: 4000 },
      syncing_instance: "instance-a",
      last_error: null,
    });
  });

  // Only where no autovacuum would pass it anyway.
  it.runIf(kind.name === "PGlite")("vacuums when asked (PGlite has no autovacuum): after its backfill, and after enough new events", SLOW, async () => {
    // What a vacuum leaves that a user's queries feel: pages marked all-visible, so that a search's
    // events are counted from an index alone, and the planner's row counts.
    const vacuumed = async () => {
      const result = await database.db.execute(
        sql`select relallvisible as visible, reltuples as rows from pg_class where relname = 'audit_events'`,
      );
      return (result as unknown as { rows: { visible: number; rows: number }[] }).rows[0]!;
    };
    expect((await vacuumed()).visible).toBe(0);
    const upstream = simulator({ events: 600, liveEventsPerMinute: 6000 });
    syncer({ client: simulatorClient(upstream), vacuumEveryEvents: 50 });
    await expect.poll(backfilled, SLOW).toBe(true);
    await expect
      .poll(async () => {
        const { rows, visible } = await vacuumed();
        return rows >= 600 && visible > 0;
      }, SLOW)
      .toBe(true);
    // Live events arrive: once 50 more are stored, the counts the planner sees grow with them.
    const seen = (await vacuumed()).rows;
    await expect.poll(async () => (await vacuumed()).rows, SLOW).toBeGreaterThanOrEqual(seen + 50);
  });

  it("follows events as they arrive live, every interval", SLOW, async () => {
    const upstream = simulator({ events: 300, liveEventsPerMinute: 1200 });
    syncer({ client: simulatorClient(upstream) });
    await expect.poll(backfilled, SLOW).toBe(true);
    await expect.poll(() => upstream.size(), SLOW).toBeGreaterThanOrEqual(320);
    const arrived = simulatorTrail(upstream);
    await expect
      .poll(async () => {
        const archived = new Set(await archivedTrail(database.db));
        return arrived.filter((line) => !archived.has(line));
      }, SLOW)
      .toEqual([]);
    upstream.close(); // no more arrivals: the archive catches up and equals the trail
    await expect.poll(() => archivedTrail(database.db), SLOW).toEqual(simulatorTrail(upstream));
  });

  it("asks at once when nudged, not at the next interval", SLOW, async () => {
    const upstream = simulator({ events: 300 });
    // An interval far longer than the wait below: only the nudge can bring the new events in.
    const sync = syncer({ client: simulatorClient(upstream), intervalMs: 600_000 });
    await expect.poll(backfilled, SLOW).toBe(true);
    upstream.addEvents(3);
    sync.nudge();
    await expect.poll(() => archivedTrail(database.db), { timeout: 60_000 }).toEqual(simulatorTrail(upstream));
    expect(simulatorTrail(upstream)).toHaveLength(303);
  });

  it("follows a trail that was empty when the backfill walked it", SLOW, async () => {
    const upstream = simulator({ events: 0 });
    const sync = syncer({ client: simulatorClient(upstream), intervalMs: 600_000 });
    await expect.poll(backfilled, SLOW).toBe(true);
    upstream.addEvents(4);
    sync.nudge();
    await expect.poll(() => archivedTrail(database.db), { timeout: 60_000 }).toEqual(simulatorTrail(upstream));
    expect(simulatorTrail(upstream)).toHaveLength(4);
  });

  it("resumes a backfill cut short from its stored position, and ends with the same set", SLOW, async () => {
    const upstream = simulator({ events: 2000 });
    // The first instance "dies" on its sixth request: that request never ends.
    let calls = 0;
    const dying = simulatorClient(upstream, {
      fetch: (base) => (url, init) => {
        calls += 1;
        if (calls < 6) return base(url, init);
        return new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
      },
    });
    const first = syncer({ client: dying });
    await expect.poll(() => calls, SLOW).toBe(6);
    await first.stop({ release: false });
    const kept = await readArchiveFigures(database.db);
    expect(kept.backfill.events).toBeGreaterThan(0);
    expect(kept.backfill.complete).toBe(false);

    const asked: URL[] = [];
    syncer({
      instance: "instance-b",
      client: simulatorClient(upstream, {
        fetch: (base) => (url, init) => {
          asked.push(new URL(url));
          return base(url, init);
        },
      }),
    });
    await expect.poll(backfilled, SLOW).toBe(true);
    const backfillRequests = asked.filter((url) => !url.searchParams.has("start_date"));
    // It went on from the stored cursor, not from the newest page, 100 events a page.
    expect(backfillRequests[0]?.searchParams.get("cursor")).toEqual(expect.any(String));
    expect(backfillRequests.map((url) => url.searchParams.get("page_size"))).toEqual(backfillRequests.map(() => "100"));
    expect(backfillRequests.length).toBe(2000 / SYNC_PAGE_SIZE - kept.backfill.events / SYNC_PAGE_SIZE);
    expect(await archivedTrail(database.db)).toEqual(simulatorTrail(upstream));
    expect((await readArchiveFigures(database.db)).events).toBe(2000);
  });

  it("loses and doubles nothing through 429, 500, hangs, latency and malformed pages", SLOW, async () => {
    const upstream = simulator({
      events: 2000,
      faults: "429:1@3,500@5-6,latency:100@8,malformed@10,hang@12,wrong-shape@14,502@16,503@18",
    });
    syncer({ client: simulatorClient(upstream, { timeoutMs: 300 }) });
    await expect.poll(backfilled, SLOW).toBe(true);
    expect(await archivedTrail(database.db)).toEqual(simulatorTrail(upstream));
    expect(await readArchiveFigures(database.db)).toMatchObject({ events: 2000, last_error: null });
    expect(upstream.requestCount()).toBeGreaterThanOrEqual(2000 / SYNC_PAGE_SIZE + 8);
  });

  it("loses and doubles nothing when faults strike a follow walk between its pages", SLOW, async () => {
    const upstream = simulator({ events: 300 });
    // Once armed, every other request of a follow walk fails, each in its own way.
    const faults = ["429:1", "500", "malformed", "hang", "wrong-shape", "503"];
    let armed = false;
    let followRequests = 0;
    const sync = syncer({
      client: simulatorClient(upstream, {
        timeoutMs: 300,
        fetch: (base) => (url, init) => {
          if (!armed || !new URL(url).searchParams.has("start_date")) return base(url, init);
          followRequests += 1;
          const fault = followRequests % 2 === 0 ? faults[followRequests / 2 - 1] : undefined;
          return base(url, fault ? { ...init, headers: { ...init.headers, [FAULT_HEADER]: fault } } : init);
        },
      }),
    });
    await expect.poll(backfilled, SLOW).toBe(true);
    // A follow walk of seven pages, a fault after each of the first six.
    upstream.addEvents(650);
    armed = true;
    sync.nudge();
    await expect.poll(() => archivedTrail(database.db), SLOW).toEqual(simulatorTrail(upstream));
    expect(followRequests).toBeGreaterThanOrEqual(2 * faults.length);
    await expect.poll(() => readArchiveFigures(database.db).then((f) => f.last_error), SLOW).toBe(null);
    expect((await readArchiveFigures(database.db)).events).toBe(950);
  });

  it("re-reads the overlap window below the watermark, so an event Merge records late is archived", SLOW, async () => {
    const upstream = simulator({ events: 300 });
    const [newest, late] = expectedEvents(upstream);
    // Merge records `late` only after the newer event has been archived.
    let recorded = false;
    const sync = syncer({
      intervalMs: 600_000,
      overlapMs: Date.parse(newest!.created_at) - Date.parse(late!.created_at) + 60_000,
      client: simulatorClient(upstream, {
        fetch: (base) => async (url, init) => {
          const response = await base(url, init);
          if (recorded || !response.ok) return response;
          const page = (await response.json()) as { results: { id: string }[] };
          return Response.json({ ...page, results: page.results.filter((event) => event.id !== late!.id) });
        },
      }),
    });
    await expect.poll(backfilled, SLOW).toBe(true);
    expect(await archivedTrail(database.db)).not.toContain(`${late!.id} ${late!.created_at}`);
    expect((await readSyncState(database.db)).watermark! > late!.created_at).toBe(true);

    recorded = true;
    sync.nudge();
    await expect.poll(() => archivedTrail(database.db), { timeout: 60_000 }).toEqual(simulatorTrail(upstream));
  });

  it("waits as long as Merge's Retry-After says, and keeps within its budget of requests a minute", SLOW, async () => {
    const upstream = simulator({ events: 1000, faults: "429:45@3" });
    // A clock that skips every wait at once: what it measures is how long the syncer chose to wait.
    let virtualNow = Date.parse(NOW);
    const clock = {
      ...systemClock,
      now: () => virtualNow,
      sleep: async (ms: number, signal?: AbortSignal) => {
        if (signal?.aborted) throw signal.reason;
        virtualNow += ms;
        await new Promise((resolve) => setImmediate(resolve));
      },
    };
    const askedAt: number[] = [];
    syncer({
      clock,
      maxRequestsPerMinute: 4,
      client: simulatorClient(upstream, {
        fetch: (base) => (url, init) => {
          askedAt.push(virtualNow);
          return base(url, init);
        },
      }),
    });
    await expect.poll(backfilled, SLOW).toBe(true);
    expect(await archivedTrail(database.db)).toEqual(simulatorTrail(upstream));
    // The third request was told to wait 45 s; the fourth asked for the same page after that.
    expect(askedAt[3]! - askedAt[2]!).toBeGreaterThanOrEqual(45_000);
    // No minute holds more than four requests.
    for (let i = 4; i < askedAt.length; i += 1) expect(askedAt[i]! - askedAt[i - 4]!).toBeGreaterThanOrEqual(60_000);
  });

  it("never deletes: with no retention set, an event Merge no longer serves stays", SLOW, async () => {
    const upstream = simulator({ events: 300 });
    const forgotten: AuditEvent = { ...expectedEvents(upstream).at(-1)!, id: "forgotten-by-merge", created_at: "2020-01-02T03:04:05.123456Z" };
    await acquireSyncLease(database.db, "earlier", 60_000);
    await storePage(database.db, "earlier", [forgotten], { walk: "follow", next: "x" });
    await releaseSyncLease(database.db, "earlier");

    const sync = syncer({ client: simulatorClient(upstream) });
    await expect.poll(backfilled, SLOW).toBe(true);
    upstream.addEvents(2);
    sync.nudge();
    const expected = [...simulatorTrail(upstream), `${forgotten.id} ${forgotten.created_at}`].sort();
    await expect.poll(() => archivedTrail(database.db), SLOW).toEqual(expected);
  });

  it("says in words why sync is failing, keeps what it has, and recovers", SLOW, async () => {
    const upstream = simulator({ events: 1000 });
    let failing = false;
    syncer({
      client: simulatorClient(upstream, {
        fetch: (base) => (url, init) => {
          if (!failing) return base(url, init);
          return base(url, { ...init, headers: { ...init.headers, [FAULT_HEADER]: "500" } });
        },
      }),
    });
    await expect.poll(() => readArchiveFigures(database.db).then((f) => f.backfill.events), SLOW).toBeGreaterThan(0);
    failing = true;
    await expect
      .poll(() => readArchiveFigures(database.db).then((f) => f.last_error), SLOW)
      .toBe(API_ERRORS.upstream_unavailable.message);
    failing = false;
    await expect.poll(backfilled, SLOW).toBe(true);
    await expect.poll(() => readArchiveFigures(database.db).then((f) => f.last_error), SLOW).toBe(null);
    expect(await archivedTrail(database.db)).toEqual(simulatorTrail(upstream));
  });

  it("resumes within an interval once its database is back, however long the outage", SLOW, async () => {
    const upstream = simulator({ events: 300 });
    let down = false;
    // The database as the syncer sees it: every query refused while `down`, as a server that is gone.
    const flaky = new Proxy(database.db, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (down) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    // Merge's backoff may grow to a minute; an outage must not borrow it.
    syncer({ db: flaky, backoff: { baseMs: 20, maxMs: 60_000 }, client: simulatorClient(upstream) });
    await expect.poll(backfilled, SLOW).toBe(true);
    down = true;
    // Long enough for a dozen failed renewals: a doubling wait would be past a minute by now.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    down = false;
    upstream.addEvents(5);
    await expect.poll(() => readArchiveFigures(database.db).then((f) => f.events), { timeout: 15_000 }).toBe(305);
  });

  it("lets exactly one of two instances sync, and the other takes over when it dies", SLOW, async () => {
    const upstream = simulator({ events: 1500 });
    // Each instance has its own connection (its own pool on a server; PGlite has one connection).
    const second = testDb.target.kind === "server" ? await openArchiveDatabase(testDb.target) : database;
    if (second !== database) cleanups.push(() => second.close());
    const a = syncer({ instance: "instance-a", client: simulatorClient(upstream) });
    const b = syncer({ instance: "instance-b", db: second.db, client: simulatorClient(upstream) });

    await expect.poll(() => a.isSyncing() || b.isSyncing(), SLOW).toBe(true);
    const [holder, other] = a.isSyncing() ? [a, b] : [b, a];
    expect(other.isSyncing()).toBe(false);
    expect((await readArchiveFigures(database.db)).syncing_instance).toBe(holder.instance);

    await holder.stop({ release: false });
    await expect.poll(() => other.isSyncing(), SLOW).toBe(true);
    await expect.poll(() => readArchiveFigures(database.db).then((f) => f.syncing_instance), SLOW).toBe(other.instance);
    await expect.poll(backfilled, SLOW).toBe(true);
    expect(await archivedTrail(database.db)).toEqual(simulatorTrail(upstream));
  });

  it("passes a nudge on an instance that does not sync to the one that does", SLOW, async () => {
    const upstream = simulator({ events: 300 });
    const second = testDb.target.kind === "server" ? await openArchiveDatabase(testDb.target) : database;
    if (second !== database) cleanups.push(() => second.close());
    // Follow walks answered so far, by either instance.
    let followed = 0;
    const counting = () =>
      simulatorClient(upstream, {
        fetch: (base) => async (url, init) => {
          const response = await base(url, init);
          if (new URL(url).searchParams.has("start_date")) followed += 1;
          return response;
        },
      });
    // An interval far longer than the test: only the nudge can bring the new events in.
    const a = syncer({ instance: "instance-a", intervalMs: 600_000, client: counting() });
    const b = syncer({ instance: "instance-b", intervalMs: 600_000, db: second.db, client: counting() });
    await expect.poll(backfilled, SLOW).toBe(true);
    // The holder follows once right after the backfill; the new events must come after that.
    await expect.poll(() => followed, SLOW).toBeGreaterThan(0);
    const other = a.isSyncing() ? b : a;
    expect(other.isSyncing()).toBe(false);

    upstream.addEvents(3);
    other.nudge();
    await expect.poll(() => archivedTrail(database.db), { timeout: 60_000 }).toEqual(simulatorTrail(upstream));
    expect(simulatorTrail(upstream)).toHaveLength(303);
  });

  it("with ARCHIVE_RETENTION_DAYS prunes older events and backfills only those inside it", SLOW, async () => {
    const upstream = simulator({ events: 1000 });
    // An event archived long ago, before the retention was set.
    const ancient = expectedEvents(upstream).at(-1)!;
    await acquireSyncLease(database.db, "earlier", 60_000);
    await storePage(database.db, "earlier", [ancient], { walk: "follow", next: "x" });
    await releaseSyncLease(database.db, "earlier");

    // The simulator's trail ends at NOW; the syncer's clock runs from there too.
    const offset = Date.now() - Date.parse(NOW);
    const clock = { ...systemClock, now: () => Date.now() - offset };
    const oldest = new Date(Date.parse(NOW) - 30 * 86_400_000).toISOString();
    syncer({ client: simulatorClient(upstream), retentionDays: 30, clock });
    await expect.poll(backfilled, SLOW).toBe(true);
    const newest = new Date(clock.now() - 30 * 86_400_000).toISOString();

    const archived = await archivedTrail(database.db);
    const createdAt = (line: string) => line.split(" ")[1]!;
    expect(archived.length).toBeGreaterThan(0);
    expect(archived.every((line) => createdAt(line) >= oldest)).toBe(true);
    expect(ancient.created_at < oldest).toBe(true); // so it was pruned
    const kept = simulatorTrail(upstream).filter((line) => createdAt(line) >= newest);
    expect(kept.filter((line) => !archived.includes(line))).toEqual([]);
    expect(archived.length).toBeLessThan(simulatorTrail(upstream).length);
    expect((await readArchiveFigures(database.db)).events).toBe(archived.length);
  });
});
