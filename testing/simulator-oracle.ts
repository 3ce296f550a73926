// The truth tests compare paged walks with: a plain scan of a simulator's every event, newest
// first, using none of the index lists, intersections or binary searches that paging relies on.

import type { AuditEvent } from "@/lib/audit-event";
import type { AuditTrailFilters } from "@/lib/filters";
import type { Simulator } from "@/lib/simulator";
import { parseDateTime } from "@/lib/simulator/time";

/** Merge's filter names, as lib/filters.ts spells them (the page size plays no part). */
export type OracleFilters = Omit<AuditTrailFilters, "page_size">;

function micros(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const value = parseDateTime(text);
  if (value === null) throw new Error(`expectedEvents: ${name} is not a date/time: ${text}`);
  return value;
}

/** Every event of the simulator matching the filters, newest first, by brute force. */
export function expectedEvents(simulator: Simulator, filters: OracleFilters = {}): AuditEvent[] {
  const { dataset } = simulator;
  const email = filters.user_email?.trim().toLowerCase() || undefined;
  const type = filters.event_type?.trim() || undefined;
  const after = micros(filters.start_date, "start_date");
  const before = micros(filters.end_date, "end_date");
  const events: AuditEvent[] = [];
  for (let index = dataset.size - 1; index >= 0; index -= 1) {
    const facts = dataset.facts(index);
    if (email !== undefined && facts.email?.toLowerCase() !== email) continue;
    if (type !== undefined && facts.eventType !== type) continue;
    if (after !== undefined && !(facts.micros > after)) continue;
    if (before !== undefined && !(facts.micros < before)) continue;
    events.push(dataset.event(index));
  }
  return events;
}
