"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";

import { createRangeClock } from "@/components/explorer/range-clock";
import { resolveQueryRange, toSearchParams, type AuditTrailFilters } from "@/lib/filters";

// A relative range (`range=1h`) is resolved into dates here, and the dates are what the table, the
// stats, the export and a frozen link use: the React Query key holds the resolved window, so a new
// evaluation is a new result set, and the pages of one result set share one window (no event
// skipped or repeated between pages). A filter state is resolved when the page first shows it (a
// filter change, a reload), and again when the tab comes back after five minutes or more; Back and
// Forward return to result sets as they were.

/**
 * How old a relative range's window may be when the tab comes back before it is resolved again (a
 * new result set, scrolled to the top): the table's own staleTime, past which it would refetch anyway.
 */
const RETURN_AFTER_MS = 5 * 60 * 1000;

/** The key a filter state's instant is kept under: its canonical query. */
export function filterStateKey(filters: AuditTrailFilters): string {
  return toSearchParams(filters).toString();
}

/**
 * The URL's filters with their relative range resolved (see above), calendar days in `timeZone`.
 * `serverNow` is the instant the server resolved at for its prefetch. `renew` is for the writer:
 * called with the next filters just before they are written, it resolves them at that moment (and
 * no request goes out for a window about to be replaced).
 */
export function useResolvedFilters(
  filters: AuditTrailFilters | null,
  timeZone: string,
  serverNow: number,
): { resolved: AuditTrailFilters | null; renew: (next: AuditTrailFilters) => void } {
  const [clock] = useState(() => createRangeClock(serverNow));
  const key = filters ? filterStateKey(filters) : "";
  const at = useSyncExternalStore(
    clock.subscribe,
    () => clock.instant(key),
    () => serverNow,
  );
  const live = filters?.range !== undefined;

  useEffect(() => {
    if (live) clock.claim(key);
  }, [clock, key, live]);

  useEffect(() => {
    if (!live) return;
    function onReturn() {
      if (document.visibilityState === "visible" && Date.now() - clock.instant(key) > RETURN_AFTER_MS) clock.renew(key);
    }
    window.addEventListener("focus", onReturn);
    document.addEventListener("visibilitychange", onReturn);
    return () => {
      window.removeEventListener("focus", onReturn);
      document.removeEventListener("visibilitychange", onReturn);
    };
  }, [clock, key, live]);

  const renew = useCallback((next: AuditTrailFilters) => {
    if (next.range !== undefined) clock.renew(filterStateKey(next));
  }, [clock]);
  const resolved = useMemo(() => filters && resolveQueryRange({ ...filters, tz: timeZone }, new Date(at)), [filters, timeZone, at]);
  return { resolved, renew };
}
