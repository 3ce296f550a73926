// The truth other tests compare paged walks with: a plain scan of every event, newest first, using
// none of the index lists, intersections or binary searches that paging relies on.

import type { AuditEvent } from "../audit-event";
import type { Dataset } from "./dataset";
import { parseDateTime } from "./time";

/** Merge's filter names, as lib/filters.ts spells them (AuditTrailFilters fits). */
export type ExpectedFilters = { user_email?: string; event_type?: string; start_date?: string; end_date?: string };

function micros(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const value = parseDateTime(text);
  if (value === null) throw new Error(`expectedEvents: ${name} is not a date/time: ${text}`);
  return value;
}

export function expectedEvents(dataset: Dataset, filters: ExpectedFilters): AuditEvent[] {
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
