import { instantOf, wallTimeIn, type WallTime } from "@/lib/time-zone";

// Date range presets. A preset lives in the URL as `range=<id>` and stays relative: it is resolved
// into absolute dates (Merge's start_date/end_date) each time a result set is fetched, in the
// display zone for the calendar ones (weeks start on Monday), so "Last hour" after a reload, or in
// a tab left open, is still the last hour. "Copy link" freezes it into dates (freezeRange).

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type DateRange = { start_date?: string; end_date?: string };

/** The values of `range`, in the order the Date range control lists them. */
export const RANGE_IDS = [
  "1h",
  "24h",
  "7d",
  "30d",
  "90d",
  "today",
  "yesterday",
  "this_week",
  "last_week",
  "this_month",
  "last_month",
] as const;

export type RangeId = (typeof RANGE_IDS)[number];

export function isRangeId(value: string): value is RangeId {
  return (RANGE_IDS as readonly string[]).includes(value);
}

/** Midnight starting a day, in wall-clock terms (fields may overflow: instantOf rolls them over). */
const midnight = (year: number, month: number, day: number): WallTime => ({ year, month, day, hour: 0, minute: 0, second: 0 });

type Resolve = (now: Date, timeZone: string) => DateRange;

/** The last `ms` up to now, with no end: events arriving later still belong to it. */
const last =
  (ms: number): Resolve =>
  (now) => ({ start_date: new Date(now.getTime() - ms).toISOString() });

/**
 * A calendar period in `timeZone`, given as day offsets from today's date (or months, from the
 * first of this month): from the start's midnight to the end's, or open when the period is still
 * running.
 */
function calendar(bounds: (today: WallTime, weekday: number) => { start: WallTime; end?: WallTime }): Resolve {
  return (now, timeZone) => {
    const today = wallTimeIn(now, timeZone);
    // 0 = Monday; the weekday of a date does not depend on the zone once the date is known.
    const weekday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7;
    const { start, end } = bounds(today, weekday);
    return {
      start_date: instantOf(start, timeZone).toISOString(),
      ...(end && { end_date: instantOf(end, timeZone).toISOString() }),
    };
  };
}

const day = (today: WallTime, offset: number) => midnight(today.year, today.month, today.day + offset);
const month = (today: WallTime, offset: number) => midnight(today.year, today.month + offset, 1);

const RESOLVERS: Record<RangeId, Resolve> = {
  "1h": last(HOUR_MS),
  "24h": last(DAY_MS),
  "7d": last(7 * DAY_MS),
  "30d": last(30 * DAY_MS),
  "90d": last(90 * DAY_MS),
  today: calendar((today) => ({ start: day(today, 0) })),
  yesterday: calendar((today) => ({ start: day(today, -1), end: day(today, 0) })),
  this_week: calendar((today, weekday) => ({ start: day(today, -weekday) })),
  last_week: calendar((today, weekday) => ({ start: day(today, -weekday - 7), end: day(today, -weekday) })),
  this_month: calendar((today) => ({ start: month(today, 0) })),
  last_month: calendar((today) => ({ start: month(today, -1), end: month(today, 0) })),
};

/** The absolute dates a range covers at `now`, calendar days counted in `timeZone` (an IANA name). */
export function resolveRange(range: RangeId, now: Date, timeZone: string): DateRange {
  return RESOLVERS[range](now, timeZone);
}

export const RANGE_LABELS: Record<RangeId, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  today: "Today",
  yesterday: "Yesterday",
  this_week: "This week",
  last_week: "Last week",
  this_month: "This month",
  last_month: "Last month",
};

/** What the Date range control offers: the ranges, then "All time" (no dates), then "Custom" (shown, never chosen). */
export const ALL_TIME = { id: "all", label: "All time" } as const;
export const CUSTOM = { id: "custom", label: "Custom" } as const;

/**
 * The range as a teammate must see it later: an open or future end becomes `now` (the moment of
 * copying), so events that happen after the copy never show up in the shared view. When the start
 * itself is in the future the end is set to the start, which keeps today's (empty) result.
 */
export function freezeRange(range: DateRange, now: Date): DateRange {
  const nowMs = now.getTime();
  const endMs = range.end_date ? Date.parse(range.end_date) : Number.POSITIVE_INFINITY;
  if (endMs <= nowMs) return range;
  const startMs = range.start_date ? Date.parse(range.start_date) : Number.NEGATIVE_INFINITY;
  return { ...range, end_date: new Date(Math.max(nowMs, startMs)).toISOString() };
}

/** True for the ranges counted in calendar days (and so in a zone); false for "the last N hours/days". */
export function isCalendarRange(range: RangeId): boolean {
  return !/^\d/.test(range);
}
