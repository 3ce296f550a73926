import { z } from "zod";

// GET /api/audit-trail/stats: what the archive counts for a set of filters (the total, events over
// time, the top values), shared by the server that answers and the browser that reads it.

export const FACET_KEYS = ["user_email", "event_type", "role", "ip_address"] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** How many values each facet lists, most frequent first. */
export const FACET_SIZE = 10;

export const BUCKET_UNITS = ["minute", "hour", "day", "week"] as const;
export type BucketUnit = (typeof BUCKET_UNITS)[number];

const UNIT_MS: Record<BucketUnit, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** A bar's width: `size` minutes, hours, days or weeks. */
export type BucketWidth = { unit: BucketUnit; size: number };

// Each width at most four times the one before it, so one of them always gives 30 to 120 bars.
const LADDER: BucketWidth[] = [
  ...[1, 2, 5, 10, 15, 30].map((size) => ({ unit: "minute" as const, size })),
  ...[1, 2, 3, 6, 12].map((size) => ({ unit: "hour" as const, size })),
  ...[1, 2].map((size) => ({ unit: "day" as const, size })),
  ...[1, 2, 4, 8, 13, 26, 52].map((size) => ({ unit: "week" as const, size })),
];

export const MAX_BARS = 120;
export const MIN_BARS = 30;

export function bucketMs(width: BucketWidth): number {
  return UNIT_MS[width.unit] * width.size;
}

/**
 * The narrowest width that draws a span of `spanMs` in at most MAX_BARS bars (counting the partial
 * bars at either end), so 30 to 120 bars unless the span is under half an hour.
 */
export function chooseBucketWidth(spanMs: number): BucketWidth {
  const fits = (width: BucketWidth) => Math.ceil(spanMs / bucketMs(width)) + 1 <= MAX_BARS;
  const found = LADDER.find(fits);
  if (found) return found;
  // Centuries: whole years of weeks, as many as it takes.
  const years = Math.ceil(spanMs / (bucketMs({ unit: "week", size: 52 }) * (MAX_BARS - 1)));
  return { unit: "week", size: 52 * years };
}

/**
 * Where bars start: minutes, hours and days at multiples of their width since 1970-01-01 (UTC),
 * weeks on Mondays (1970-01-05), so equal widths always give the same bars.
 */
export function bucketOriginMs(width: BucketWidth): number {
  return width.unit === "week" ? 4 * UNIT_MS.day : 0;
}

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int().nonnegative() }));

export const auditTrailStatsSchema = z.object({
  /** Exact: every archived event the filters match. */
  total: z.number().int().nonnegative(),
  bucket: z.object({ unit: z.enum(BUCKET_UNITS), size: z.number().int().positive() }),
  /**
   * Every bar from the range's start to its end, empty ones included, oldest first. Half-open
   * [start, end) in ISO UTC; the first and last are cut to start_date and end_date when given.
   * Without a bound, the range is the matching events' own span (no bars when nothing matches).
   */
  buckets: z.array(z.object({ start: z.string(), end: z.string(), count: z.number().int().nonnegative() })),
  /** The top values of the result set, FACET_SIZE at most each, by count then value. Emails lower-case. */
  facets: z.object({
    user_email: facetSchema,
    event_type: facetSchema,
    role: facetSchema,
    ip_address: facetSchema,
  }),
  /**
   * Whether the counts cover everything Merge holds for these filters. Not while the first backfill
   * runs, nor for a range reaching before ARCHIVE_RETENTION_DAYS; oldest_event_at says where the
   * archive starts.
   */
  coverage: z.object({ complete: z.boolean(), oldest_event_at: z.string().nullable() }),
});

export type AuditTrailStats = z.infer<typeof auditTrailStatsSchema>;
export type Facet = AuditTrailStats["facets"][FacetKey][number];
