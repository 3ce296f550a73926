import type { AuditTrailFilters } from "@/lib/filters";

// Relative date ranges, written to the URL in Merge's own vocabulary: a preset becomes an absolute
// start_date (now minus its duration) and no end_date. No extra `range` parameter exists, so the
// preset's name is remembered by the page for the start dates it wrote (see activePreset).

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const DATE_PRESETS = [
  { id: "last-hour", label: "Last hour", durationMs: HOUR_MS },
  { id: "last-24-hours", label: "Last 24 hours", durationMs: DAY_MS },
  { id: "last-7-days", label: "Last 7 days", durationMs: 7 * DAY_MS },
  { id: "last-30-days", label: "Last 30 days", durationMs: 30 * DAY_MS },
  { id: "last-90-days", label: "Last 90 days", durationMs: 90 * DAY_MS },
  { id: "all-time", label: "All time", durationMs: null },
] as const;

export type DatePreset = (typeof DATE_PRESETS)[number];
export type DateRange = Pick<AuditTrailFilters, "start_date" | "end_date">;

export const CUSTOM_LABEL = "Custom";

/** The preset with this id (e.g. a <select> value), or undefined. */
export function findDatePreset(id: string): DatePreset | undefined {
  return DATE_PRESETS.find((preset) => preset.id === id);
}

/** The range a preset stands for at `now`: an absolute start and an open end ("all time": neither). */
export function presetRange(preset: DatePreset, now: Date): DateRange {
  if (preset.durationMs === null) return {};
  return { start_date: new Date(now.getTime() - preset.durationMs).toISOString() };
}

/** Start dates written by presets in this page session, mapped to the preset that wrote them. */
export type ChosenPresets = ReadonlyMap<string, DatePreset>;

const ALL_TIME = DATE_PRESETS[5];

/**
 * The preset the date control shows: the one that wrote the URL's start while that start is still
 * there (open-ended), "All time" without dates, otherwise null, shown as "Custom" (this includes
 * shared links, whose ranges are frozen and therefore absolute).
 */
export function activePreset(range: DateRange, chosen: ChosenPresets): DatePreset | null {
  if (!range.start_date && !range.end_date) return ALL_TIME;
  if (range.start_date && !range.end_date) return chosen.get(range.start_date) ?? null;
  return null;
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
