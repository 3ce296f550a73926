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
