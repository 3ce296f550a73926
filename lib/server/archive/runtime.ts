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

// The process's archive: opened and migrated at start (instrumentation.ts), synced in the
// background, read by the routes through the functions below. Kept on globalThis because Next may
// load this module once per route bundle, and there must be one database handle and one syncer.

export type ArchiveMode = "embedded" | "server" | "off";

/** GET /api/archive/status, exactly. */
export type ArchiveStatus = { mode: ArchiveMode } & ArchiveFigures;

type ActiveConfig = Exclude<ArchiveConfig, { mode: "off" }>;

type Runtime = {
  config: ActiveConfig;
  database?: ArchiveDatabase;
  opening?: Promise<ArchiveDatabase>;
  syncer?: Syncer;
  /** The next attempt to reach a database server that was down. */
  retry?: NodeJS.Timeout;
};

declare global {
  var auditArchive: Runtime | undefined;
}

function runtime(): Runtime | undefined {
  const { archive } = getServerConfig();
  if (archive.mode === "off") return undefined;
  globalThis.auditArchive ??= { config: archive };
  return globalThis.auditArchive;
}

// Merge as the live routes reach it, from the one wiring module. One attempt per call: the syncer
// spaces, counts and repeats its requests itself.
function syncClient(config: ReturnType<typeof getServerConfig>) {
  return createUpstreamClient(config, { retry: { policy: { maxRetries: 0 } } });
}

function open(state: Runtime): Promise<ArchiveDatabase> {
  if (state.database) return Promise.resolve(state.database);
  const { config } = state;
  state.opening ??= openArchiveDatabase(
    config.mode === "embedded" ? { kind: "embedded", dir: config.dir } : { kind: "server", url: config.databaseUrl },
  ).then(
    async (database) => {
      await ensureSyncState(database.db);
      state.database = database;
      const serverConfig = getServerConfig();
      state.syncer = createSyncer({
        db: database.db,
        client: syncClient(serverConfig),
        intervalMs: config.syncIntervalS * 1000,
        maxRequestsPerMinute: config.maxRequestsPerMinute,
        retentionDays: config.retentionDays,
      });
      state.syncer.start();
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
 * Opens the archive and starts its sync, unless ARCHIVE=off. An embedded archive that cannot open
 * (ARCHIVE_DIR unreadable or in use) throws ArchiveStartupError; a database server that is down is
 * tried again every sync interval while the app serves archive_unavailable.
 */
export async function startArchive(): Promise<void> {
  const state = runtime();
  if (!state) return;
  try {
    await open(state);
  } catch (error) {
    if (error instanceof ArchiveStartupError || state.config.mode === "embedded") throw error;
    logWarning("The archive's database is not answering; trying again", {
      detail: error instanceof Error ? error.message : String(error),
    });
    state.retry = setTimeout(() => void startArchive().catch(() => {}), state.config.syncIntervalS * 1000);
    state.retry.unref();
  }
}

/** Stops the sync (letting go of its lease) and closes the database. */
export async function stopArchive(): Promise<void> {
  const state = globalThis.auditArchive;
  globalThis.auditArchive = undefined;
  if (!state) return;
  clearTimeout(state.retry);
  await state.syncer?.stop();
  await (state.database ?? (await state.opening?.catch(() => undefined)))?.close();
}

async function database(): Promise<ArchiveDatabase> {
  const state = runtime();
  if (!state) throw new ArchiveError("archive_unavailable", "The archive is off (ARCHIVE=off)");
  try {
    return await open(state);
  } catch (error) {
    throw error instanceof ArchiveError ? error : new ArchiveError("archive_unavailable", String(error), { cause: error });
  }
}

/** One page from the archive in Merge's shape; throws ArchiveError (invalid_cursor, archive_unavailable). */
export async function listArchivedPage(query: AuditTrailQuery): Promise<AuditTrailPage> {
  return listArchivedEvents((await database()).db, query);
}

/** The total, bars and facets of the filters' result set; throws ArchiveError (archive_unavailable). */
export async function readArchiveStats(filters: AuditTrailFilters): Promise<AuditTrailStats> {
  const { db } = await database();
  return archiveStats(db, filters, { retentionDays: runtime()?.config.retentionDays });
}

/** The archive's people matching a query (GET /api/people); throws ArchiveError("archive_unavailable"). */
export async function findArchivedPeople(query: PeopleQuery): Promise<Person[]> {
  return findPeople((await database()).db, query);
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
  const state = runtime();
  if (!state) return OFF_STATUS;
  return { mode: state.config.mode, ...(await readArchiveFigures((await database()).db)) };
}

/** Opening or refreshing the explorer: ask Merge once for events newer than the watermark. */
export function nudgeArchive(): void {
  globalThis.auditArchive?.syncer?.nudge();
}
