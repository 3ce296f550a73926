// Timestamps inside the simulator are integers of microseconds since the epoch (exact in a double up
// to year 2255), because Merge's created_at and cursor positions carry microseconds and bursts of
// events share one exact instant.

export const MICROS_PER_MS = 1000;
export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_DAY = 86_400 * MICROS_PER_SECOND;

export function microsFromDate(date: Date): number {
  return date.getTime() * MICROS_PER_MS;
}

function parts(micros: number): { iso: string; fraction: number } {
  const ms = Math.floor(micros / MICROS_PER_MS);
  const fraction = micros - Math.floor(micros / MICROS_PER_SECOND) * MICROS_PER_SECOND;
  return { iso: new Date(ms).toISOString(), fraction };
}

const pad6 = (value: number) => String(value).padStart(6, "0");

/** created_at as Merge's API writes it: `2026-11-02T09:14:03.123456Z`. */
export function formatCreatedAt(micros: number): string {
  const { iso, fraction } = parts(micros);
  return `${iso.slice(0, 19)}.${pad6(fraction)}Z`;
}

/**
 * A cursor position as DRF writes it: Python's str() of an aware datetime,
 * `2021-01-06 03:24:53.434326+00:00`, without the fraction when it is zero.
 */
export function formatPosition(micros: number): string {
  const { iso, fraction } = parts(micros);
  const seconds = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return fraction === 0 ? `${seconds}+00:00` : `${seconds}.${pad6(fraction)}+00:00`;
}

// Django's parse_datetime (which DRF's DateTimeField uses for ISO 8601 input): date only, or date and
// time with T or a space, optional seconds and fraction (more than 6 digits are dropped), optional
// zone Z / ±HH / ±HHMM / ±HH:MM; no zone means UTC (Merge runs with USE_TZ in UTC).
const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,6})\d*)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Microseconds since the epoch, or null when the text is not a valid ISO 8601 date/time. */
export function parseDateTime(text: string): number | null {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone = "Z"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(ms).getUTCDate() !== day) return null;
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const zoneHours = Number(digits.slice(0, 2));
    const zoneMinutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (zoneHours > 23 || zoneMinutes > 59) return null;
    offsetMinutes = sign * (zoneHours * 60 + zoneMinutes);
  }
  const micros = Number(frac.padEnd(6, "0") || "0");
  return (ms - offsetMinutes * 60_000) * MICROS_PER_MS + micros;
}
