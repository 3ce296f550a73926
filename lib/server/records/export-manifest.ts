import "server-only";

import { randomUUID } from "node:crypto";

import { freezeRange } from "@/lib/date-presets";
import { explorerUrl } from "@/lib/explorer-url";
import type { ExportFormat } from "@/lib/export/formats";
import { filterParameters, type AuditTrailFilters } from "@/lib/filters";
import type { RecordsDependencies } from "@/lib/server/app-dependencies";
import type { ExportSummary } from "@/lib/server/export/stream";
import { logWarning } from "@/lib/server/log";
import packageJson from "@/package.json";

import type { RequestOrigin } from "./access-recorder";
import { RECORD_WAIT_MS, withDeadline } from "./deadline";
import { completeManifest, createManifest } from "./manifest-store";

// What an export leaves behind for auditors: a manifest (written at the start, completed when the
// stream ends) and an access-log entry. Neither may hold up or break the download: a database
// that fails costs the records, which go to the server log, never the file.

export type ExportRecordsInput = {
  filters: AuditTrailFilters;
  format: ExportFormat;
  user: string;
  origin: RequestOrigin;
  /** The app's public origin, for the manifest's URL. */
  appOrigin: string;
  /** Where the events come from ("archive as of ..." or "live from Merge"). */
  source: Promise<string>;
  now?: Date;
};

export type ExportRecords = {
  id: string;
  /** Completes the manifest and logs the export; never rejects. */
  finish(summary: ExportSummary): Promise<void>;
};

function warn(what: string, id: string, error: unknown) {
  logWarning(`An export's ${what} could not be stored in the database`, {
    export_id: id,
    reason: error instanceof Error ? error.message : String(error),
  });
}

export function startExportRecords(records: RecordsDependencies, input: ExportRecordsInput): ExportRecords {
  const id = randomUUID();
  const now = input.now ?? new Date();
  // The URL reproduces the file's result set later: an open-ended range ends when the export began.
  const url = new URL(explorerUrl({ filters: { ...input.filters, ...freezeRange(input.filters, now) } }), input.appOrigin).href;
  const created = withDeadline(
    (async () => {
      const source = await input.source.catch(() => "unknown (the archive's status could not be read)");
      const db = await records.database();
      await createManifest(db, {
        id,
        url,
        format: input.format,
        source,
        created_by: input.user,
        created_at: now.toISOString(),
        app_version: packageJson.version,
      });
      return db;
    })(),
    RECORD_WAIT_MS,
  );
  created.catch((error: unknown) => warn("manifest", id, error));

  return {
    id,
    async finish(summary) {
      // "Too large" is a failed export to its reader: the file was cut short on purpose.
      const outcome = summary.outcome === "too_large" ? "failed" : summary.outcome;
      const result = {
        outcome,
        count: summary.events,
        sha256: summary.sha256,
        first_event_at: summary.oldestEventAt,
        last_event_at: summary.newestEventAt,
      } as const;
      const completing = created
        .then((db) => withDeadline(completeManifest(db, id, result), RECORD_WAIT_MS))
        .catch((error: unknown) => warn("manifest's outcome", id, error));
      const logging = records.recordAccess({
        user_email: input.user,
        action: "export",
        detail: { export_id: id, url, format: input.format, filters: filterParameters(input.filters), ...result },
        ...input.origin,
      });
      await Promise.all([completing, logging]);
    },
  };
}
