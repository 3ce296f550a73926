import "server-only";

import type { AuditTrailQuery } from "@/lib/filters";
import { archiveStatus, listArchivedPage, nudgeArchive } from "@/lib/server/archive/runtime";
import { getServerConfig, type ServerConfig } from "@/lib/server/config";
import type { ListOptions, ListResult } from "@/lib/server/merge/client";
import { createUpstreamClient, type UpstreamClientOptions } from "@/lib/server/upstream-client";

// Where the explorer's audit trail comes from, chosen from the configuration in this one place:
// the archive (unless ARCHIVE=off), or else the upstream itself, live (the embedded simulator or
// Merge). The page, the API and the export read whichever source this builds.

export type AuditTrailSource = {
  /** One page for a validated query; throws MergeApiError or ArchiveError. Pass the request's signal. */
  listPage(query: AuditTrailQuery, options?: ListOptions): Promise<ListResult>;
  /** Someone opened or refreshed the explorer: the archive asks Merge once for newer events. */
  nudge(): void;
  /** Where an export's events come from, for its manifest: "archive as of <time>" or "live from Merge". */
  describe(): Promise<string>;
};

export type AuditTrailSourceOptions = Pick<UpstreamClientOptions, "simulator" | "fetch">;

// A page is never held back waiting for Merge: the archive answers from its database alone.
const archiveSource: AuditTrailSource = {
  listPage: async (query) => ({ page: await listArchivedPage(query), retries: 0, upstreamMs: 0 }),
  nudge: nudgeArchive,
  // As of the last successful sync: the archive holds Merge's trail up to about then.
  describe: async () => `archive as of ${(await archiveStatus()).last_sync_at ?? "no completed sync"}`,
};

export function createAuditTrailSource(config: ServerConfig, options: AuditTrailSourceOptions = {}): AuditTrailSource {
  if (config.archive.mode !== "off") return archiveSource;
  const client = createUpstreamClient(config, options);
  return {
    listPage: (query, listOptions) => client.listAuditEvents(query, listOptions),
    nudge: () => {},
    describe: async () => "live from Merge",
  };
}

let appSource: AuditTrailSource | undefined;

/** The app's source, built from the server configuration on first use (never at build time). */
export function getAuditTrailSource(): AuditTrailSource {
  appSource ??= createAuditTrailSource(getServerConfig());
  return appSource;
}
