import { openArchiveDatabase, type ArchiveDatabase, type ArchiveDb } from "@/lib/server/archive/database";
import type { RecordsDependencies } from "@/lib/server/app-dependencies";
import { isAdminEmail } from "@/lib/server/auth/admins";
import { createAccessRecorder } from "@/lib/server/records/access-recorder";
import { appendAccessLogEntries, type NewAccessLogEntry } from "@/lib/server/records/access-log-store";

import type { TestDatabaseKind } from "./archive-databases";

// The records' dependencies for route tests: a database of the test's own (PGlite or the
// PostgreSQL server), admins named by the test, and the app's own recorder on that database.

export type TestRecords = RecordsDependencies & { close(): Promise<void> };

export async function openTestRecords(kind: TestDatabaseKind, admins: string[] = []): Promise<TestRecords> {
  const testDb = await kind.create();
  const opened: ArchiveDatabase = await openArchiveDatabase(testDb.target);
  const database = async () => opened.db;
  return {
    isAdmin: (email) => isAdminEmail(email, new Set(admins), false),
    database,
    recordAccess: createAccessRecorder(database),
    async close() {
      await opened.close();
      await testDb.drop();
    },
  };
}

/** Records whose database is down: every write fails, as when the server is unreachable. */
export const unreachableRecords: RecordsDependencies = {
  isAdmin: () => false,
  database: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")),
  recordAccess: createAccessRecorder(() => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"))),
};

/** Records kept in memory, for routes whose tests look only at what would be logged. */
export function recordingRecords(admins: string[] = []): RecordsDependencies & { entries: NewAccessLogEntry[] } {
  const entries: NewAccessLogEntry[] = [];
  return {
    entries,
    isAdmin: (email) => isAdminEmail(email, new Set(admins), false),
    database: () => Promise.reject(new Error("these test records have no database")),
    recordAccess: async (entry) => {
      entries.push(entry);
      return true;
    },
  };
}

/** One access-log entry appended straight to the store (the app's recorder batches them), stamped `now`. */
export async function appendAccessLog(db: ArchiveDb, entry: NewAccessLogEntry, now: Date = new Date()): Promise<string> {
  const [id] = await appendAccessLogEntries(db, [{ ...entry, at: now }]);
  return id!;
}
