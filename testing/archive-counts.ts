import { sql } from "drizzle-orm";
import { z } from "zod";

import type { ArchiveDb } from "@/lib/server/archive/database";

// The invariant of the counts kept beside audit_events (lib/server/archive/rollups.ts): each table
// holds exactly a recount of the events, no row more or less. Recounted here with plain SQL of its
// own, so a mistake in the store's expressions shows.

const rowsSchema = z.object({ rows: z.array(z.object({ line: z.string() })) });

/** Lines where a count table and a recount of audit_events differ: none when the counts are exact. */
export async function countsDisagreements(db: ArchiveDb): Promise<string[]> {
  const result = await db.execute(sql`
    with recount_types as (
      select unit, date_trunc(unit, created_at, 'UTC') as start, event_type, count(*)::integer as count
      from audit_events cross join unnest(array['hour', 'day']) as unit group by 1, 2, 3
    ),
    recount_values as (
      select unit, date_trunc(unit, created_at, 'UTC') as start, event_type, lower(user_email) as user_email, role, ip_address,
        count(*)::integer as count
      from audit_events cross join unnest(array['day', 'month']) as unit group by 1, 2, 3, 4, 5, 6
    ),
    stored_types as (select unit, start, event_type, count from audit_event_type_counts),
    stored_values as (select unit, start, event_type, user_email, role, ip_address, count from audit_event_value_counts)
    select format('stored, not counted: %s', t) as line from (select * from stored_types except all select * from recount_types) t
    union all select format('counted, not stored: %s', t) from (select * from recount_types except all select * from stored_types) t
    union all select format('stored, not counted: %s', v) from (select * from stored_values except all select * from recount_values) v
    union all select format('counted, not stored: %s', v) from (select * from recount_values except all select * from stored_values) v
  `);
  return rowsSchema.parse(result).rows.map((row) => row.line);
}

/**
 * Lines where audit_search_texts and the events disagree (schema.ts): the table must hold exactly
 * the distinct texts of the events stored (lower-case), each under its SHA-256, and each event must carry its own
 * text's hash. Spelled out again here, so a mistake in the store's or the migration's shows.
 */
export async function searchTextsDisagreements(db: ArchiveDb): Promise<string[]> {
  const result = await db.execute(sql`
    with texts as (
      select id, lower(coalesce(user_name, '') || E'\\n' || coalesce(user_email, '') || E'\\n' || event_type || E'\\n' || event_description) as text,
        search_hash
      from audit_events
    ),
    expected as (select distinct sha256(convert_to(text, 'UTF8')) as hash, text from texts),
    stored as (select hash, text from audit_search_texts)
    select format('text stored, no event has it: %s', s.text) as line from (select * from stored except select * from expected) s
    union all select format('text of an event, not stored: %s', e.text) from (select * from expected except select * from stored) e
    union all select format('event %s carries another text''s hash', id) from texts where search_hash <> sha256(convert_to(text, 'UTF8'))
  `);
  return rowsSchema.parse(result).rows.map((row) => row.line);
}
