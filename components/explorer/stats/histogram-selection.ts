import type { AuditTrailStats } from "@/lib/audit-trail-stats";

type HistogramBucket = AuditTrailStats["buckets"][number];

// What a drag across the histogram, or Enter on a bar, selects: pure, so the edges (a drag that
// runs backwards, a pointer past either end) are tested without a browser.

/** The bar under a pointer at `x` in a chart `width` wide holding `count` bars (clamped to the ends). */
export function barIndexAt(x: number, width: number, count: number): number {
  if (count === 0 || width <= 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.floor((x / width) * count)));
}

export type BarRange = { from: number; to: number };

/** The bars between two ends, in order, whichever way the drag ran. */
export function barRange(anchor: number, current: number): BarRange {
  return { from: Math.min(anchor, current), to: Math.max(anchor, current) };
}

/** The From and To a range of bars stands for: the first bar's start to the last bar's end, canonical ISO. */
export function rangeDates(buckets: readonly HistogramBucket[], { from, to }: BarRange): { start_date: string; end_date: string } {
  return {
    start_date: new Date(buckets[from]!.start).toISOString(),
    end_date: new Date(buckets[to]!.end).toISOString(),
  };
}
