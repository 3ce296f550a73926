import { freezeRange } from "@/lib/date-presets";
import type { AuditTrailFilters } from "@/lib/filters";
import { filtersUrl } from "@/lib/search-params";

/**
 * The absolute URL "Copy link" puts on the clipboard: the current view (filters, page size, open
 * event) with its date range frozen at `now`, so a teammate opening it later sees the same events.
 */
export function sharedViewUrl(
  filters: AuditTrailFilters,
  openEvent: string | null,
  currentUrl: string,
  now: Date,
): string {
  const current = new URL(currentUrl);
  const frozen = { ...filters, ...freezeRange(filters, now) };
  const path = filtersUrl(frozen, { event: openEvent ?? undefined, pathname: current.pathname });
  return new URL(path, current.origin).href;
}
