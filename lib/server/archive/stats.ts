import "server-only";

import { and, sql } from "drizzle-orm";

import {
  bucketMs,
  bucketOriginMs,
  chooseBucketWidth,
  FACET_KEYS,
  FACET_SIZE,
  type AuditTrailStats,
  type Facet,
  type FacetKey,
} from "@/lib/audit-trail-stats";
import type { AuditTrailFilters } from "@/lib/filters";

import type { ArchiveDb } from "./database";
import { asArchiveError } from "./errors";
import { filterConditions } from "./filter-conditions";
import { archiveSyncState, auditEvents as events } from "./schema";

// GET /api/audit-trail/stats from the archive: the exact total, the bars and the facets of one
// result set. One pass over the matching rows (GROUPING SETS) gives all three; a second, cheaper
// one finds the span first when the range is open at either end.

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

type GroupRow = {
  /** GROUPING() bits, one per grouped expression in GROUPED order: set means "not grouped by this one". */
  grouping: number;
  bucket: string | null;
  user_email: string | null;
  event_type: string | null;
  role: string | null;
  ip_address: string | null;
  count: string;
};

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
    return await computeStats(db, filters, options);
  } catch (error) {
    throw asArchiveError(error);
  }
}

async function computeStats(db: ArchiveDb, filters: AuditTrailFilters, { retentionDays, now = Date.now }: StatsOptions): Promise<AuditTrailStats> {
  const given = {
    fromMs: filters.start_date === undefined ? undefined : Date.parse(filters.start_date),
    toMs: filters.end_date === undefined ? undefined : Date.parse(filters.end_date),
  };
  const open = given.fromMs === undefined || given.toMs === undefined;
  const span = open ? await matchingSpan(db, filters) : null;
  const coverage = await readCoverage(db, filters, retentionDays, now());
  if (open && span === null) {
    const width = chooseBucketWidth(0);
    return { total: 0, bucket: width, buckets: [], facets: emptyFacets(), coverage };
  }
  const fromMs = given.fromMs ?? span!.fromMs;
  const toMs = given.toMs ?? span!.toMs;
  const width = chooseBucketWidth(toMs - fromMs);
  const stepMs = bucketMs(width);
  const originMs = bucketOriginMs(width);
  // Values of our own, written into the SQL: as parameters, the same expression in SELECT and in
  // GROUP BY would be two different ones to PostgreSQL. date_bin, not arithmetic on the epoch: that
  // is numeric, and made the grouping three times slower.
  const bucket = sql`date_bin(interval '${sql.raw(String(stepMs))} milliseconds', ${events.created_at}, timestamptz '${sql.raw(new Date(originMs).toISOString())}')`;

  const rows = await db
    .select({
      grouping: sql<number>`grouping(${bucket}, lower(${events.user_email}), ${events.event_type}, ${events.role}, ${events.ip_address})`,
      // Computed once per bar, after grouping: the bar's start in ms.
      bucket: sql<string | null>`(extract(epoch from ${bucket}) * 1000)::bigint::text`,
      user_email: sql<string | null>`lower(${events.user_email})`,
      event_type: sql<string | null>`${events.event_type}`,
      role: sql<string | null>`${events.role}`,
      ip_address: sql<string | null>`${events.ip_address}`,
      count: sql<string>`count(*)::text`,
    })
    .from(events)
    .where(and(...filterConditions(filters)))
    .groupBy(
      sql`grouping sets ((${bucket}), (lower(${events.user_email})), (${events.event_type}), (${events.role}), (${events.ip_address}), ())`,
    );

  // GROUPING() sets bit 4 for the first argument (the bucket) down to bit 0 for the last (the IP).
  const ALL_BUT = { bucket: 0b01111, user_email: 0b10111, event_type: 0b11011, role: 0b11101, ip_address: 0b11110 } as const;
  const byBucket = new Map<number, number>();
  const facetCounts: Record<FacetKey, Facet[]> = { user_email: [], event_type: [], role: [], ip_address: [] };
  let total = 0;
  for (const row of rows as GroupRow[]) {
    const count = Number(row.count);
    const grouping = Number(row.grouping);
    if (grouping === 0b11111) total = count;
    else if (grouping === ALL_BUT.bucket) byBucket.set(Math.round((Number(row.bucket) - originMs) / stepMs), count);
    else {
      for (const key of FACET_KEYS) {
        // An event without an email is not a value of the email facet.
        if (grouping === ALL_BUT[key] && row[key] !== null) facetCounts[key].push({ value: row[key]!, count });
      }
    }
  }

  const first = Math.floor((fromMs - originMs) / stepMs);
  const last = Math.ceil((toMs - originMs) / stepMs) - 1;
  const buckets: AuditTrailStats["buckets"] = [];
  for (let index = first; index <= last; index += 1) {
    const start = Math.max(originMs + index * stepMs, fromMs);
    const end = Math.min(originMs + (index + 1) * stepMs, toMs);
    buckets.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString(), count: byBucket.get(index) ?? 0 });
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
    coverage,
  };
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
