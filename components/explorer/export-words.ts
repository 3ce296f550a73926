// The export's words: how many events a file holds, and its progress while it streams.

/** "1 event", "1,204 events". */
export function exportCountText(events: number): string {
  return `${events.toLocaleString("en-US")} event${events === 1 ? "" : "s"}`;
}

/**
 * "Starting export…", "120 events…", or, when the archive has counted the result set, "120 of
 * 1,204 events…". Events that arrived after the count are counted on without a total.
 */
export function exportProgressText(events: number, total: number | undefined): string {
  if (events === 0) return "Starting export…";
  if (total === undefined || events > total) return `${exportCountText(events)}…`;
  return `${events.toLocaleString("en-US")} of ${exportCountText(total)}…`;
}
