import type { AuditEvent } from "@/lib/audit-event";
import { CSV_HEADER, csvRow } from "@/lib/export/csv";

// The three export formats as one small encoder shape, so the stream knows nothing of any format:
// it writes `header`, then each page as one chunk of rows, then `footer`.

export const EXPORT_FORMATS = ["csv", "json", "ndjson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export type ExportEncoder = {
  contentType: string;
  extension: string;
  header: string;
  /** One event as text; rows are joined by `separator`. */
  row: (event: AuditEvent) => string;
  separator: string;
  footer: string;
};

// JSON.stringify keeps Merge's field names and order as the client parsed them, the same objects
// GET /api/audit-trail returns.
const json = (event: AuditEvent) => JSON.stringify(event);

export const ENCODERS: Record<ExportFormat, ExportEncoder> = {
  csv: {
    contentType: "text/csv; charset=utf-8",
    extension: "csv",
    header: CSV_HEADER,
    row: csvRow,
    separator: "",
    footer: "",
  },
  // One array, written as it streams: "[" + items joined by "," + "]".
  json: {
    contentType: "application/json; charset=utf-8",
    extension: "json",
    header: "[",
    row: json,
    separator: ",",
    footer: "]\n",
  },
  ndjson: {
    contentType: "application/x-ndjson; charset=utf-8",
    extension: "ndjson",
    header: "",
    row: (event) => `${json(event)}\n`,
    separator: "",
    footer: "",
  },
};

/**
 * A page of events as one string (one chunk on the wire: per-chunk overhead dominates otherwise).
 * `rowsBefore` says whether a separator is owed before the first row of this page.
 */
export function encodePage(encoder: ExportEncoder, events: readonly AuditEvent[], rowsBefore: number): string {
  let text = "";
  for (let i = 0; i < events.length; i++) {
    if (rowsBefore + i > 0) text += encoder.separator;
    text += encoder.row(events[i]!);
  }
  return text;
}
