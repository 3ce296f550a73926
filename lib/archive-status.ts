import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";

// The archive's state as GET /api/archive/status answers it (issue 12 fixes this shape), and how the
// browser polls it: a cheap call that tells the explorer how fresh the archive is and whether newer
// events exist. Browser-safe: no secret, no server module.

export const ARCHIVE_STATUS_ENDPOINT = "/api/archive/status";

/** Polling while the archive follows Merge, and faster while the backfill runs (its count moves). */
export const ARCHIVE_POLL_MS = 10_000;
export const BACKFILL_POLL_MS = 2_000;

const isoTime = z.iso.datetime({ offset: true });

export const archiveStatusSchema = z.object({
  mode: z.enum(["embedded", "server", "off"]),
  events: z.number().int().nonnegative(),
  oldest_event_at: isoTime.nullable(),
  newest_event_at: isoTime.nullable(),
  last_sync_at: isoTime.nullable(),
  lag_seconds: z.number().nullable(),
  backfill: z.object({ complete: z.boolean(), events: z.number().int().nonnegative() }),
  syncing_instance: z.string().nullable(),
  last_error: z.string().nullable(),
});

export type ArchiveStatus = z.infer<typeof archiveStatusSchema>;

/**
 * The archive's status, or null when there is none to show: the route does not exist (a server
 * without the archive) or the session is gone (the table says so when it next fetches). Other
 * failures throw; the explorer keeps what it last knew and asks again at the next poll.
 */
export async function fetchArchiveStatus(signal?: AbortSignal): Promise<ArchiveStatus | null> {
  const response = await fetch(ARCHIVE_STATUS_ENDPOINT, { signal, headers: { accept: "application/json" } });
  // A redirect can only be to sign-in: fetch followed it to an HTML page.
  if (response.status === 404 || response.status === 401 || response.redirected) {
    // Read to its end, unused: a body left unread holds its connection (and keeps it "loading").
    await response.arrayBuffer().catch(() => undefined);
    return null;
  }
  if (!response.ok) throw new Error(`The archive status answered ${response.status}`);
  const status = archiveStatusSchema.safeParse(await response.json().catch(() => null));
  if (!status.success) throw new Error("The archive status has a shape this app cannot read");
  return status.data;
}

/** Whether there is an archive worth polling: yes until an answer says there is none. */
function archiveIsOn(status: ArchiveStatus | null | undefined): boolean {
  return status !== null && status?.mode !== "off";
}

/** How long until the next poll: never without an archive, sooner while the backfill runs. */
export function archiveStatusPollInterval(status: ArchiveStatus | null | undefined): number | false {
  if (!archiveIsOn(status)) return false;
  return status?.backfill.complete === false ? BACKFILL_POLL_MS : ARCHIVE_POLL_MS;
}

/**
 * One query shared by everything that reads the status (the status line, the new-events button),
 * so they poll once between them. Polling pauses while the tab is hidden and catches up when it is
 * shown again; once the server says there is no archive, nothing asks again.
 */
export function archiveStatusQueryOptions(fetchStatus: typeof fetchArchiveStatus = fetchArchiveStatus) {
  return queryOptions({
    queryKey: ["archive-status"] as const,
    queryFn: ({ signal }) => fetchStatus(signal),
    refetchInterval: (query) => archiveStatusPollInterval(query.state.data),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: (query) => archiveIsOn(query.state.data),
    refetchOnReconnect: (query) => archiveIsOn(query.state.data),
    // Components that mount later (a new filter state) share the last answer instead of asking again.
    staleTime: (query) => (archiveIsOn(query.state.data) ? BACKFILL_POLL_MS : Infinity),
    // The next poll is the retry.
    retry: false,
  });
}
