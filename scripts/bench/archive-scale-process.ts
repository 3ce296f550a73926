// The bench's hands on a large archive, in a process of its own (PGlite holds its folder for one
// process, and the app opens the same folder afterwards). It fills the archive at ARCHIVE_DIR, or
// at DATABASE_URL, with BENCH_ARCHIVE_EVENTS events of the simulator's data set through the
// store's own write, then times the store's own query, listArchivedEvents, for each filter of
// the explorer, and the stats the explorer asks beside its first page (archiveStats). Prints one
// JSON line. Run with
// `node --conditions=react-server --import tsx scripts/bench/archive-scale-process.ts`
// (the condition lets `server-only` load outside Next, as Next's server bundles do).

import { sql } from "drizzle-orm";
import { z } from "zod";

import type { AuditEvent } from "@/lib/audit-event";
import { parseAuditTrailQuery, QUERY_KEYS } from "@/lib/filters";
import { openArchiveDatabase, type ArchiveDb } from "@/lib/server/archive/database";
import { archiveStats } from "@/lib/server/archive/stats";
import { acquireSyncLease, ensureSyncState, listArchivedEvents, storePage } from "@/lib/server/archive/store";
import { createSimulator } from "@/lib/simulator";

const CHUNK = 20_000;
const indexRowsSchema = z.object({ rows: z.array(z.object({ name: z.string(), definition: z.string() })) });
const LOADER = "bench-loader";
const QUERY_RUNS = 60;
const QUERY_MAX_MS = 10_000;
// A stats pass can take seconds on a million events: fewer runs, each case bounded in time.
const STATS_RUNS = 20;
const STATS_MAX_MS = 20_000;

/**
 * Stores the data set newest first, as the backfill would, through `storePage`: the sync state ends
 * as after a complete backfill (watermark, counts). The secondary indexes are dropped during the
 * load and built again from their own definitions: one sort is far cheaper than a million inserts
 * into three trees, and leaves the same indexes.
 */
async function fill(db: ArchiveDb, events: number): Promise<{ seconds: number; indexSeconds: number }> {
  const started = performance.now();
  const { dataset } = createSimulator({ events });
  await ensureSyncState(db);
  if (!(await acquireSyncLease(db, LOADER, 3_600_000))) throw new Error("Another instance holds the archive's sync lease");
  // Both drivers answer raw SQL with `rows` (the generic database type does not say so).
  const indexes = indexRowsSchema.parse(
    await db.execute(
      sql`select indexname as name, indexdef as definition from pg_indexes
          where tablename = 'audit_events' and indexname <> 'audit_events_pkey'`,
    ),
  );
  for (const { name } of indexes.rows) await db.execute(sql.raw(`drop index "${name}"`));
  for (let end = dataset.size; end > 0; end -= CHUNK) {
    const chunk: AuditEvent[] = [];
    for (let index = end - 1; index >= Math.max(0, end - CHUNK); index -= 1) chunk.push(dataset.event(index));
    const top = end === dataset.size ? chunk[0]?.created_at : undefined;
    await storePage(db, LOADER, chunk, { walk: "backfill", next: end - CHUNK > 0 ? `bench-${end - CHUNK}` : null, top });
  }
  const indexStarted = performance.now();
  for (const { definition } of indexes.rows) await db.execute(sql.raw(definition));
  // Statistics for the planner and the visibility map for index-only scans, as autovacuum leaves a
  // server's tables within minutes of a load and the syncer leaves PGlite's after each stretch of
  // inserts (maintainArchive in store.ts).
  await db.execute(sql`vacuum analyze`);
  // The lease goes, so the app that opens this archive next syncs at once.
  await db.execute(sql`update archive_sync_state set holder = null, lease_expires_at = null`);
  return { seconds: (performance.now() - started) / 1000, indexSeconds: (performance.now() - indexStarted) / 1000 };
}

type Timed = { filter: string; query: Record<string, string>; p50: number; p95: number; rows: number; runs: number };

/** The query the API would make of these parameters (parsed as the route parses them). */
function parse(filter: string, params: Record<string, string | number>) {
  const search = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
  const parsed = parseAuditTrailQuery(search, { allow: QUERY_KEYS });
  if (!parsed.ok) throw new Error(`${filter}: ${parsed.error.field}: ${parsed.error.message}`);
  return { search, query: parsed.value };
}

/**
 * p50 and p95 of `measure` (which answers a row count), over at most `runs` runs and about `maxMs`;
 * the first `warm` runs only warm the plan cache and the pages the query reads.
 */
