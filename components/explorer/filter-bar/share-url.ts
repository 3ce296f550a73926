import { freezeRange } from "@/lib/date-presets";
import { explorerUrl } from "@/lib/explorer-url";
import type { AuditTrailFilters } from "@/lib/filters";

export type SharedView = {
  /** The URL's filters, a relative range (`range=`) included. */
  filters: AuditTrailFilters;
  /** The same filters as the table fetched them: a relative range resolved into dates. */
  window: AuditTrailFilters;
  openEvent: string | null;
  /** The display zone, named in the link so a teammate sees the times the sender saw. */
  timeZone: string;
};

/**
 * The absolute URL "Copy link" puts on the clipboard: the current view (filters, page size, zone,
 * open event). Frozen (the default), its dates are the ones the table covers, an open end closed
 * at `now`, so a teammate opening it later sees the same events. Live, it is the page's own URL:
 * `range=1h` stays "the last hour" whenever it is opened.
 */
export function sharedViewUrl(view: SharedView, currentUrl: string, now: Date, { live = false } = {}): string {
  const current = new URL(currentUrl);
  const filters = live ? view.filters : { ...view.window, ...freezeRange(view.window, now) };
  const path = explorerUrl({ filters, event: view.openEvent, timeZone: view.timeZone }, current.pathname);
  return new URL(path, current.origin).href;
}
