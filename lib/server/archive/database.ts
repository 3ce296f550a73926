import "server-only";

import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";

import { logWarning } from "@/lib/server/log";

import { lockArchiveDir } from "./archive-dir";
import { ArchiveStartupError, asArchiveError } from "./errors";
import * as schema from "./schema";

// Opens the archive's database, embedded (PGlite) or a PostgreSQL server (pg), and brings its
// schema up to date. Everything above this file sees one Drizzle database and writes no
// driver-specific SQL: the same migrations and queries run on both.

export type ArchiveDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export type ArchiveTarget =
  /** PGlite persisted in `dir`; without one, in memory (tests). */
  | { kind: "embedded"; dir?: string }
  | { kind: "server"; url: string };

export type ArchiveDatabase = {
  kind: "embedded" | "server";
  db: ArchiveDb;
  close(): Promise<void>;
};

/** Where the versioned migrations live; `next start`, `next dev` and Vitest all run from the project root. */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib/server/archive/migrations");

// Any constant works; it only has to be the same in every instance sharing a server.
const MIGRATION_LOCK_KEY = 0x4d52_4741; // "MRGA"

export async function openArchiveDatabase(
  target: ArchiveTarget,
  { migrationsFolder = MIGRATIONS_FOLDER }: { migrationsFolder?: string } = {},
): Promise<ArchiveDatabase> {
  return target.kind === "embedded" ? openEmbedded(target.dir, migrationsFolder) : openServer(target.url, migrationsFolder);
}

async function openEmbedded(dir: string | undefined, migrationsFolder: string): Promise<ArchiveDatabase> {
  const lock = dir === undefined ? undefined : lockArchiveDir(dir);
  let client: PGlite | undefined;
  try {
    client = await PGlite.create(lock?.dataDir, { extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema });
    // One connection in one process (the folder is locked), so nothing can migrate beside us.
    await migratePglite(db, { migrationsFolder });
    const opened = client;
    return {
      kind: "embedded",
      db,
      async close() {
        await opened.close();
        lock?.release();
      },
    };
  } catch (error) {
    await client?.close().catch(() => {});
    lock?.release();
    if (dir === undefined || error instanceof ArchiveStartupError) throw error;
    throw new ArchiveStartupError(`ARCHIVE_DIR (${path.resolve(dir)}) could not be opened as the archive: ${String(error)}`, {
      cause: error,
    });
  }
}

async function openServer(url: string, migrationsFolder: string): Promise<ArchiveDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Every write here can be made again from Merge: a server crash may lose the last commits, but
    // always together with the sync position that fetches them again. So a commit need not wait for
    // its flush to disk (one per page of the backfill). Not for PGlite: it has no WAL writer to
    // flush later, so there a lost flush would be every page since the start.
    options: "-c synchronous_commit=off",
  });
  // An idle connection dropped by the server (a restart, a failover) must not take the app down:
  // the next query reconnects or answers archive_unavailable.
  pool.on("error", (error) => logWarning("The archive's database dropped a connection", { reason: error.message }));
  try {
    // Instances starting together take turns: the first migrates, the others then find nothing to do.
    // The lock is a session's, so it is held on one dedicated connection.
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      try {
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw asArchiveError(error);
  }
  return { kind: "server", db: drizzleNodePg(pool, { schema }), close: () => pool.end() };
}
