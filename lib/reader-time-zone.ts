import { canonicalTimeZone } from "@/lib/time-zone";

// The reader's own time zone, as their browser last named it, in a cookie. Without `tz` in its URL
// a page shows times in the reader's zone, which only the browser knows: the cookie lets the server
// render (and resolve calendar ranges) in that zone too, so the HTML is what the browser would show
// and nothing changes or is fetched again once it hydrates. It is a display preference, never a
// filter: a shared link still means what its URL says.

export const READER_TIME_ZONE_COOKIE = "tz";

// A year: the zone rarely changes, and the browser rewrites the cookie when it does.
const MAX_AGE_S = 365 * 24 * 60 * 60;

/** The zone a cookie names, or null when it names none this runtime knows (the browser sent it). */
export function readerTimeZoneFrom(cookie: string | undefined): string | null {
  return cookie === undefined ? null : canonicalTimeZone(cookie);
}

/** The `document.cookie` assignment that remembers `timeZone`. */
export function readerTimeZoneCookie(timeZone: string, secure: boolean): string {
  return `${READER_TIME_ZONE_COOKIE}=${encodeURIComponent(timeZone)}; Path=/; Max-Age=${MAX_AGE_S}; SameSite=Lax${secure ? "; Secure" : ""}`;
}
