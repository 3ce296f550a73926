import type { AuditTrailFilters } from "@/lib/filters";

// Date range presets, written to the URL in Merge's own vocabulary: a preset becomes absolute
// dates at the moment it is chosen. "Last hour" and the like are a start (now minus a duration) and
// no end; "Yesterday", "This week", "Last week" and "This month" are calendar periods in the
// browser's zone (weeks start on Monday), with an end where the period is over. No extra `range`
// parameter exists, so the page remembers which preset wrote which range (see activePreset).

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export type DateRange = Pick<AuditTrailFilters, "start_date" | "end_date">;

const last = (durationMs: number) => (now: Date): DateRange => ({ start_date: new Date(now.getTime() - durationMs).toISOString() });

/** Local midnight `days` days after the day of `date` (negative: before). */
function localMidnight(date: Date, days = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Local midnight of the Monday that starts the week of `date`. */
function startOfWeek(date: Date): Date {
  return localMidnight(date, -((date.getDay() + 6) % 7));
}

const between = (start: Date, end?: Date): DateRange => ({
  start_date: start.toISOString(),
  ...(end && { end_date: end.toISOString() }),
});

export const DATE_PRESETS = [
  { id: "last-hour", label: "Last hour", range: last(HOUR_MS) },
  { id: "last-24-hours", label: "Last 24 hours", range: last(DAY_MS) },
  { id: "last-7-days", label: "Last 7 days", range: last(7 * DAY_MS) },
  { id: "last-30-days", label: "Last 30 days", range: last(30 * DAY_MS) },
  { id: "last-90-days", label: "Last 90 days", range: last(90 * DAY_MS) },
  { id: "yesterday", label: "Yesterday", range: (now: Date) => between(localMidnight(now, -1), localMidnight(now)) },
  { id: "this-week", label: "This week", range: (now: Date) => between(startOfWeek(now)) },
  {
    id: "last-week",
    label: "Last week",
    range: (now: Date) => between(localMidnight(startOfWeek(now), -7), startOfWeek(now)),
  },
  { id: "this-month", label: "This month", range: (now: Date) => between(new Date(now.getFullYear(), now.getMonth(), 1)) },
  { id: "all-time", label: "All time", range: (): DateRange => ({}) },
] as const;

export type DatePreset = (typeof DATE_PRESETS)[number];

export const CUSTOM_LABEL = "Custom";

const ALL_TIME = DATE_PRESETS[DATE_PRESETS.length - 1]!;

/** True for "All time", the preset that is no date filter at all. */
export function isAllTime(preset: DatePreset): boolean {
  return preset === ALL_TIME;
}

/** The preset with this id (e.g. a <select> value), or undefined. */
export function findDatePreset(id: string): DatePreset | undefined {
  return DATE_PRESETS.find((preset) => preset.id === id);
}

/** The absolute range a preset stands for at `now` ("all time": no dates). */
export function presetRange(preset: DatePreset, now: Date): DateRange {
  return preset.range(now);
}

/** Ranges written by presets in this page session (see rangeKey), mapped to the preset that wrote them. */
export type ChosenPresets = ReadonlyMap<string, DatePreset>;

/** The key a written range is remembered under: both of its dates. */
export function rangeKey(range: DateRange): string {
  return `${range.start_date ?? ""}/${range.end_date ?? ""}`;
}

/**
 * The preset the date control shows: "All time" without dates, otherwise the one that wrote exactly
 * the URL's range while it is still there; null, shown as "Custom", for any other range (this
 * includes shared links, whose ranges are frozen and therefore absolute).
 */
export function activePreset(range: DateRange, chosen: ChosenPresets): DatePreset | null {
  if (!range.start_date && !range.end_date) return ALL_TIME;
  return chosen.get(rangeKey(range)) ?? null;
}

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
