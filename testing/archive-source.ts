import type { AuditEvent } from "@/lib/audit-event";
import { openArchiveDatabase, type ArchiveDatabase } from "@/lib/server/archive/database";
import { archiveStats, type StatsOptions } from "@/lib/server/archive/stats";
import { acquireSyncLease, ensureSyncState, findPeople, listArchivedEvents, storePage } from "@/lib/server/archive/store";
import type { AuditTrailSource } from "@/lib/server/audit-trail-source";

import type { TestDatabaseKind } from "./archive-databases";

// An archive filled with given events, and the source the app's routes would read from it: what
// route tests of the archive-only features (several types, text, stats...) build handlers from.

export type FilledArchive = { database: ArchiveDatabase; source: AuditTrailSource; close(): Promise<void> };

const INSTANCE = "test-fill:1";

export async function openFilledArchive(
  kind: TestDatabaseKind,
  events: AuditEvent[],
  { backfillComplete = true, ...statsOptions }: { backfillComplete?: boolean } & StatsOptions = {},
): Promise<FilledArchive> {
  const testDb = await kind.create();
  const database = await openArchiveDatabase(testDb.target);
  await ensureSyncState(database.db);
  if (!(await acquireSyncLease(database.db, INSTANCE, 600_000))) throw new Error("the test archive's lease is taken");
  for (let i = 0; i < events.length; i += 500) {
    const last = i + 500 >= events.length;
    await storePage(database.db, INSTANCE, events.slice(i, i + 500), { walk: "backfill", next: last && backfillComplete ? null : "more" });
  }
  const source: AuditTrailSource = {
    listPage: async (query) => ({ page: await listArchivedEvents(database.db, query), retries: 0, upstreamMs: 0 }),
    stats: (filters) => archiveStats(database.db, filters, statsOptions),
    nudge: () => {},
    findPeople: (query) => findPeople(database.db, query),
    describe: async () => "archive as of the test's fill",
  };
  return {
    database,
    source,
    async close() {
      await database.close();
      await testDb.drop();
    },
  };
}
