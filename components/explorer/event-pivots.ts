import type { AuditEvent } from "@/lib/audit-event";
import { valueFilterOf, type AuditTrailFilters } from "@/lib/filters";

const MINUTE_MS = 60 * 1000;

/** The spans "Events around this time" offers, either side of the event. */
export const AROUND_SPANS = [
  { label: "±5 min", ms: 5 * MINUTE_MS },
  { label: "±1 h", ms: 60 * MINUTE_MS },
  { label: "±1 day", ms: 24 * 60 * MINUTE_MS },
] as const;

/** "Only this user": the current filters narrowed to the event's actor (when it has an email). */
export function onlyThisUser(filters: AuditTrailFilters, event: AuditEvent): AuditTrailFilters | null {
  return event.user_email ? { ...filters, user_email: valueFilterOf(event.user_email) } : null;
}

/** "Only this event type": the current filters narrowed to the event's type. */
export function onlyThisEventType(filters: AuditTrailFilters, event: AuditEvent): AuditTrailFilters {
  return { ...filters, event_type: valueFilterOf(event.event_type) };
}

/**
 * "Events around this time": everything `spanMs` either side of the event, whoever did it, so the
 * event is seen in its context; only the page size is kept.
 */
export function eventsAroundThisTime(filters: AuditTrailFilters, event: AuditEvent, spanMs: number): AuditTrailFilters {
  const at = new Date(event.created_at).getTime();
  return {
    page_size: filters.page_size,
    start_date: new Date(at - spanMs).toISOString(),
    end_date: new Date(at + spanMs).toISOString(),
  };
}
