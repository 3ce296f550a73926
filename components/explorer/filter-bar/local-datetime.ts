import { formatPerZone, instantOf, isWallTimeIn, wallTimeIn } from "@/lib/time-zone";

// "From" and "To" are typed as wall-clock time in the display zone (a text field, so each is one
// Tab stop, with a calendar button beside it), while the URL (and Merge) get ISO 8601 in UTC.

function pad(value: number, length = 2): string {
  return String(value).padStart(length, "0");
}

/** An ISO date as a `datetime-local` value in `timeZone`, to the second (the calendar's value). */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const { year, month, day, hour, minute, second } = wallTimeIn(new Date(iso), timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** A `datetime-local` value read in the browser's zone, as UTC ISO; null when empty or malformed (the activity page's fields). */
export function localInputToIso(value: string): string | null {
  // Without an offset, ECMAScript reads a date-time form as local time: what the user sees.
  if (!LOCAL_INPUT.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO date as the date field shows it: `YYYY-MM-DD HH:MM:SS` in `timeZone`. */
export function isoToTypedDateTime(iso: string, timeZone: string): string {
  return isoToLocalInput(iso, timeZone).replace("T", " ");
}

export const DATE_FORMAT_HINT = "Enter a date and time as YYYY-MM-DD HH:MM";
export const FOUR_DIGIT_YEAR_HINT = "Years have four digits, as in 2026-11-28 09:30";

// A date, then optionally a time (to the second, with an optional fraction): "T" or a space between.
const TYPED = /^(\d+)-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?$/;

export type TypedDateTime = { ok: true; iso: string } | { ok: false; message: string };

/**
 * A date and time typed in `timeZone` (or a calendar's `datetime-local` value), as UTC ISO. A date
 * alone means its midnight. Years have four digits: a browser would take 202611. A time that the
 * zone skips (the hour clocks go forward) is refused, as a day that does not exist is.
 */
export function readTypedDateTime(text: string, timeZone: string): TypedDateTime {
  const match = TYPED.exec(text.trim());
  if (!match) return { ok: false, message: DATE_FORMAT_HINT };
  const [, year, month, day, hour = "0", minute = "0", second = "0"] = match;
  if (year!.length !== 4) return { ok: false, message: FOUR_DIGIT_YEAR_HINT };
  const wall = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) };
  if (!isWallTimeIn(wall, timeZone)) return { ok: false, message: DATE_FORMAT_HINT };
  return { ok: true, iso: instantOf(wall, timeZone).toISOString() };
}

const chipFormat = formatPerZone(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A short date and time in `timeZone` for chips, e.g. "Nov 28, 2026, 1:08 PM". */
export function formatDateTimeIn(iso: string, timeZone: string): string {
  return chipFormat(timeZone).format(new Date(iso));
}
