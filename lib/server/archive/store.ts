import "server-only";

import { and, asc, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import type { AuditEvent, AuditTrailPage } from "@/lib/audit-event";
import { DEFAULT_PAGE_SIZE, type AuditTrailQuery } from "@/lib/filters";
import { PEOPLE_EVENTS_CAP, personSchema, type PeopleQuery, type Person } from "@/lib/people";

import { decodeKeysetCursor, encodeKeysetCursor, type KeysetCursor } from "./cursor";
import type { ArchiveDb } from "./database";
import { ArchiveError, asArchiveError } from "./errors";
import { filterConditions, searchHashOf, searchTextOf } from "./filter-conditions";
import { addCountsOf, subtractCountsBefore } from "./rollups";
import { archiveSyncState, auditEvents, auditEventTypeCounts, auditEventValueCounts, auditSearchTexts } from "./schema";

// Every query the archive runs, each a named function over a Drizzle database, so the same SQL
// serves PGlite and a PostgreSQL server. Database failures leave as ArchiveError.

/** created_at as `2026-11-28T04:26:12.291510Z`: PostgreSQL's own text form drops zeros and says +00. */
const isoMicros = (column: SQL | typeof auditEvents.created_at) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof LeaseLostError ? error : asArchiveError(error);
  }
}

