import type { AccessLogEntry } from "@/lib/access-log";
import { CSV_BOM, csvCell } from "@/lib/export/csv";

// The access log as CSV (the /activity page's export), in the same dialect as the events' CSV:
// RFC 4180, UTF-8 with a byte order mark, formula-looking cells guarded.

export const ACCESS_LOG_CSV_COLUMNS = ["ID", "Time", "User Email", "Action", "Detail", "IP Address", "User Agent", "Previous Hash", "Hash"];

const CRLF = "\r\n";

export const ACCESS_LOG_CSV_HEADER = CSV_BOM + ACCESS_LOG_CSV_COLUMNS.join(",") + CRLF;

export function accessLogCsvRow(entry: AccessLogEntry): string {
  const cells = [entry.id, entry.at, entry.user_email, entry.action, JSON.stringify(entry.detail), entry.ip, entry.user_agent, entry.prev_hash, entry.hash];
  return cells.map(csvCell).join(",") + CRLF;
}
