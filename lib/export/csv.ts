import type { AuditEvent } from "@/lib/audit-event";
import { eventTypeLabel } from "@/lib/event-types";

// CSV as RFC 4180 describes it (CRLF records, quoted fields with doubled quotes), in UTF-8 with a
// byte order mark: without the BOM, Excel on Windows reads the file as the local code page and
// garbles every non-ASCII name. Columns are Merge's own export columns in Merge's order, then ours:
// the event id, and "Event", the event type's readable label (for people; "Event Type" keeps the code).

export const CSV_BOM = "\uFEFF";
export const CSV_COLUMNS = [
  "Timestamp",
  "User Name",
  "User Email",
  "Role",
  "IP Address",
  "Event Type",
  "Event Description",
  "Event ID",
  "Event",
] as const;

const CRLF = "\r\n";
// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection");
// Merge's own export guards the same set: = + - @ tab CR. Checked by char code: this runs for
// every cell of every row, and a regex per cell is most of an export's CPU time.
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"].map((c) => c.charCodeAt(0)));
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: the injection guard first, then quoting, so a guarded cell is quoted if it must be. */
export function csvCell(value: string | null): string {
  if (value === null || value === "") return "";
  const guarded = FORMULA_TRIGGERS.has(value.charCodeAt(0)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

const ISO_PARTS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The timestamp in UTC with a Z, keeping every fractional digit Merge sends (microseconds), which
 * Date.toISOString would cut to milliseconds. Most values are already UTC, so that path is a slice.
 */
export function toUtcIso(value: string): string {
  // The common case: Merge (and the client's schema check) already gave an ISO string in UTC.
  if (value.endsWith("Z") && value.charCodeAt(10) === 84 /* T */) return value;
  const parts = ISO_PARTS.exec(value);
  if (!parts) return new Date(value).toISOString();
  const [, seconds, fraction = "", zone] = parts;
  if (zone === "Z" || zone === "z" || zone === "+00:00" || zone === "+0000" || zone === "-00:00") {
    return `${seconds}${fraction}Z`;
  }
  const shifted = new Date(`${seconds}${zone}`).toISOString().slice(0, 19);
  return `${shifted}${fraction}Z`;
}

export const CSV_HEADER = `${CSV_BOM}${CSV_COLUMNS.join(",")}${CRLF}`;

/** One record, CRLF included. */
export function csvRow(event: AuditEvent): string {
  return (
    csvCell(toUtcIso(event.created_at)) +
    "," +
    csvCell(event.user_name) +
    "," +
    csvCell(event.user_email) +
    "," +
    csvCell(event.role) +
    "," +
    csvCell(event.ip_address) +
    "," +
    csvCell(event.event_type) +
    "," +
    csvCell(event.event_description) +
    "," +
    csvCell(event.id) +
    "," +
    csvCell(eventTypeLabel(event.event_type)) +
    CRLF
  );
}
