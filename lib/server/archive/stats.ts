import "server-only";

import { and, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";

import {
  bucketMs,
  bucketOriginMs,
  chooseBucketWidth,
  FACET_KEYS,
  FACET_SIZE,
  type AuditTrailStats,
  type BucketWidth,
  type Facet,
  type FacetKey,
} from "@/lib/audit-trail-stats";
import type { AuditTrailFilters } from "@/lib/filters";

import type { ArchiveDb } from "./database";
import { asArchiveError } from "./errors";
import { eventTypeConditions, filterConditions } from "./filter-conditions";
import { archiveSyncState, auditEventTypeCounts, auditEventValueCounts, auditEvents as events } from "./schema";

// GET /api/audit-trail/stats from the archive: the exact total, the bars and the facets of one
// result set, from one statement (so from one snapshot): GROUPING SETS over the matching rows. A
// filter on types and dates only (the explorer's default view, a group over a month) reads most of
// them from the counts kept beside the events (rollups.ts): whole UTC days and months from the
// counts, the partial days at the range's ends from the events themselves. When the range is open at
// either end, the bars span the matching events: a cheap query finds that span first for the counts,
// and other filters get it from the same pass as their bars (countOpenRange).

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

type Span = { fromMs: number; toMs: number };

/** The matching events' first and last instants (ms), for an open range; null when nothing matches. */
async function matchingSpan(db: ArchiveDb, filters: AuditTrailFilters): Promise<Span | null> {
  const [row] = await db
    .select({
      first: sql<string | null>`floor(extract(epoch from min(${events.created_at})) * 1000)::text`,
      last: sql<string | null>`floor(extract(epoch from max(${events.created_at})) * 1000)::text`,
    })
    .from(events)
    .where(and(...filterConditions(filters)));
  if (!row || row.first === null || row.last === null) return null;
  // One past the last event, so that its bar is drawn.
  return { fromMs: Number(row.first), toMs: Number(row.last) + 1 };
}

/** Instants [from, to) in ms; an undefined end is open. */
type Interval = { from?: number; to?: number };

const iso = (ms: number) => new Date(ms).toISOString();

function within(column: AnyPgColumn, { from, to }: Interval): SQL {
  return and(
    sql`true`,
    from === undefined ? undefined : sql`${column} >= ${iso(from)}::timestamptz`,
    to === undefined ? undefined : sql`${column} < ${iso(to)}::timestamptz`,
  )!;
}

function floorMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function ceilMonth(ms: number): number {
  const floor = floorMonth(ms);
  return floor === ms ? ms : Date.UTC(new Date(floor).getUTCFullYear(), new Date(floor).getUTCMonth() + 1, 1);
}

/** Only types, groups and dates: the dimensions the counts are kept by. */
function countsServe({ user_email, role, actor, ip, q }: AuditTrailFilters): boolean {
  const none = (filter: { include: unknown[]; exclude: unknown[] } | undefined) => !filter || filter.include.length + filter.exclude.length === 0;
  return none(user_email) && none(role) && none(ip) && actor === undefined && (q === undefined || q === "");
}

/** What the counts answer for: whole days (and the whole months among them), and which bars they give. */
type Counted = { days: Interval; months?: Interval; barUnit: "hour" | "day" };

/**
 * The whole UTC days strictly inside the range (bounds are strict, so a day starting exactly at
 * start_date is not whole), when the counts serve these filters and bars are whole hours;
 * undefined when the events themselves must be read.
 */
function countedPart(filters: AuditTrailFilters, given: { fromMs?: number; toMs?: number }, stepMs: number): Counted | undefined {
  if (!countsServe(filters) || stepMs % HOUR_MS !== 0) return undefined;
  const days: Interval = {
    from: given.fromMs === undefined ? undefined : (Math.floor(given.fromMs / DAY_MS) + 1) * DAY_MS,
    to: given.toMs === undefined ? undefined : Math.floor(given.toMs / DAY_MS) * DAY_MS,
  };
  if (days.from !== undefined && days.to !== undefined && days.from >= days.to) return undefined;
  const months: Interval = {
    from: days.from === undefined ? undefined : ceilMonth(days.from),
    to: days.to === undefined ? undefined : floorMonth(days.to),
  };
  const noMonth = months.from !== undefined && months.to !== undefined && months.from >= months.to;
  return { days, months: noMonth ? undefined : months, barUnit: stepMs % DAY_MS === 0 ? "day" : "hour" };
}

/**
 * The rows GROUPING SETS adds up: `at` places a row in a bar, `facet_n` counts it in the total and
 * the facets, `bar_n` in its bar. Events count once in both; the value counts only in the total
 * and facets (no bar: `at` null), the type counts only in the bars (no values: null).
 */
function parts(filters: AuditTrailFilters, counted: Counted | undefined): SQL {
  const matching = filterConditions(filters, "all");
  const eventRows = (edge: SQL | undefined) => sql`select ${events.created_at} as at, lower(${events.user_email}) as user_email,
      ${events.event_type} as event_type, ${events.role} as role, ${events.ip_address} as ip_address, 1 as facet_n, 1 as bar_n
    from ${events} where ${and(sql`true`, ...matching, edge)}`;
  if (!counted) return eventRows(undefined);

  const { days, months, barUnit } = counted;
  // The partial days at either end, each its own index range.
  const branches: SQL[] = [];
  if (days.from !== undefined) branches.push(eventRows(sql`${events.created_at} < ${iso(days.from)}::timestamptz`));
  if (days.to !== undefined) branches.push(eventRows(sql`${events.created_at} >= ${iso(days.to)}::timestamptz`));

  const values = auditEventValueCounts;
  const valueTypes = eventTypeConditions(values.event_type, filters);
  const wholeMonths = months && and(sql`${values.unit} = 'month'`, within(values.start, months));
  const otherDays = and(
    sql`${values.unit} = 'day'`,
    within(values.start, days),
    months && sql`not (${within(values.start, months)})`,
  );
  branches.push(sql`select null::timestamptz, ${values.user_email}, ${values.event_type}, ${values.role}, ${values.ip_address}, ${values.count}, 0
    from ${values} where ${and(sql`true`, ...valueTypes, wholeMonths ? or(wholeMonths, otherDays) : otherDays)}`);

  const types = auditEventTypeCounts;
  branches.push(sql`select ${types.start}, null, null, null, null, 0, ${types.count}
    from ${types} where ${and(sql`${types.unit} = ${barUnit}`, ...eventTypeConditions(types.event_type, filters), within(types.start, days))}`);
  return sql.join(branches, sql` union all `);
}

const groupRowsSchema = z.object({
  rows: z.array(
    z.object({
      /** GROUPING() bits, one per grouped expression in order: set means "not grouped by this one". */
      grouping: z.coerce.number(),
      bucket: z.string().nullable(),
      user_email: z.string().nullable(),
      event_type: z.string().nullable(),
      role: z.string().nullable(),
      ip_address: z.string().nullable(),
      count: z.coerce.number(),
      bar_count: z.coerce.number(),
      /** The first and last matching instants (ms) of the rows grouped; null where none has one. */
      first: z.string().nullable(),
      last: z.string().nullable(),
    }),
  ),
});

/** Most frequent first, then by value (code units, so JavaScript and any collation agree). */
function topValues(counts: Facet[]): Facet[] {
  return counts
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, FACET_SIZE);
}

