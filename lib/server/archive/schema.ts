// The archive's tables, the one source drizzle-kit generates the migrations from. No `server-only`
// here: drizzle-kit loads this file in plain Node (only server modules import it).

import { sql } from "drizzle-orm";
import { bigint, boolean, check, customType, index, integer, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";

/** Bytes; only SQL reads and writes the column that uses it. */
const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** Merge's created_at with its microseconds: a JavaScript Date would drop them, so strings in and out. */
const microsTimestamp = (name: string) => timestamp(name, { withTimezone: true, precision: 6, mode: "string" });

// One row per event, under Merge's field names. created_at orders and filters; created_at_raw is
// the text exactly as Merge sent it, served back unchanged (Merge drops a zero fraction, PostgreSQL
// would print it differently).
export const auditEvents = pgTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    user_name: text("user_name"),
    user_email: text("user_email"),
    role: text("role").notNull(),
    ip_address: text("ip_address").notNull(),
    event_type: text("event_type").notNull(),
    event_description: text("event_description").notNull(),
    created_at: microsTimestamp("created_at").notNull(),
    created_at_raw: text("created_at_raw").notNull(),
    /** SHA-256 of the text `q` searches (searchTextOf in filter-conditions.ts): its row in audit_search_texts. */
    search_hash: bytea("search_hash").notNull(),
  },
  (table) => [
    // The keyset of every listing, newest first; the filtered ones add their column in front.
    index("audit_events_created_at_id_idx").on(table.created_at, table.id),
    index("audit_events_user_email_created_at_idx").on(sql`lower(${table.user_email})`, table.created_at, table.id),
    index("audit_events_event_type_created_at_idx").on(table.event_type, table.created_at, table.id),
  ],
);

// Every distinct text `q` searches (name, email, type and description of an event, lower-case: far
// fewer than the events, as they repeat), under its SHA-256. The trigram index is on these texts, not on the
// events: an event whose text is known adds no trigrams, and a search finds its texts here, then
// counts their events in an index of audit_events by search_hash that holds what the stats group
// by (migration 0005, written by hand: drizzle-kit cannot express either index).
export const auditSearchTexts = pgTable("audit_search_texts", {
  hash: bytea("hash").primaryKey(),
  text: text("text").notNull(),
});

// Counts of audit_events kept beside it, so that the stats of a filter on types and dates add up
// a few thousand rows instead of counting a million (lib/server/archive/stats.ts). storePage adds
// every page it inserts in the same statement, pruning takes its rows off, migration 0004 counted
// the rows already there: each row is always exactly the count of the events it stands for.
// `start` is the UTC hour, day or month the events fall in.

/** Events of each type per hour and per day: the histogram. */
export const auditEventTypeCounts = pgTable(
  "audit_event_type_counts",
  {
    unit: text("unit", { enum: ["hour", "day"] }).notNull(),
    start: microsTimestamp("start").notNull(),
    event_type: text("event_type").notNull(),
    count: integer("count").notNull(),
  },
  // Types first: a filter on types reads a few runs of the key. No second index by time alone: PGlite
  // has no autovacuum to keep these tables' statistics, and without them the planner took it for a
  // filter on types too, reading every type's rows (six times slower).
  (table) => [primaryKey({ columns: [table.unit, table.event_type, table.start] })],
);

/** Events of each type, email (lower-case), role and IP per day and per month: the total and the facets. */
export const auditEventValueCounts = pgTable(
  "audit_event_value_counts",
  {
    unit: text("unit", { enum: ["day", "month"] }).notNull(),
    start: microsTimestamp("start").notNull(),
    event_type: text("event_type").notNull(),
    user_email: text("user_email"),
    role: text("role").notNull(),
    ip_address: text("ip_address").notNull(),
    count: integer("count").notNull(),
  },
  // NULLS NOT DISTINCT: the events without an email are one row, which storePage's upsert finds.
  (table) => [
    unique("audit_event_value_counts_key")
      .on(table.unit, table.event_type, table.start, table.user_email, table.role, table.ip_address)
      .nullsNotDistinct(),
  ],
);

// The syncer's one row: how far the walks got, how they went, and who holds the sync (a lease,
// because it works the same on PGlite's single connection and on a pool of a shared server).
export const archiveSyncState = pgTable(
  "archive_sync_state",
  {
    id: integer("id").primaryKey().default(1),
    /** created_at of the newest event of the last complete walk: follow asks from here, minus the overlap. */
    watermark: microsTimestamp("watermark"),
    /** Merge's `next` cursor where the backfill continues; null before it starts and once complete. */
    backfill_cursor: text("backfill_cursor"),
    backfill_complete: boolean("backfill_complete").notNull().default(false),
    /** Events the backfill inserted (not counting those follow had already stored). */
    backfill_events: bigint("backfill_events", { mode: "number" }).notNull().default(0),
    /** Rows in audit_events, kept with every insert and prune so the status never counts a big table. */
    events: bigint("events", { mode: "number" }).notNull().default(0),
    requests: bigint("requests", { mode: "number" }).notNull().default(0),
    last_success_at: microsTimestamp("last_success_at"),
    last_error: text("last_error"),
    last_error_at: microsTimestamp("last_error_at"),
    holder: text("holder"),
    lease_expires_at: microsTimestamp("lease_expires_at"),
    /**
     * Nudges asked of the holder by instances that do not sync (opening the explorer there): the
     * holder follows at once when it sees the count rise. See nudge() in sync.ts.
     */
    nudge_requests: bigint("nudge_requests", { mode: "number" }).notNull().default(0),
  },
  (table) => [check("archive_sync_state_one_row", sql`${table.id} = 1`)],
);