/** Creates the sync state's one row if this is a new archive. */
export function ensureSyncState(db: ArchiveDb): Promise<void> {
  return guarded(async () => {
    await db.insert(archiveSyncState).values({ id: 1 }).onConflictDoNothing();
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * One page of archived events in Merge's shape, newest first (oldest first with `order=asc`),
 * keyset-paged on (created_at, id) both ways. Filters mean what lib/filters.ts says (user_email
 * case-insensitive like Merge's, start_date and end_date strict). A cursor that is not the
 * archive's, or that belongs to a listing in the other order, throws ArchiveError("invalid_cursor").
 */
export async function listArchivedEvents(db: ArchiveDb, query: AuditTrailQuery): Promise<AuditTrailPage> {
  const listOrder = query.order ?? "desc";
  const cursor = query.cursor === undefined ? undefined : decodeKeysetCursor(query.cursor);
  if (cursor && cursor.order !== listOrder) throw new ArchiveError("invalid_cursor", "The cursor belongs to a listing in the other order");
  const pageSize = query.page_size ?? DEFAULT_PAGE_SIZE;
  const backwards = cursor?.direction === "previous";
  // The scan runs oldest first for the next page of an ascending listing, or the previous page of a descending one.
  const ascending = (listOrder === "asc") !== backwards;
  const conditions = filterConditions(query);
  if (cursor) {
    const key = sql`(${auditEvents.created_at}, ${auditEvents.id})`;
    const boundary = sql`(${cursor.createdAt}::timestamptz, ${cursor.id}::text)`;
    conditions.push(ascending ? sql`${key} > ${boundary}` : sql`${key} < ${boundary}`);
  }
  const order = ascending ? asc : desc;

  return guarded(async () => {
    const rows = await db
      .select({
        event: {
          id: auditEvents.id,
          user_name: auditEvents.user_name,
          user_email: auditEvents.user_email,
          role: auditEvents.role,
          ip_address: auditEvents.ip_address,
          event_type: auditEvents.event_type,
          event_description: auditEvents.event_description,
          created_at: auditEvents.created_at_raw,
        },
        key: isoMicros(auditEvents.created_at),
      })
      .from(auditEvents)
      .where(and(...conditions))
      .orderBy(order(auditEvents.created_at), order(auditEvents.id))
      .limit(pageSize + 1);

    // One row past the page says whether the walk goes on in this direction.
    const more = rows.length > pageSize;
    const shown = rows.slice(0, pageSize);
    if (backwards) shown.reverse();
    const first = shown[0];
    const last = shown[shown.length - 1];
    const at = (direction: KeysetCursor["direction"], row: { key: string; event: { id: string } }) =>
      encodeKeysetCursor({ direction, order: listOrder, createdAt: row.key, id: row.event.id });
    // An empty page past either end turns back at the cursor it was asked with.
    const edge = cursor && { key: cursor.createdAt, event: { id: cursor.id } };

    const nextExists = backwards ? true : more;
    const previousExists = backwards ? more : cursor !== undefined;
    const nextFrom = last ?? edge;
    const previousFrom = first ?? edge;
    return {
      results: shown.map((row): AuditEvent => row.event),
      next: nextExists && nextFrom ? at("next", nextFrom) : null,
      previous: previousExists && previousFrom ? at("previous", previousFrom) : null,
    };
  });
}

const peopleRowsSchema = z.object({ rows: z.array(personSchema.omit({ events_capped: true })) });

/**
 * The people of the trail whose name or email contains `q` (case-insensitive), at most `limit`, in
 * comparePeople's order (lib/people.ts), each with their newest name and their number of events.
 *
 * Cheap on a big archive: the distinct emails are walked down the lower(user_email) index one hop
 * each (a "loose index scan", which PostgreSQL does not plan by itself), a person's name is the
 * newest row of theirs in that index, and events are counted only for the people answered, up to
 * PEOPLE_EVENTS_CAP each. The count walks the index in order: without the ORDER BY, PostgreSQL
 * plans a bitmap scan that reads all of a person's rows before the LIMIT (2 s, not 20 ms, for eight
 * people at 1M events).
 */
export function findPeople(db: ArchiveDb, { q, limit }: PeopleQuery): Promise<Person[]> {
  const needle = q.trim().toLowerCase();
  const email = sql`lower(${auditEvents.user_email})`;
  return guarded(async () => {
    const result = await db.execute(sql`
      with recursive emails(email) as (
        (select ${email} from ${auditEvents} where ${auditEvents.user_email} is not null order by ${email} limit 1)
        union all
        select (select ${email} from ${auditEvents} where ${email} > emails.email order by ${email} limit 1)
        from emails where emails.email is not null
      ),
      people as (
        select emails.email, newest.user_name as name
        from emails
        cross join lateral (
          select ${auditEvents.user_name} from ${auditEvents}
          where ${email} = emails.email
          order by ${auditEvents.created_at} desc, ${auditEvents.id} desc
          limit 1
        ) newest
        where emails.email is not null
      ),
      matches as (
        select email, name, (starts_with(email, ${needle}) or starts_with(lower(coalesce(name, '')), ${needle})) as prefix
        from people
        where strpos(email, ${needle}) > 0 or strpos(lower(coalesce(name, '')), ${needle}) > 0
        order by prefix desc, email collate "C"
        limit ${limit}
      )
      select name, email, (
        select count(*) from (
          select from ${auditEvents} where ${email} = matches.email order by ${auditEvents.created_at} desc limit ${PEOPLE_EVENTS_CAP + 1}
        ) capped
      )::integer as events
      from matches
      order by prefix desc, email collate "C"
    `);
    return peopleRowsSchema.parse(result).rows.map(({ events, ...person }) => ({
      ...person,
      events: Math.min(events, PEOPLE_EVENTS_CAP),
      events_capped: events > PEOPLE_EVENTS_CAP,
    }));
  });
}

export type ArchiveFigures = {
  events: number;
  oldest_event_at: string | null;
  newest_event_at: string | null;
  last_sync_at: string | null;
  lag_seconds: number | null;
  backfill: { complete: boolean; events: number };
  syncing_instance: string | null;
  last_error: string | null;
};

/** What GET /api/archive/status reports, apart from the mode. Cheap: two index ends and one row. */
export function readArchiveFigures(db: ArchiveDb): Promise<ArchiveFigures> {
  return guarded(async () => {
    const [row] = await db
      .select({
        events: archiveSyncState.events,
        oldest: sql<string | null>`(select ${isoMicros(sql`min(${auditEvents.created_at})`)} from ${auditEvents})`,
        newest: sql<string | null>`(select ${isoMicros(sql`max(${auditEvents.created_at})`)} from ${auditEvents})`,
        lastSync: sql<string | null>`${isoMicros(sql`${archiveSyncState.last_success_at}`)}`,
        lagSeconds: sql<string | null>`floor(extract(epoch from now() - ${archiveSyncState.last_success_at}))::text`,
        backfillComplete: archiveSyncState.backfill_complete,
        backfillEvents: archiveSyncState.backfill_events,
        holder: sql<string | null>`case when ${archiveSyncState.lease_expires_at} > now() then ${archiveSyncState.holder} end`,
        lastError: archiveSyncState.last_error,
      })
      .from(archiveSyncState)
      .where(eq(archiveSyncState.id, 1));
    if (!row) throw new Error("The archive's sync state row is missing");
    return {
      events: row.events,
      oldest_event_at: row.oldest,
      newest_event_at: row.newest,
      last_sync_at: row.lastSync,
      lag_seconds: row.lagSeconds === null ? null : Math.max(0, Number(row.lagSeconds)),
      backfill: { complete: row.backfillComplete, events: row.backfillEvents },
      syncing_instance: row.holder,
      last_error: row.lastError,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The syncer's state

export type SyncState = {
  watermark: string | null;
  backfillCursor: string | null;
  backfillComplete: boolean;
};

const syncStateColumns = {
  watermark: isoMicros(sql`${archiveSyncState.watermark}`),
  backfillCursor: archiveSyncState.backfill_cursor,
  backfillComplete: archiveSyncState.backfill_complete,
};

export function readSyncState(db: ArchiveDb): Promise<SyncState> {
  return guarded(async () => {
    const [row] = await db
      .select(syncStateColumns)
      .from(archiveSyncState)
      .where(eq(archiveSyncState.id, 1));
    if (!row) throw new Error("The archive's sync state row is missing");
    return row;
  });
}

/**
 * Takes or renews the sync lease for `instance` until `ttlMs` from the database's clock (one clock
 * for every instance). True when `instance` holds it now; false while another holder's lease runs.
 */
export function acquireSyncLease(db: ArchiveDb, instance: string, ttlMs: number): Promise<boolean> {
  return guarded(async () => {
    const taken = await db
      .update(archiveSyncState)
      .set({ holder: instance, lease_expires_at: sql`now() + ${Math.ceil(ttlMs)}::integer * interval '1 millisecond'` })
      .where(
        and(
          eq(archiveSyncState.id, 1),
          sql`(${archiveSyncState.holder} is null or ${archiveSyncState.holder} = ${instance} or ${archiveSyncState.lease_expires_at} <= now())`,
        ),
      )
      .returning({ holder: archiveSyncState.holder });
    return taken.length === 1;
  });
}

/** Lets go of the lease at once (a clean stop), so another instance need not wait for it to expire. */
export function releaseSyncLease(db: ArchiveDb, instance: string): Promise<void> {
  return guarded(async () => {
    await db
      .update(archiveSyncState)
      .set({ holder: null, lease_expires_at: null })
      .where(and(eq(archiveSyncState.id, 1), eq(archiveSyncState.holder, instance)));
  });
}

/** An instance that does not sync asks the holder to follow now (see nudge() in sync.ts). */
export function requestNudge(db: ArchiveDb): Promise<void> {
  return guarded(async () => {
    await db
      .update(archiveSyncState)
      .set({ nudge_requests: sql`${archiveSyncState.nudge_requests} + 1` })
      .where(eq(archiveSyncState.id, 1));
  });
}

/** How many nudges other instances have asked for so far; the holder follows when it rises. */
export function readNudgeRequests(db: ArchiveDb): Promise<number> {
  return guarded(async () => {
    const [row] = await db
      .select({ requests: archiveSyncState.nudge_requests })
      .from(archiveSyncState)
      .where(eq(archiveSyncState.id, 1));
    return row?.requests ?? 0;
  });
}

/**
 * A page of events as rows to insert, with the text `q` searches and its hash, sent as one JSON
 * parameter: a hundred rows of nine values as separate parameters cost more to build and parse
 * than the insert itself. Read as json, not jsonb: the rows are read once, so building jsonb's tree
 * first is wasted (3.7 against 3.0 ms of the server's time per 1,000 rows).
 */
function pageRows(events: AuditEvent[]): SQL {
  return sql`select e.id, e.user_name, e.user_email, e.role, e.ip_address, e.event_type, e.event_description,
      e.created_at::timestamptz as created_at, e.created_at as created_at_raw, s.text as search_text, ${searchHashOf(sql`s.text`)} as search_hash
    from json_to_recordset(${JSON.stringify(events)}::json) as e(id text, user_name text, user_email text,
      role text, ip_address text, event_type text, event_description text, created_at text)
    cross join lateral (select ${searchTextOf(sql`e`)}) as s(text)`;
}

/** Thrown when a write finds the lease gone: another instance syncs now, this one stands down. */
export class LeaseLostError extends Error {
  constructor(instance: string) {
    super(`${instance} no longer holds the archive's sync lease`);
    this.name = "LeaseLostError";
  }
}

export type PageProgress = { walk: "backfill" | "follow"; next: string | null; top?: string };

export type StoredPage = { inserted: number; state: SyncState };

/**
 * Stores one page from Merge and the walk's progress in one transaction, only while `instance`
 * holds the lease: a page is either stored with its position or not at all, so a restart resumes
 * exactly there. Known ids are skipped, never doubled or overwritten (`ON CONFLICT (id) DO NOTHING`).
 *
 * - `top` (the newest created_at of a walk's first page) raises the watermark when the walk is a
 *   backfill starting, or when a follow walk completes (`next` null); never lowers it.
 * - For the backfill, `next` is its resume cursor; null marks it complete.
 */
export function storePage(db: ArchiveDb, instance: string, events: AuditEvent[], progress: PageProgress): Promise<StoredPage> {
  return guarded(async () => {
    // One statement, so one round trip and its own transaction: a backfill stores a batch every few
    // milliseconds, and on a busy server each extra round trip waits for the database's turn.
    // It locks the state row first, so two writers (a lease that just changed hands) take turns.
    const held = db.$with("held").as(
      db
        .select({ id: archiveSyncState.id })
        .from(archiveSyncState)
        .where(and(eq(archiveSyncState.id, 1), eq(archiveSyncState.holder, instance), sql`${archiveSyncState.lease_expires_at} > now()`))
        .for("update"),
    );
    const isHeld = sql`exists (select 1 from ${held})`;
    const page = db.$with("page", {}).as(pageRows(events));
    const inserted = db.$with("inserted").as(
      db
        .insert(auditEvents)
        .select(
          sql`select id, user_name, user_email, role, ip_address, event_type, event_description, created_at, created_at_raw, search_hash
            from ${page} where ${isHeld}`,
        )
        .onConflictDoNothing({ target: auditEvents.id })
        .returning({
          id: auditEvents.id,
          created_at: auditEvents.created_at,
          event_type: auditEvents.event_type,
          user_email: auditEvents.user_email,
          role: auditEvents.role,
          ip_address: auditEvents.ip_address,
          search_hash: auditEvents.search_hash,
        }),
    );
    // The texts of the events inserted that no event had before (the others conflict, untouched).
    const textsAdded = db.$with("texts_added", {}).as(
      sql`insert into ${auditSearchTexts} (hash, text)
        select distinct on (search_hash) search_hash, search_text from ${page} where search_hash in (select search_hash from ${inserted})
        on conflict (hash) do nothing`,
    );
    const insertedCount = sql<number>`(select count(*) from ${inserted})::integer`;
    // The stats' counts (rollups.ts) take in exactly the rows inserted, in the same statement.
    const added = addCountsOf(sql`${inserted}`);
    const typeCounted = db.$with("type_counted", {}).as(added.type);
    const valueCounted = db.$with("value_counted", {}).as(added.value);

    const raise = progress.top === undefined ? undefined : sql`greatest(${archiveSyncState.watermark}, ${progress.top}::timestamptz)`;
    const backfill =
      progress.walk === "backfill"
        ? {
            backfill_cursor: progress.next,
            backfill_complete: progress.next === null,
            backfill_events: sql`${archiveSyncState.backfill_events} + ${insertedCount}`,
            ...(raise && { watermark: raise }),
          }
        : progress.next === null && raise
          ? { watermark: raise }
          : {};
    const [row] = await db
      .with(held, page, inserted, textsAdded, typeCounted, valueCounted)
      .update(archiveSyncState)
      .set({
        ...backfill,
        events: sql`${archiveSyncState.events} + ${insertedCount}`,
        requests: sql`${archiveSyncState.requests} + 1`,
        last_success_at: sql`now()`,
        last_error: null,
        last_error_at: null,
      })
      .where(and(eq(archiveSyncState.id, 1), isHeld))
      .returning({ ...syncStateColumns, inserted: insertedCount });
    if (!row) throw new LeaseLostError(instance);
    const { inserted: count, ...state } = row;
    return { inserted: count, state };
  });
}

/** Notes a failed request to Merge, in words for the status line. */
export function recordSyncError(db: ArchiveDb, instance: string, message: string): Promise<void> {
  return guarded(async () => {
    await db
      .update(archiveSyncState)
      .set({ last_error: message, last_error_at: sql`now()`, requests: sql`${archiveSyncState.requests} + 1` })
      .where(and(eq(archiveSyncState.id, 1), eq(archiveSyncState.holder, instance)));
  });
}

/** Restarts the backfill from the newest page (its cursor was refused); stored events stay. */
export function restartBackfill(db: ArchiveDb, instance: string): Promise<void> {
  return guarded(async () => {
    await db
      .update(archiveSyncState)
      .set({ backfill_cursor: null, backfill_complete: false })
      .where(and(eq(archiveSyncState.id, 1), eq(archiveSyncState.holder, instance)));
  });
}

/** ARCHIVE_RETENTION_DAYS: deletes events older than `cutoff` (ISO); returns how many went. */
export function pruneEventsBefore(db: ArchiveDb, instance: string, cutoff: string): Promise<number> {
  return guarded(() =>
    db.transaction(async (tx) => {
      const held = await tx
        .select({ holder: archiveSyncState.holder })
        .from(archiveSyncState)
        .where(and(eq(archiveSyncState.id, 1), eq(archiveSyncState.holder, instance)))
        .for("update");
      if (held.length === 0) return 0;
      const [oldest] = await tx.select({ id: auditEvents.id }).from(auditEvents).where(lt(auditEvents.created_at, cutoff)).limit(1);
      if (!oldest) return 0;
      for (const statement of subtractCountsBefore(cutoff)) await tx.execute(statement);
      const deleted = await tx.delete(auditEvents).where(lt(auditEvents.created_at, cutoff)).returning({ id: auditEvents.id });
      // Texts no event has any more (a separate statement: within the delete's, the events still show).
      await tx.execute(sql`delete from ${auditSearchTexts} as t
        where not exists (select 1 from ${auditEvents} where ${auditEvents.search_hash} = t.hash)`);
      await tx
        .update(archiveSyncState)
        .set({ events: sql`${archiveSyncState.events} - ${deleted.length}::integer` })
        .where(eq(archiveSyncState.id, 1));
      return deleted.length;
    }),
  );
}

/**
 * VACUUM (ANALYZE) of the archive's tables: the planner's statistics, and the visibility map that
 * lets the stats count a search's events from an index alone. A server's autovacuum does this by
 * itself; PGlite has none, so its syncer asks (vacuumEveryEvents in sync.ts). Never in a transaction.
 */
export function vacuumArchive(db: ArchiveDb): Promise<void> {
  return guarded(async () => {
    await db.execute(sql`vacuum (analyze) ${auditEvents}, ${auditSearchTexts}, ${auditEventTypeCounts}, ${auditEventValueCounts}`);
  });
}
