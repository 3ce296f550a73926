import { onlyValue, pickFilters, type AuditTrailFilters } from "@/lib/filters";

// A file name that says what the file holds, in a fixed order (who, what, when), so two exports of
// the same filters get the same name: audit-trail_user-jane@acme.com_type-INVITED_USER_2026-11-01_2026-11-28.csv

// Safe in file names on every desktop OS and in a quoted header parameter; anything else becomes "-".
const UNSAFE = /[^A-Za-z0-9@._+-]+/g;

const day = (iso: string) => iso.slice(0, 10); // filters are normalised to toISOString(): UTC already

function dateRange(start: string | undefined, end: string | undefined): string | undefined {
  if (start && end) return `${day(start)}_${day(end)}`;
  if (start) return `from-${day(start)}`;
  if (end) return `until-${day(end)}`;
  return undefined;
}

export function exportFilename(filters: AuditTrailFilters, extension: string): string {
  const parts = ["audit-trail"];
  const user = onlyValue(filters.user_email);
  const type = onlyValue(filters.event_type);
  if (user) parts.push(`user-${user}`);
  if (type) parts.push(`type-${type}`);
  // Filters too long to spell in a name: the name at least says the file is not everything.
  const spelled = new Set<string>(["start_date", "end_date", "order", ...(user ? ["user_email"] : []), ...(type ? ["event_type"] : [])]);
  if (Object.keys(pickFilters(filters)).some((key) => !spelled.has(key))) parts.push("filtered");
  const range = dateRange(filters.start_date, filters.end_date);
  if (range) parts.push(range);
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

/** The file name from a Content-Disposition header (the UTF-8 form first), or undefined. */
export function filenameFromContentDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // A malformed percent-escape: fall back to the plain parameter below.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain?.[1]?.trim() || undefined;
}