export type StatsOptions = {
  /** ARCHIVE_RETENTION_DAYS: events older than this many days are pruned, so older ranges are only in part. */
  retentionDays?: number;
  now?: () => number;
};

export async function archiveStats(db: ArchiveDb, filters: AuditTrailFilters, options: StatsOptions = {}): Promise<AuditTrailStats> {
  try {
    // Side by side: on a server they run on two connections.
    const [counts, coverage] = await Promise.all([
      countMatching(db, filters),
      readCoverage(db, filters, options.retentionDays, (options.now ?? Date.now)()),
    ]);
    return { ...counts, coverage };
  } catch (error) {
    throw asArchiveError(error);
  }
}

type Given = { fromMs?: number; toMs?: number };
type Counts = Omit<AuditTrailStats, "coverage">;
type GroupRow = z.infer<typeof groupRowsSchema>["rows"][number];

const HOURLY: BucketWidth = { unit: "hour", size: 1 };

async function countMatching(db: ArchiveDb, filters: AuditTrailFilters): Promise<Counts> {
  const given: Given = {
    fromMs: filters.start_date === undefined ? undefined : Date.parse(filters.start_date),
    toMs: filters.end_date === undefined ? undefined : Date.parse(filters.end_date),
  };
  const open = given.fromMs === undefined || given.toMs === undefined;
  if (open && !countsServe(filters)) return countOpenRange(db, filters, given);

  const span = open ? await matchingSpan(db, filters) : null;
  if (open && span === null) return nothingMatches();
  const fromMs = given.fromMs ?? span!.fromMs;
  const toMs = given.toMs ?? span!.toMs;
  const width = chooseBucketWidth(toMs - fromMs);
  const rows = await groupMatching(db, filters, width, countedPart(filters, given, bucketMs(width)));
  return summarize(rows, width, { fromMs, toMs });
}

