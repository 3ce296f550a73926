import "server-only";

import { sql, type SQL } from "drizzle-orm";

import { auditEventTypeCounts as typeCounts, auditEventValueCounts as valueCounts } from "./schema";

// The counts kept beside audit_events (schema.ts): what a set of events adds to them, or takes
// off. Migration 0004 counted the events archived before it with the same expressions, written out.

const EPOCH = sql`timestamptz '1970-01-01T00:00:00Z'`;

/**
 * The rows of both count tables for a set of events. `events` names a relation (table or CTE)
 * with audit_events' columns; `where` narrows it. Each table's shorter unit is counted from the
 * events, its longer one summed from those few rows: a page of events is grouped once per table.
 * date_bin is plain arithmetic on the instant (UTC whatever the session's time zone); months
 * need date_trunc in UTC.
 */
function countsOf(events: SQL, where: SQL = sql`true`) {
  return {
    type: sql`with hours as (
        select date_bin('1 hour', e.created_at, ${EPOCH}) as start, e.event_type, count(*)::integer as count
        from ${events} as e where ${where} group by 1, 2
      )
      select 'hour' as unit, start, event_type, count from hours
      union all
      select 'day', date_bin('1 day', start, ${EPOCH}), event_type, sum(count)::integer from hours group by 2, 3`,
    value: sql`with days as (
        select date_bin('1 day', e.created_at, ${EPOCH}) as start, e.event_type, lower(e.user_email) as user_email, e.role, e.ip_address,
          count(*)::integer as count
        from ${events} as e where ${where} group by 1, 2, 3, 4, 5
      )
      select 'day' as unit, start, event_type, user_email, role, ip_address, count from days
      union all
      select 'month', date_trunc('month', start, 'UTC'), event_type, user_email, role, ip_address, sum(count)::integer
      from days group by 2, 3, 4, 5, 6`,
  };
}

/**
 * Two INSERT ... ON CONFLICT statements that add `events` (a CTE of the rows just inserted) to the
 * counts, to run as CTEs of the statement that inserted them: the counts commit with the events or
 * not at all.
 */
export function addCountsOf(events: SQL): { type: SQL; value: SQL } {
  const counts = countsOf(events);
  return {
    type: sql`insert into ${typeCounts} (unit, start, event_type, count) ${counts.type}
      on conflict (unit, start, event_type) do update set count = ${typeCounts}.count + excluded.count`,
    value: sql`insert into ${valueCounts} (unit, start, event_type, user_email, role, ip_address, count) ${counts.value}
      on conflict (unit, start, event_type, user_email, role, ip_address) do update set count = ${valueCounts}.count + excluded.count`,
  };
}

/**
 * The statements that take the archived events older than `cutoff` off the counts, to run just
 * before deleting those events in the same transaction. Rows that reach zero go.
 */
export function subtractCountsBefore(cutoff: string): SQL[] {
  const counts = countsOf(sql`audit_events`, sql`e.created_at < ${cutoff}::timestamptz`);
  return [
    sql`update ${typeCounts} as c set count = c.count - d.count from (${counts.type}) as d
      where c.unit = d.unit and c.start = d.start and c.event_type = d.event_type`,
    sql`update ${valueCounts} as c set count = c.count - d.count from (${counts.value}) as d
      where c.unit = d.unit and c.start = d.start and c.event_type = d.event_type
        and c.user_email is not distinct from d.user_email and c.role = d.role and c.ip_address = d.ip_address`,
    sql`delete from ${typeCounts} where count = 0`,
    sql`delete from ${valueCounts} where count = 0`,
  ];
}
