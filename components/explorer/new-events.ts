import type { AuditEvent, AuditTrailPage } from "@/lib/audit-event";
import type { AuditTrailFilters } from "@/lib/filters";
import { parseDateTime } from "@/lib/simulator/time";

// "N new events": whether the archive may hold events newer than the table's top row, and how many
// of them a fresh first page shows. Pure, so the counting is tested without a browser.

/** The fresh first page asks for Merge's largest page: up to this many new events are counted exactly. */
export const NEW_EVENTS_PAGE_SIZE = 100;

export type EventPosition = Pick<AuditEvent, "id" | "created_at">;

export type NewEvents = { count: number; more: boolean };

export const NO_NEW_EVENTS: NewEvents = { count: 0, more: false };

/**
 * Orders two events as the trail does, newest first: by created_at to the microsecond (a Date
 * would drop the last three digits, and bursts share a millisecond), then by id. Positive when
 * `a` is newer.
 */
export function compareEventPositions(a: EventPosition, b: EventPosition): number {
  const at = parseDateTime(a.created_at);
  const bt = parseDateTime(b.created_at);
  if (at !== null && bt !== null && at !== bt) return at - bt;
  return a.id === b.id ? 0 : a.id > b.id ? 1 : -1;
}

/**
 * Whether a view can gain events at its top, and the archive holds one newer than that top: the
 * view's range has no end in the past (`nowMs`), and the archive's newest event is newer than the
 * top row (any event, for an empty view). The trail is always read newest first. The status gives
 * no id, so an event sharing the top row's very microsecond shows with the next newer one.
 */
export function mayHaveNewEvents(
  filters: AuditTrailFilters,
  top: EventPosition | undefined,
  newestInArchive: string | null,
  nowMs: number,
): boolean {
  if (newestInArchive === null) return false;
  if (filters.end_date !== undefined && Date.parse(filters.end_date) <= nowMs) return false;
  if (top === undefined) return true;
  const newest = parseDateTime(newestInArchive);
  const topAt = parseDateTime(top.created_at);
  return newest !== null && topAt !== null && newest > topAt;
}

/**
 * How many events of a fresh first page come before the table's top row. The page is in the
 * trail's own order, so where the top row appears in it is the answer, whatever order the store
 * gives equal timestamps; a top row the page does not reach means every event newer than it counts.
 * `more` when the whole page is new and more follow it.
 */
export function countNewEvents(page: AuditTrailPage, top: EventPosition | undefined): NewEvents {
  const index = top === undefined ? -1 : page.results.findIndex((event) => event.id === top.id);
  const count =
    index >= 0
      ? index
      : top === undefined
        ? page.results.length
        : page.results.filter((event) => compareEventPositions(event, top) > 0).length;
  return { count, more: count === page.results.length && count > 0 && page.next !== null };
}

/** The button's words: "1 new event", "37 new events", "100+ new events". */
export function newEventsLabel({ count, more }: NewEvents): string {
  if (more) return `${count.toLocaleString("en-US")}+ new events`;
  return count === 1 ? "1 new event" : `${count.toLocaleString("en-US")} new events`;
}