/**
 * An open range the counts cannot serve (people, roles, IPs, actor, text): one pass over the matching
 * events gives their span with hourly bars, so they are read once, not once for the span and again
 * for the bars. Hours add up to any wider bar (all start on whole hours); a span of matches under
 * about two and a half days has bars of minutes, and takes a second pass at that width.
 */
async function countOpenRange(db: ArchiveDb, filters: AuditTrailFilters, given: Given): Promise<Counts> {
  const hourly = await groupMatching(db, filters, HOURLY, undefined);
  const whole = hourly.find((row) => row.grouping === ALL_GROUPED);
  if (!whole || whole.count === 0 || whole.first === null || whole.last === null) return nothingMatches();
  // One past the last event, so that its bar is drawn.
  const range = { fromMs: given.fromMs ?? Number(whole.first), toMs: given.toMs ?? Number(whole.last) + 1 };
  const width = chooseBucketWidth(range.toMs - range.fromMs);
  const rows = bucketMs(width) % HOUR_MS === 0 ? hourly : await groupMatching(db, filters, width, undefined);
  return summarize(rows, width, range);
}

/** GROUPING SETS over the matching rows: the bars at `width`, the four facets, the total and the span. */
async function groupMatching(db: ArchiveDb, filters: AuditTrailFilters, width: BucketWidth, counted: Counted | undefined): Promise<GroupRow[]> {
  // Values of our own, written into the SQL: as parameters, the same expression in SELECT and in
  // GROUP BY would be two different ones to PostgreSQL. date_bin, not arithmetic on the epoch: that
  // is numeric, and made the grouping three times slower.
  const bucket = sql`date_bin(interval '${sql.raw(String(bucketMs(width)))} milliseconds', at, timestamptz '${sql.raw(iso(bucketOriginMs(width)))}')`;
  // Both drivers answer raw SQL with `rows` (the generic database type does not say so).
  const { rows } = groupRowsSchema.parse(
    await db.execute(sql`
      select grouping(bucket, user_email, event_type, role, ip_address) as grouping,
        (extract(epoch from bucket) * 1000)::bigint::text as bucket, user_email, event_type, role, ip_address,
        sum(facet_n) as count, sum(bar_n) as bar_count,
        floor(extract(epoch from min(at)) * 1000)::text as first, floor(extract(epoch from max(at)) * 1000)::text as last
      from (
        select ${bucket} as bucket, at, user_email, event_type, role, ip_address, facet_n, bar_n
        from (${parts(filters, counted)}) as parts(at, user_email, event_type, role, ip_address, facet_n, bar_n)
      ) as binned
      group by grouping sets ((bucket), (user_email), (event_type), (role), (ip_address), ())
    `),
  );
  return rows;
}

