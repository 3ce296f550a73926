import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import type { AuditEvent } from "@/lib/audit-event";
import { createSimulator } from "@/lib/simulator";
import { countsDisagreements, searchTextsDisagreements } from "@/testing/archive-counts";
import { testDatabaseKinds } from "@/testing/archive-databases";
import { archivedTrail } from "@/testing/archive-sync";
import { expectedEvents, matchesFilters } from "@/testing/simulator-oracle";

import { MIGRATIONS_FOLDER, openArchiveDatabase, type ArchiveDb, type ArchiveTarget } from "./database";
import { addCountsOf } from "./rollups";
import { acquireSyncLease, listArchivedEvents, readArchiveFigures, readSyncState, storePage } from "./store";

// The archive's migrations as a release meets them: an empty database, a second start, and a
// database left by the previous release with rows in it. Written over the journal, not over
// today's files, so every migration added later is tested the same way (its previous version is
// the journal without it).

type JournalEntry = { idx: number; when: number; tag: string };

const JOURNAL: JournalEntry[] = (
  JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: JournalEntry[] }
).entries;

const SLOW = { timeout: 120_000 };
// A PGlite starts in about 1.5 s alone, and many times that on two cores shared with other tests.
const HOOK_TIMEOUT_MS = 60_000;

const simulator = createSimulator({ now: "2026-11-28T12:00:00Z", events: 250, seed: "archive-migrations" });
const EVENTS = expectedEvents(simulator);
/** Stored by the previous version; the rest are stored after the upgrade. */
const EARLIER = EVENTS.slice(50);
const LATER = EVENTS.slice(0, 50);
const trail = (events: AuditEvent[]) => events.map((event) => `${event.id} ${event.created_at}`).sort();

/** A migrations folder holding the journal's first `count` migrations: the archive as that release shipped it. */
function migrationsOfRelease(count: number, into: string): string {
  fs.mkdirSync(path.join(into, "meta"), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: JournalEntry[] };
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(into, "meta/_journal.json"), JSON.stringify(journal));
  for (const { tag } of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), path.join(into, `${tag}.sql`));
  return into;
}

/** Every table column, index, constraint and extension, one line each: two databases with equal lines have one schema. */
async function describeSchema(db: ArchiveDb): Promise<string[]> {
  const rows = await db
    .select({ line: sql<string>`line` })
    .from(
      sql`(
        select format('column %s.%s %s(%s) nullable=%s default=%s', table_name, column_name, data_type,
            coalesce(datetime_precision::text, ''), is_nullable, coalesce(column_default, '-')) as line
          from information_schema.columns where table_schema = 'public'
        union all select format('index %s', indexdef) from pg_indexes where schemaname = 'public'
        union all select format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
          from pg_constraint where connamespace = 'public'::regnamespace
        union all select format('extension %s', extname) from pg_extension
      ) as schema_lines`,
    )
    .orderBy(sql`line`);
  return rows.map((row) => row.line);
}

