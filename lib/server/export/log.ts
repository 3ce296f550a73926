import "server-only";

import type { AuditTrailFilters } from "@/lib/filters";
import type { ExportFormat } from "@/lib/export/formats";
import type { ExportSummary } from "@/lib/server/export/stream";

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
  const level = LEVEL[line.outcome];
  const text = JSON.stringify({ time: new Date().toISOString(), level, msg: "export", ...line });
  if (level === "info") console.log(text);
  else console.error(text);
}
