import "server-only";

import type { AuditTrailFilters } from "@/lib/filters";
import type { ExportFormat } from "@/lib/export/formats";
import type { ExportSummary } from "@/lib/server/export/stream";
import { writeExportLine } from "@/lib/server/log";

// One line per export, written when it ends (the request log line is written when streaming starts,
// before anyone knows how it will end). Exporting is itself an audited action in Merge's own product.

export type ExportLogLine = ExportSummary & {
  /** The signed-in user's email. */
  user: string;
  filters: AuditTrailFilters;
  format: ExportFormat;
};

const LEVEL = { complete: "info", cancelled: "info", too_large: "warn", failed: "error" } as const;

export function logExport(line: ExportLogLine): void {
  writeExportLine(LEVEL[line.outcome], line);
}
