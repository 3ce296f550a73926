import "server-only";

import { needsArchiveMessage } from "@/lib/api-errors";
import { filtersNeedingArchive, toMergeQuery, type AuditTrailFilters, type AuditTrailQuery } from "@/lib/filters";
import { ApiError } from "@/lib/server/api-error";
import type { AuditTrailStats } from "@/lib/audit-trail-stats";
import { archiveStatus, findArchivedPeople, listArchivedPage, nudgeArchive, readArchiveStats } from "@/lib/server/archive/runtime";
import type { PeopleQuery, Person } from "@/lib/people";
import { ArchiveError } from "@/lib/server/archive/errors";
import { getServerConfig, type ServerConfig } from "@/lib/server/config";
import type { ListOptions, ListResult } from "@/lib/server/merge/client";
import { createUpstreamClient, type UpstreamClientOptions } from "@/lib/server/upstream-client";

// Where the explorer's audit trail comes from, chosen from the configuration in this one place:
// the archive (unless ARCHIVE=off), or else the upstream itself, live (the embedded simulator or
// Merge). The page, the API and the export read whichever source this builds.

export type AuditTrailSource = {
  /** One page for a validated query; throws MergeApiError or ArchiveError. Pass the request's signal. */
  listPage(query: AuditTrailQuery, options?: ListOptions): Promise<ListResult>;
  /** The total, bars and facets of a result set; only the archive can count (needs_archive otherwise). */
  stats(filters: AuditTrailFilters): Promise<AuditTrailStats>;
  /** Someone opened or refreshed the explorer: the archive asks Merge once for newer events. */
  nudge(): void;
  /**
   * The people of the trail matching a query, from the archive. Merge cannot list people, so
   * without an archive this throws ArchiveError("archive_unavailable"): the browser then looks in
   * the events it has loaded instead.
   */
  findPeople(query: PeopleQuery): Promise<Person[]>;
  /** Where an export's events come from, for its manifest: "archive as of <time>" or "live from Merge". */
  describe(): Promise<string>;
};

export type AuditTrailSourceOptions = Pick<UpstreamClientOptions, "simulator" | "fetch">;

// A page is never held back waiting for Merge: the archive answers from its database alone.
const archiveSource: AuditTrailSource = {
  listPage: async (query) => ({ page: await listArchivedPage(query), retries: 0, upstreamMs: 0 }),
  stats: readArchiveStats,
  nudge: nudgeArchive,
  findPeople: findArchivedPeople,
  // As of the last successful sync: the archive holds Merge's trail up to about then.
  describe: async () => `archive as of ${(await archiveStatus()).last_sync_at ?? "no completed sync"}`,
};

export function createAuditTrailSource(config: ServerConfig, options: AuditTrailSourceOptions = {}): AuditTrailSource {
  if (config.archive.mode !== "off") return archiveSource;
  const client = createUpstreamClient(config, options);
  return {
    listPage: async (query, listOptions) => {
      // Merge would ignore what it does not know: refuse by name rather than answer something else.
      const [needs] = filtersNeedingArchive(query);
      if (needs !== undefined) throw new ApiError("needs_archive", needsArchiveMessage(needs), needs);
      return client.listAuditEvents(toMergeQuery(query), listOptions);
    },
    stats: async () => {
      throw new ApiError("needs_archive", needsArchiveMessage("stats"), "stats");
    },
    nudge: () => {},
    findPeople: () => Promise.reject(new ArchiveError("archive_unavailable", "The archive is off (ARCHIVE=off): no people to list")),
    describe: async () => "live from Merge",
  };
}

let appSource: AuditTrailSource | undefined;

/** The app's source, built from the server configuration on first use (never at build time). */
export function getAuditTrailSource(): AuditTrailSource {
  appSource ??= createAuditTrailSource(getServerConfig());
  return appSource;
}
