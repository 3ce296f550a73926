import { onlyValue, pickFilters, type AuditTrailFilters } from "@/lib/filters";

// A file name that says what the file holds, in a fixed order (who, what, when), so two exports of
// the same filters get the same name: audit-trail_user-jane@acme.com_type-INVITED_USER_2026-11-01_2026-11-28.csv

// Safe in file names on every desktop OS and in a quoted header parameter; anything else becomes "-".
const UNSAFE = /[^A-Za-z0-9@._+-]+/g;

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
function dayIn(iso: string, timeZone: string): string {
  // Filters are normalised to toISOString(): in UTC the day is the string's own first ten characters.
  if (timeZone === "UTC") return iso.slice(0, 10);
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    new Date(iso),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

function dateRange(start: string | undefined, end: string | undefined, timeZone: string): string | undefined {
  if (start && end) return `${dayIn(start, timeZone)}_${dayIn(end, timeZone)}`;
  if (start) return `from-${dayIn(start, timeZone)}`;
  if (end) return `until-${dayIn(end, timeZone)}`;
  return undefined;
}

/**
 * The export's file name. Its days are those the user chose, in the zone the explorer shows
 * (`timeZone`, an IANA name; the server, which knows no zone, names them in UTC); a zone other than
 * UTC is named after them, so the file says which days it means.
 */
export function exportFilename(filters: AuditTrailFilters, extension: string, timeZone = "UTC"): string {
  const parts = ["audit-trail"];
  const user = onlyValue(filters.user_email);
  const type = onlyValue(filters.event_type);
  if (user) parts.push(`user-${user}`);
  if (type) parts.push(`type-${type}`);
  // Filters too long to spell in a name: the name at least says the file is not everything.
  const spelled = new Set<string>(["start_date", "end_date", "order", ...(user ? ["user_email"] : []), ...(type ? ["event_type"] : [])]);
  if (Object.keys(pickFilters(filters)).some((key) => !spelled.has(key))) parts.push("filtered");
  const range = dateRange(filters.start_date, filters.end_date, timeZone);
  if (range) parts.push(timeZone === "UTC" ? range : `${range}_${timeZone}`);
  if (parts.length === 1) parts.push("all");
  return `${parts.map((part) => part.replace(UNSAFE, "-")).join("_")}.${extension}`;
}

// RFC 5987: encodeURIComponent leaves ' ( ) * unescaped, which the ext-value grammar does not allow.
const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with both spellings of the name: `filename` for old clients, `filename*` (UTF-8) for
 * the rest. exportFilename already yields ASCII, but the header must stay valid whatever it is given.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}
