// Wall-clock time in any IANA zone, with nothing but Intl: the explorer shows, reads and counts
// calendar days in one display zone (the URL's `tz`, or the browser's), which is rarely the zone
// the JavaScript engine runs in (the server's is UTC, a test's is whatever it emulates).

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/**
 * One Intl format per zone, built on first use: building a DateTimeFormat costs far more than
 * using it, and a table formats hundreds of times in the same zone.
 */
export function formatPerZone(
  locale: string | undefined,
  options: Omit<Intl.DateTimeFormatOptions, "timeZone">,
): (timeZone: string) => Intl.DateTimeFormat {
  const byZone = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let format = byZone.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      byZone.set(timeZone, format);
    }
    return format;
  };
}

const partsFormatter = formatPerZone("en-US", {
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  era: "short",
});

/** The canonical name of an IANA zone ("utc" -> "UTC", "europe/berlin" -> "Europe/Berlin"); null if unknown. */
export function canonicalTimeZone(name: string): string | null {
  // An offset such as "+01:00" is accepted by Intl, but is no zone: it knows no daylight saving time.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The wall-clock time of an instant in `timeZone`. */
export function wallTimeIn(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === "BC" ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function asUtcMs({ year, month, day, hour, minute, second }: WallTime): number {
  // setUTCFullYear, not Date.UTC: that reads years 0-99 as 1900-1999. Both roll overflowing fields over.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** How far `timeZone` is ahead of UTC at `ms`, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const instant = new Date(Math.floor(ms / 1000) * 1000);
  return asUtcMs(wallTimeIn(instant, timeZone)) - instant.getTime();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a wall-clock time in `timeZone` stands for. Fields may overflow (day 0 is the last
 * day of the month before). A time repeated when clocks go back is its first occurrence; a time
 * skipped when they go forward reads on the old offset (02:30 on that night is shown as 03:30).
 */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const local = asUtcMs(wall);
  // The zone's offsets a day either side: a zone changes its offset at most once in two days.
  const candidates = [local - offsetAt(local - DAY_MS, timeZone), local - offsetAt(local + DAY_MS, timeZone)];
  const exact = candidates.filter((ms) => asUtcMs(wallTimeIn(new Date(ms), timeZone)) === local);
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
}

/** Whether a wall-clock time exists in `timeZone` (not overflowing, not skipped by daylight saving). */
export function isWallTimeIn(wall: WallTime, timeZone: string): boolean {
  const back = wallTimeIn(instantOf(wall, timeZone), timeZone);
  return (Object.keys(wall) as (keyof WallTime)[]).every((key) => back[key] === wall[key]);
}

/** The browser's (or the process's) own zone. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