// GROUPING() sets bit 4 for the first argument (the bucket) down to bit 0 for the last (the IP).
const ALL_GROUPED = 0b11111;
const ALL_BUT = { bucket: 0b01111, user_email: 0b10111, event_type: 0b11011, role: 0b11101, ip_address: 0b11110 } as const;

/** The answer from grouped rows whose bars are `width` wide or narrower (whole parts of it), over [fromMs, toMs). */
function summarize(rows: GroupRow[], width: BucketWidth, { fromMs, toMs }: Span): Counts {
  const stepMs = bucketMs(width);
  const originMs = bucketOriginMs(width);
  const byBucket = new Map<number, number>();
  const facetCounts: Record<FacetKey, Facet[]> = { user_email: [], event_type: [], role: [], ip_address: [] };
  let total = 0;
  for (const row of rows) {
    if (row.grouping === ALL_GROUPED) total = row.count;
    else if (row.grouping === ALL_BUT.bucket) {
      // The value counts' rows, which have no bar, meet under a null bucket.
      if (row.bucket === null) continue;
      const index = Math.floor((Number(row.bucket) - originMs) / stepMs);
      byBucket.set(index, (byBucket.get(index) ?? 0) + row.bar_count);
    } else {
      for (const key of FACET_KEYS) {
        // An event without an email is not a value of the email facet; the type counts' rows,
        // which have no values, meet under null too. A value counted only in bars counts zero.
        if (row.grouping === ALL_BUT[key] && row[key] !== null && row.count > 0) facetCounts[key].push({ value: row[key]!, count: row.count });
      }
    }
  }

  const first = Math.floor((fromMs - originMs) / stepMs);
  const last = Math.ceil((toMs - originMs) / stepMs) - 1;
  const buckets: AuditTrailStats["buckets"] = [];
  for (let index = first; index <= last; index += 1) {
    const start = Math.max(originMs + index * stepMs, fromMs);
    const end = Math.min(originMs + (index + 1) * stepMs, toMs);
    buckets.push({ start: iso(start), end: iso(end), count: byBucket.get(index) ?? 0 });
  }
  return {
    total,
    bucket: width,
    buckets,
    facets: {
      user_email: topValues(facetCounts.user_email),
      event_type: topValues(facetCounts.event_type),
      role: topValues(facetCounts.role),
      ip_address: topValues(facetCounts.ip_address),
    },
  };
}

function nothingMatches(): Counts {
  return { total: 0, bucket: chooseBucketWidth(0), buckets: [], facets: emptyFacets() };
}

function emptyFacets(): AuditTrailStats["facets"] {
  return { user_email: [], event_type: [], role: [], ip_address: [] };
}

async function readCoverage(
  db: ArchiveDb,
  filters: AuditTrailFilters,
  retentionDays: number | undefined,
  nowMs: number,
): Promise<AuditTrailStats["coverage"]> {
  const [row] = await db
    .select({
      complete: archiveSyncState.backfill_complete,
      oldest: sql<string | null>`(select to_char(min(${events.created_at}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') from ${events})`,
    })
    .from(archiveSyncState);
  const cutoffMs = retentionDays === undefined ? undefined : nowMs - retentionDays * 86_400_000;
  const reachesPruned = cutoffMs !== undefined && (filters.start_date === undefined || Date.parse(filters.start_date) < cutoffMs);
  return { complete: (row?.complete ?? false) && !reachesPruned, oldest_event_at: row?.oldest ?? null };
}
