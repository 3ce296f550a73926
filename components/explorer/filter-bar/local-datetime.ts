// The "From" and "To" inputs are `datetime-local`: they show and take wall-clock time in the
// user's time zone, while the URL (and Merge) get ISO 8601 in UTC.

function pad(value: number, length = 2): string {
  return String(value).padStart(length, "0");
}

/** An ISO date as a `datetime-local` value in the browser's zone, to the second. */
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

const DISPLAY = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A short local date and time for chips, e.g. "Nov 28, 2026, 1:08 PM". */
export function formatLocalDateTime(iso: string): string {
  return DISPLAY.format(new Date(iso));
}
