// The app's own records, kept in the archive's database (in every mode, ARCHIVE=off included):
// the access log, export manifests and saved views. No `server-only` here: drizzle-kit loads this
// file in plain Node (only server modules import it).

import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** Milliseconds, as JavaScript's toISOString writes them: the hash covers the time's exact text. */
const millisTimestamp = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "string" });

// Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE: see the migration) and hash-chained:
// each row's hash covers its own fields and the previous row's hash, so an edit, a deletion or an
// insertion in the middle breaks the chain at that row. Ids are consecutive (taken from the head
// row under its lock), so a missing row is a gap too. `detail` is the exact JSON text that was
// hashed: jsonb would reorder its keys.
export const accessLog = pgTable(
  "access_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey(),
    at: millisTimestamp("at").notNull(),
    user_email: text("user_email"),
    action: text("action").notNull(),
    detail: text("detail").notNull(),
    ip: text("ip"),
    user_agent: text("user_agent"),
    prev_hash: text("prev_hash"),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("access_log_user_email_id_idx").on(sql`lower(${table.user_email})`, table.id),
    index("access_log_action_id_idx").on(table.action, table.id),
    index("access_log_at_idx").on(table.at),
  ],
);

// The chain's head, one row: appends lock it (SELECT ... FOR UPDATE), so appends from several
// instances sharing a server take turns and each links to the one before. It also lets Verify see
// rows cut from the end of the chain.
export const accessLogHead = pgTable(
  "access_log_head",
  {
    id: integer("id").primaryKey().default(1),
    last_id: bigint("last_id", { mode: "number" }).notNull().default(0),
    last_hash: text("last_hash"),
  },
  (table) => [check("access_log_head_one_row", sql`${table.id} = 1`)],
);

// One row per export, written when it starts and completed once its stream ends (outcome null
// until then). The file's SHA-256 is of the exact bytes served.
export const exportManifests = pgTable(
  "export_manifests",
  {
    id: text("id").primaryKey(),
    url: text("url").notNull(),
    format: text("format").notNull(),
    source: text("source").notNull(),
    count: integer("count"),
    first_event_at: text("first_event_at"),
    last_event_at: text("last_event_at"),
    sha256: text("sha256"),
    created_by: text("created_by").notNull(),
    created_at: millisTimestamp("created_at").notNull(),
    app_version: text("app_version").notNull(),
    outcome: text("outcome"),
  },
  (table) => [index("export_manifests_created_by_created_at_idx").on(table.created_by, table.created_at)],
);

// Named filters: personal (seen by the owner only) or team (seen by everyone). Names are unique
// within a scope: per owner for personal views, across the team for team views.
export const savedViews = pgTable(
  "saved_views",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    scope: text("scope").notNull(),
    /** The explorer's canonical query string (lib/explorer-url.ts), without the leading "?". */
    search: text("search").notNull(),
    owner_email: text("owner_email").notNull(),
    created_at: millisTimestamp("created_at").notNull(),
    updated_at: millisTimestamp("updated_at").notNull(),
  },
  (table) => [
    check("saved_views_scope", sql`${table.scope} in ('personal', 'team')`),
    uniqueIndex("saved_views_team_name_idx").on(table.name).where(sql`${table.scope} = 'team'`),
    uniqueIndex("saved_views_personal_name_idx").on(table.owner_email, table.name).where(sql`${table.scope} = 'personal'`),
  ],
);
