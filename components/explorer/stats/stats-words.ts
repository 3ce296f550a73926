// The words of the result set's figures: the total, and a histogram bucket's span and count. Kept
// apart from the components so they read right in a test, in any time zone.

import { formatPerZone } from "@/lib/time-zone";

const number = (n: number) => n.toLocaleString("en-US");

/** "1,204 events match", "1 event matches", "No events match". */
export function matchTotalText(total: number): string {
  if (total === 0) return "No events match";
  return total === 1 ? "1 event matches" : `${number(total)} events match`;
}

/** Whether the figures count everything Merge holds for the filters, or only what the archive holds so far. */
export function coverageText(coverage: { complete: boolean; oldest_event_at: string | null }): string {
  if (coverage.complete) return "Counted over the whole archive";
  if (coverage.oldest_event_at === null) return "Counts only part of the trail: the archive is still filling";
  return `Counts only part of the trail: the archive holds events since ${coverage.oldest_event_at.slice(0, 10)}`;
}

/** "12 events", "1 event", "No events". */
export function eventCountText(count: number): string {
  if (count === 0) return "No events";
  return count === 1 ? "1 event" : `${number(count)} events`;
}

const spanFormat = formatPerZone("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A bucket's span in the explorer's time zone, shared parts once: "Nov 3, 2026, 09:00 – 10:00". */
export function bucketSpanText(start: string, end: string, timeZone: string): string {
  // ICU puts thin spaces around the dash: plain ones read (and match in a search) the same everywhere.
  return spanFormat(timeZone).formatRange(new Date(start), new Date(end)).replace(/[\u2009\u202f]/g, " ");
}

/** A bar's accessible name and tooltip: its count, then its span. */
export function bucketText(bucket: { start: string; end: string; count: number }, timeZone: string): string {
  return `${eventCountText(bucket.count)}, ${bucketSpanText(bucket.start, bucket.end, timeZone)}`;
}
