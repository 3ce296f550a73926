import "server-only";

import type { AuditTrailPage } from "@/lib/audit-event";
import type { AuditTrailStats } from "@/lib/audit-trail-stats";
import type { AuditTrailFilters, AuditTrailQuery } from "@/lib/filters";
import type { PeopleQuery, Person } from "@/lib/people";
import { getServerConfig, type ArchiveConfig } from "@/lib/server/config";
import { logWarning } from "@/lib/server/log";
import { createUpstreamClient } from "@/lib/server/upstream-client";

import { openArchiveDatabase, type ArchiveDatabase } from "./database";
import { ArchiveError, ArchiveStartupError } from "./errors";
import { archiveStats } from "./stats";
import { ensureSyncState, findPeople, listArchivedEvents, readArchiveFigures, type ArchiveFigures } from "./store";
import { createSyncer, type Syncer } from "./sync";

// The process's database and archive: opened and migrated at start (instrumentation.ts), synced in
// the background unless ARCHIVE=off, read by the routes through the functions below. With
// ARCHIVE=off the same database (ARCHIVE_DIR or DATABASE_URL) is still opened, because the app's own
// records (access log, export manifests, views) live in it; only the sync is left out, so
// audit_events stays empty. Kept on globalThis because Next may load this module once per route
// bundle, and there must be one database handle and one syncer.

export type ArchiveMode = "embedded" | "server" | "off";

/** GET /api/archive/status, exactly. */
export type ArchiveStatus = { mode: ArchiveMode } & ArchiveFigures;

type ActiveConfig = Exclude<ArchiveConfig, { mode: "off" }>;

type Runtime = {
  archive: ArchiveConfig;
  database?: ArchiveDatabase;
  opening?: Promise<ArchiveDatabase>;
  syncer?: Syncer;
  /** The next attempt to reach a database server that was down. */
  retry?: NodeJS.Timeout;
};

declare global {
  var auditArchive: Runtime | undefined;
}

function runtime(): Runtime {
  globalThis.auditArchive ??= { archive: getServerConfig().archive };
  return globalThis.auditArchive;
}

// Merge as the live routes reach it, from the one wiring module. One attempt per call: the syncer
// spaces, counts and repeats its requests itself.
function syncClient(config: ReturnType<typeof getServerConfig>) {
  return createUpstreamClient(config, { retry: { policy: { maxRetries: 0 } } });
}

/**
 * PGlite runs no autovacuum: its syncer vacuums after this many new events. Each VACUUM reads only
 * the pages written since the one before, and ANALYZE a sample of each table.
 */
const EMBEDDED_VACUUM_EVERY_EVENTS = 50_000;

function startSync(database: ArchiveDatabase, config: ActiveConfig): Syncer {
  const syncer = createSyncer({
    db: database.db,
    client: syncClient(getServerConfig()),
    intervalMs: config.syncIntervalS * 1000,
    maxRequestsPerMinute: config.maxRequestsPerMinute,
    retentionDays: config.retentionDays,
    vacuumEveryEvents: database.kind === "embedded" ? EMBEDDED_VACUUM_EVERY_EVENTS : undefined,
  });
  syncer.start();
  return syncer;
}

function open(state: Runtime): Promise<ArchiveDatabase> {
  if (state.database) return Promise.resolve(state.database);
  const { archive } = state;
  state.opening ??= openArchiveDatabase(getServerConfig().database).then(
    async (database) => {
      await ensureSyncState(database.db);
      state.database = database;
      if (archive.mode !== "off") state.syncer = startSync(database, archive);
      return database;
    },
    (error: unknown) => {
      state.opening = undefined;
      throw error;
    },
  );
  return state.opening;
}

/**
 * Opens the database, and starts the archive's sync unless ARCHIVE=off. An embedded database that
 * cannot open (ARCHIVE_DIR unreadable or in use) throws ArchiveStartupError; a database server that
 * is down is tried again every sync interval while the app serves archive_unavailable.
 */
export async function startArchive(): Promise<void> {
  const state = runtime();
  try {
    await open(state);
  } catch (error) {
    if (error instanceof ArchiveStartupError || getServerConfig().database.kind === "embedded") throw error;
    logWarning("The database is not answering; trying again", {
      detail: error instanceof Error ? error.message : String(error),
    });
    const intervalS = state.archive.mode === "off" ? OFF_RETRY_INTERVAL_S : state.archive.syncIntervalS;
    state.retry = setTimeout(() => void startArchive().catch(() => {}), intervalS * 1000);
    state.retry.unref();
  }
}

/** With no sync interval to follow (ARCHIVE=off), a database server that was down is tried this often. */
const OFF_RETRY_INTERVAL_S = 30;

/** Stops the sync (letting go of its lease) and closes the database. */
export async function stopArchive(): Promise<void> {
  const state = globalThis.auditArchive;
  globalThis.auditArchive = undefined;
  if (!state) return;
  clearTimeout(state.retry);
  await state.syncer?.stop();
  await (state.database ?? (await state.opening?.catch(() => undefined)))?.close();
}

/**
 * The process's database, in every mode (ARCHIVE=off too): the archive reads it, and so do the
 * app's records (lib/server/records). Throws ArchiveError("archive_unavailable").
 */
export async function appDatabase(): Promise<ArchiveDatabase> {
  try {
    return await open(runtime());
  } catch (error) {
    throw error instanceof ArchiveError ? error : new ArchiveError("archive_unavailable", String(error), { cause: error });
  }
}

/** One page from the archive in Merge's shape; throws ArchiveError (invalid_cursor, archive_unavailable). */
export async function listArchivedPage(query: AuditTrailQuery): Promise<AuditTrailPage> {
  return listArchivedEvents((await appDatabase()).db, query);
}

/** The total, bars and facets of the filters' result set; throws ArchiveError (archive_unavailable). */
export async function readArchiveStats(filters: AuditTrailFilters): Promise<AuditTrailStats> {
  const { db } = await appDatabase();
  const { archive } = runtime();
  return archiveStats(db, filters, { retentionDays: archive.mode === "off" ? undefined : archive.retentionDays });
}

/** The archive's people matching a query (GET /api/people); throws ArchiveError("archive_unavailable"). */
export async function findArchivedPeople(query: PeopleQuery): Promise<Person[]> {
  return findPeople((await appDatabase()).db, query);
}

const OFF_STATUS: ArchiveStatus = {
  mode: "off",
  events: 0,
  oldest_event_at: null,
  newest_event_at: null,
  last_sync_at: null,
  lag_seconds: null,
  backfill: { complete: false, events: 0 },
  syncing_instance: null,
  last_error: null,
};

/** The archive's figures for the status line; throws ArchiveError("archive_unavailable"). */
export async function archiveStatus(): Promise<ArchiveStatus> {
  const { archive } = runtime();
  if (archive.mode === "off") return OFF_STATUS;
  return { mode: archive.mode, ...(await readArchiveFigures((await appDatabase()).db)) };
}

/** Opening or refreshing the explorer: ask Merge once for events newer than the watermark. */
export function nudgeArchive(): void {
  globalThis.auditArchive?.syncer?.nudge();
}
