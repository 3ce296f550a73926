// One app instance's archive sync in a process of its own, for tests that kill it: it opens the
// archive (ARCHIVE_DIR or DATABASE_URL), syncs from the standalone simulator at MERGE_API_BASE_URL,
// and prints its status as one JSON line every 50 ms; a line "nudge" on its stdin nudges it, as
// opening the explorer on that instance would, and a line "stop" stops it as a server's shutdown
// does (an embedded archive killed with SIGKILL was seen to lose its last commits). Run with
// `node --conditions=react-server --import tsx testing/archive-sync-process.ts` (the condition
// lets `server-only` load outside Next, as Next's server bundles do).

import { createMergeClient } from "@/lib/server/merge/client";
import { openArchiveDatabase } from "@/lib/server/archive/database";
import { ensureSyncState, readArchiveFigures } from "@/lib/server/archive/store";
import { createSyncer } from "@/lib/server/archive/sync";

// Not top-level await: tsx runs this file as CommonJS.
async function main(): Promise<void> {
  const env = process.env;
  const database = await openArchiveDatabase(
    env.DATABASE_URL ? { kind: "server", url: env.DATABASE_URL } : { kind: "embedded", dir: env.ARCHIVE_DIR },
  );
  await ensureSyncState(database.db);
  const syncer = createSyncer({
    db: database.db,
    client: createMergeClient({
      baseUrl: env.MERGE_API_BASE_URL!,
      apiKey: env.MERGE_API_KEY!,
      category: "hris",
      fetch: (url, init) => fetch(url, init),
      timeoutMs: 5_000,
      retry: { policy: { maxRetries: 0 } },
    }),
    intervalMs: Number(env.ARCHIVE_SYNC_INTERVAL_S ?? "1") * 1000,
    maxRequestsPerMinute: 100_000,
  });
  syncer.start();
  process.stdin.setEncoding("utf8").on("data", (chunk: string) => {
    for (const line of chunk.split("\n")) {
      if (line.trim() === "nudge") syncer.nudge();
      if (line.trim() === "stop") void syncer.stop().then(() => database.close()).then(() => process.exit(0));
    }
  });
  setInterval(() => {
    void readArchiveFigures(database.db).then((figures) =>
      console.log(JSON.stringify({ ...figures, syncing: syncer.isSyncing(), instance: syncer.instance })),
    );
  }, 50);
}

void main();
