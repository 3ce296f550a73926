import "server-only";

import { appDatabase } from "@/lib/server/archive/runtime";
import type { ArchiveDb } from "@/lib/server/archive/database";
import { isAdmin } from "@/lib/server/auth/admins";
import { getAuthSecret } from "@/lib/server/auth/secret";
import { getAllowedSession } from "@/lib/server/auth/session";
import { getAuditTrailSource, type AuditTrailSource } from "@/lib/server/audit-trail-source";
import { getServerConfig, type ServerConfig } from "@/lib/server/config";
import { createAccessRecorder, type RecordAccess } from "@/lib/server/records/access-recorder";
import type { SessionReader } from "@/lib/server/with-session";

// What the route handlers need from the running app. Route factories read these per request, so
// the configuration is read on first use (never while `next build` loads the routes); tests build
// the same handlers from a source, a session reader and a configuration of their own.

export type AppDependencies = {
  source: AuditTrailSource;
  getSession: SessionReader;
  config: Pick<ServerConfig, "exportMaxEvents">;
  /** The key cursors are sealed with for the browser (derived from NEXTAUTH_SECRET): see cursor-seal.ts. */
  cursorSecret: string;
  records: RecordsDependencies;
  /** The clock a relative `range` is resolved with; the system's when absent (tests fix it). */
  now?: () => Date;
};

/** The app's own records: the access log, export manifests and saved views (lib/server/records). */
export type RecordsDependencies = {
  isAdmin(email: string): boolean;
  /** The database they live in; rejects with ArchiveError("archive_unavailable") when it is down. */
  database(): Promise<ArchiveDb>;
  /** Appends to the access log; never rejects (see access-recorder.ts). */
  recordAccess: RecordAccess;
};

const appDb = () => appDatabase().then((database) => database.db);

const appRecords: RecordsDependencies = { isAdmin, database: appDb, recordAccess: createAccessRecorder(appDb) };

export const appDependencies: AppDependencies = {
  get source() {
    return getAuditTrailSource();
  },
  getSession: getAllowedSession,
  get config() {
    return getServerConfig();
  },
  get cursorSecret() {
    return getAuthSecret();
  },
  records: appRecords,
};
