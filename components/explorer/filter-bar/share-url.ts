import { freezeRange } from "@/lib/date-presets";
import { explorerUrl } from "@/lib/explorer-url";
import type { AuditTrailFilters } from "@/lib/filters";

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
  const path = explorerUrl({ filters: frozen, event: openEvent }, current.pathname);
  return new URL(path, current.origin).href;
}
