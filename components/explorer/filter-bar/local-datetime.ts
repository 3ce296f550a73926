// "From" and "To" are typed as wall-clock time in the user's time zone (a text field, so each is
// one Tab stop, with a calendar button beside it), while the URL (and Merge) get ISO 8601 in UTC.

function pad(value: number, length = 2): string {
  return String(value).padStart(length, "0");
}

/** An ISO date as a `datetime-local` value in the browser's zone, to the second (the calendar's value). */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** A `datetime-local` value read in the browser's zone, as UTC ISO; null when empty or malformed. */
export function localInputToIso(value: string): string | null {
  // Without an offset, ECMAScript reads a date-time form as local time: what the user sees.
  if (!LOCAL_INPUT.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO date as the date field shows it: `YYYY-MM-DD HH:MM:SS` in the browser's zone. */
export function isoToTypedDateTime(iso: string): string {
  return isoToLocalInput(iso).replace("T", " ");
}

export const DATE_FORMAT_HINT = "Enter a date and time as YYYY-MM-DD HH:MM";
export const FOUR_DIGIT_YEAR_HINT = "Years have four digits, as in 2026-11-28 09:30";

// A date, then optionally a time (to the second, with an optional fraction): "T" or a space between.
const TYPED = /^(\d+)-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?$/;

export type TypedDateTime = { ok: true; iso: string } | { ok: false; message: string };

/**
 * A date and time typed in the browser's zone (or a calendar's `datetime-local` value), as UTC
 * ISO. A date alone means its midnight. Years have four digits: a browser would take 202611.
 */
export function readTypedDateTime(text: string): TypedDateTime {
  const match = TYPED.exec(text.trim());
  if (!match) return { ok: false, message: DATE_FORMAT_HINT };
  const [, year, month, day, hours = "0", minutes = "0", seconds = "0"] = match;
  if (year!.length !== 4) return { ok: false, message: FOUR_DIGIT_YEAR_HINT };
  const date = new Date(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds));
  // The Date constructor rolls 2026-02-31 over into March: such a day does not exist.
  const exists = date.getFullYear() === Number(year) && date.getMonth() === Number(month) - 1 && date.getDate() === Number(day);
  if (!exists || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return { ok: false, message: DATE_FORMAT_HINT };
  }
  return { ok: true, iso: date.toISOString() };
}

const DISPLAY = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A short local date and time for chips, e.g. "Nov 28, 2026, 1:08 PM". */
export function formatLocalDateTime(iso: string): string {
  return DISPLAY.format(new Date(iso));
}