async function appliedMigrations(db: ArchiveDb): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::integer` }).from(sql`drizzle.__drizzle_migrations`);
  return row!.count;
}

/**
 * What a previous release left: events and a backfill under way. Plain SQL over the columns issue
 * #12 names (Merge's eight fields, created_at_raw, the sync state's position), which every version
 * keeps; the store's functions speak today's schema, which that database does not have yet. Since
 * migration 0004 a release keeps counts of its events (rollups.ts), added here as its store did.
 */
async function storeAsPreviousRelease(db: ArchiveDb, events: AuditEvent[]): Promise<void> {
  const rows = events.map(
    (event) =>
      sql`(${event.id}, ${event.user_name}, ${event.user_email}, ${event.role}, ${event.ip_address}, ${event.event_type},
        ${event.event_description}, ${event.created_at}::timestamptz, ${event.created_at})`,
  );
  await db.execute(sql`insert into audit_events (id, user_name, user_email, role, ip_address, event_type, event_description,
      created_at, created_at_raw) values ${sql.join(rows, sql`, `)}`);
  const counts = addCountsOf(sql`audit_events`);
  await db.execute(counts.type);
  await db.execute(counts.value);
  await db.execute(sql`insert into archive_sync_state (id, watermark, backfill_cursor, backfill_events, events)
      values (1, ${events[0]!.created_at}::timestamptz, 'cursor-of-the-previous-release', ${events.length}, ${events.length})`);
}

describe.each(testDatabaseKinds())("the archive's migrations on $name", (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  }, HOOK_TIMEOUT_MS);

  function temporaryFolder(prefix: string): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }));
    return folder;
  }

  /** A database with nothing in it, which can be opened again (PGlite in memory cannot: it gets a folder). */
  async function emptyDatabase(): Promise<ArchiveTarget> {
    const created = await kind.create();
    cleanups.push(() => created.drop());
    return created.target.kind === "server" ? created.target : { kind: "embedded", dir: temporaryFolder("archive-migrations-") };
  }

  async function withArchive<T>(target: ArchiveTarget, work: (db: ArchiveDb) => Promise<T>, migrationsFolder?: string): Promise<T> {
    const database = await openArchiveDatabase(target, { migrationsFolder });
    try {
      return await work(database.db);
    } finally {
      await database.close();
    }
  }

  it("has a journal in the order of its migrations, each with its file", () => {
    // The migrator applies only migrations newer than the last one a database has: one dated
    // before it (a renumbering gone wrong at a merge) would be skipped on every upgraded database.
    expect(JOURNAL.length).toBeGreaterThan(0);
    JOURNAL.forEach((entry, index) => {
      expect(entry.idx).toBe(index);
      if (index > 0) expect(entry.when).toBeGreaterThan(JOURNAL[index - 1]!.when);
      expect(fs.existsSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`))).toBe(true);
    });
  });

  it("migrates an empty database, and a second start (or two at once) changes nothing", SLOW, async () => {
    const target = await emptyDatabase();
    const migrated = await withArchive(target, async (db) => {
      expect(await appliedMigrations(db)).toBe(JOURNAL.length);
      return describeSchema(db);
    });
    expect(migrated).toEqual(expect.arrayContaining([expect.stringMatching(/^column audit_events\.id /)]));
    expect(migrated).toEqual(expect.arrayContaining([expect.stringMatching(/^column archive_sync_state\.watermark /)]));

    // Instances of a shared server starting together queue on the migration lock and find nothing
    // to do; PGlite's folder belongs to one process, so there it is one start after another.
    const starts = target.kind === "server" ? 2 : 1;
    const again = await Promise.all(
      Array.from({ length: starts }, () => withArchive(target, async (db) => [await appliedMigrations(db), await describeSchema(db)] as const)),
    );
    for (const [applied, schema] of again) {
      expect(applied).toBe(JOURNAL.length);
      expect(schema).toEqual(migrated);
    }
  });

  it.runIf(JOURNAL.length > 1)(
    "brings a database of the previous release up to date: its rows stay, and the schema is the one an empty database gets",
    SLOW,
    async () => {
      const previous = migrationsOfRelease(JOURNAL.length - 1, temporaryFolder("archive-previous-release-"));
      const upgraded = await emptyDatabase();
      await withArchive(upgraded, (db) => storeAsPreviousRelease(db, EARLIER), previous);

      await withArchive(upgraded, async (db) => {
        expect(await appliedMigrations(db)).toBe(JOURNAL.length);
        expect(await archivedTrail(db)).toEqual(trail(EARLIER));
        // Text search finds the earlier release's rows (migration 0005 moved what it reads).
        const q = EARLIER[7]!.event_description.slice(3, 30).toUpperCase();
        const found = await listArchivedEvents(db, { q, page_size: 100 });
        expect(trail(found.results)).toEqual(trail(EARLIER.filter((event) => matchesFilters(event, { q }))));
        expect(found.results.length).toBeGreaterThan(0);
        // The stats' counts stand for exactly the rows found, before and after today's sync adds some.
        expect(await countsDisagreements(db)).toEqual([]);
        expect(await searchTextsDisagreements(db)).toEqual([]);
        expect(await readSyncState(db)).toEqual({
          watermark: EARLIER[0]!.created_at,
          backfillCursor: "cursor-of-the-previous-release",
          backfillComplete: false,
        });
        // Today's sync writes to it, and today's queries read both releases' rows.
        expect(await acquireSyncLease(db, "after-upgrade", 60_000)).toBe(true);
        await storePage(db, "after-upgrade", LATER, { walk: "backfill", next: null });
        expect(await archivedTrail(db)).toEqual(trail(EVENTS));
        expect(await countsDisagreements(db)).toEqual([]);
        expect(await searchTextsDisagreements(db)).toEqual([]);
        expect(await readArchiveFigures(db)).toMatchObject({
          events: EVENTS.length,
          backfill: { complete: true, events: EVENTS.length },
          syncing_instance: "after-upgrade",
        });
      });

      const fresh = await emptyDatabase();
      const schemaFromEmpty = await withArchive(fresh, describeSchema);
      expect(await withArchive(upgraded, describeSchema)).toEqual(schemaFromEmpty);
    },
  );
});