async function timeRuns(
  filter: string,
  search: URLSearchParams,
  measure: () => Promise<number>,
  { runs, maxMs, warm }: { runs: number; maxMs: number; warm: number },
): Promise<Timed> {
  const timings: number[] = [];
  let rows = 0;
  const started = performance.now();
  for (let run = 0; run < runs && (run <= warm || performance.now() - started < maxMs); run += 1) {
    const t0 = performance.now();
    rows = await measure();
    if (run >= warm) timings.push(performance.now() - t0);
  }
  timings.sort((a, b) => a - b);
  const at = (share: number) => timings[Math.min(timings.length - 1, Math.floor(timings.length * share))] ?? Number.NaN;
  return { filter, query: Object.fromEntries(search), p50: at(0.5), p95: at(0.95), rows, runs: timings.length };
}

async function time(db: ArchiveDb, filter: string, params: Record<string, string | number>): Promise<Timed> {
  const { search, query } = parse(filter, params);
  return timeRuns(filter, search, async () => (await listArchivedEvents(db, query)).results.length, {
    runs: QUERY_RUNS,
    maxMs: QUERY_MAX_MS,
    warm: 5,
  });
}

/**
 * What the explorer waits for before its view is whole: the stats (total, bars, facets) and the
 * first page, asked together as the page asks them. `rows` is the total.
 */
async function timeStats(db: ArchiveDb, filter: string, params: Record<string, string | number>): Promise<Timed> {
  const { search, query } = parse(filter, params);
  return timeRuns(
    filter,
    search,
    async () => {
      const [stats] = await Promise.all([archiveStats(db, query), listArchivedEvents(db, query)]);
      return stats.total;
    },
    { runs: STATS_RUNS, maxMs: STATS_MAX_MS, warm: 1 },
  );
}

/** No filter (the explorer's default view), the typical one (a group, 30 days), and a text search. */
async function timeStatsCases(db: ArchiveDb): Promise<Timed[]> {
  const newest = (await listArchivedEvents(db, { page_size: 1 })).results[0];
  if (!newest) throw new Error("The archive is empty");
  const end = Date.parse(newest.created_at) - 15 * 86_400_000;
  const range = { start_date: new Date(end - 30 * 86_400_000).toISOString(), end_date: new Date(end).toISOString() };
  const pageSize = { page_size: 30 };
  return [
    await timeStats(db, "none", { ...pageSize }),
    await timeStats(db, "event_group + 30 days", { ...pageSize, event_group: "linked_accounts", ...range }),
    await timeStats(db, "q (text search)", { ...pageSize, q: "Greenhouse" }),
  ];
}

/**
 * Text search's first page (issue #13's budget on the server): a word in 4% of the events, the
 * whole description of one event in the middle of the trail (a handful of matches: the planner must
 * not walk the million looking for them), and words that match nothing.
 */
async function timeSearches(db: ArchiveDb): Promise<Timed[]> {
  const middle = (await listArchivedEvents(db, { page_size: 1, end_date: new Date(Date.now() - 45 * 86_400_000).toISOString() })).results[0];
  if (!middle) throw new Error("No event 45 days back");
  const pageSize = { page_size: 30 };
  return [
    await time(db, "q, a common word", { ...pageSize, q: "Greenhouse" }),
    await time(db, "q, one event's description", { ...pageSize, q: middle.event_description.slice(0, 200) }),
    await time(db, "q, no match", { ...pageSize, q: "no such words anywhere" }),
  ];
}

/** The explorer's filters, from a recent event's user and type, and a week in the middle of the trail. */
async function timeFilters(db: ArchiveDb): Promise<Timed[]> {
  const newest = (await listArchivedEvents(db, { page_size: 100 })).results;
  const sample = newest.find((event) => event.user_email) ?? newest[0];
  if (!sample?.user_email) throw new Error("No event with a user email among the newest");
  const middle = Date.parse(newest[newest.length - 1]!.created_at) - 45 * 86_400_000;
  const range = { start_date: new Date(middle).toISOString(), end_date: new Date(middle + 7 * 86_400_000).toISOString() };
  const pageSize = { page_size: 30 };
  return [
    await time(db, "none", { ...pageSize }),
    await time(db, "user_email", { ...pageSize, user_email: sample.user_email.toUpperCase() }),
    await time(db, "event_type", { ...pageSize, event_type: sample.event_type }),
    await time(db, "date range (7 days)", { ...pageSize, ...range }),
    await time(db, "user_email + event_type + date range", {
      ...pageSize,
      user_email: sample.user_email,
      event_type: sample.event_type,
      ...range,
    }),
  ];
}

async function main(): Promise<void> {
  const env = process.env;
  const events = Number(env.BENCH_ARCHIVE_EVENTS ?? "1000000");
  const database = await openArchiveDatabase(
    env.DATABASE_URL ? { kind: "server", url: env.DATABASE_URL } : { kind: "embedded", dir: env.ARCHIVE_DIR },
  );
  try {
    const filled = await fill(database.db, events);
    const queries = await timeFilters(database.db);
    const searches = await timeSearches(database.db);
    const stats = await timeStatsCases(database.db);
    console.log(JSON.stringify({ events, fill: filled, queries, searches, stats }));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
