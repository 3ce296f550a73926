import { formatTimestamp } from "@/components/explorer/format-timestamp";
import type { ArchiveStatus } from "@/lib/archive-status";

// The words of the archive's status line, from the status and a clock: kept apart from the
// component so every state reads right at a fixed instant in a test.

export type ArchiveStatusWords = {
  /** The visible line. */
  text: string;
  /** While the backfill runs: its progress in words, for an indeterminate progress bar (Merge gives no total). */
  backfillProgress: string | null;
  /** The archive's phase in words, for a live region: it changes only when the phase does. */
  announcement: string;
  failing: boolean;
};

const MAX_REASON_LENGTH = 200;

/**
 * Why the sync fails: the server records it in the words of lib/api-errors.ts, so it is shown as it
 * is, on one line and not endlessly long.
 */
export function syncFailureReason(lastError: string): string {
  const text = lastError.trim().replace(/\s+/g, " ");
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text;
}

/** How long ago, in the short units the explorer uses: "just now", "14 s ago", "3 min ago", "2 h ago", "5 days ago". */
export function formatAgo(seconds: number): string {
  // A server clock a little ahead of the browser's must not read as the future.
  const s = Math.max(0, Math.floor(seconds));
  if (s < 5) return "just now";
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  const days = Math.floor(s / 86_400);
  return `${days} ${days === 1 ? "day" : "days"} ago`;
}

const count = (n: number) => n.toLocaleString("en-US");
const events = (n: number) => `${count(n)} ${n === 1 ? "event" : "events"}`;

function agoSince(iso: string, nowMs: number): string {
  return formatAgo((nowMs - Date.parse(iso)) / 1000);
}

/**
 * The status line for an archive that is on (the caller shows nothing for mode "off"). `nowMs` is
 * the browser's clock; dates are written in the explorer's display time zone.
 */
export function describeArchiveStatus(status: ArchiveStatus, nowMs: number, timeZone: string): ArchiveStatusWords {
  const backfilling = !status.backfill.complete;
  const lastError = status.last_error?.trim() ? status.last_error : null;

  if (lastError !== null) {
    const reason = syncFailureReason(lastError);
    // Whatever the sync's trouble, the explorer serves what the archive holds: say how much, and how old.
    const serving =
      status.events === 0
        ? "nothing is archived yet"
        : backfilling
          ? `showing the ${events(status.events)} backfilled so far`
          : status.last_sync_at === null
            ? `showing the ${events(status.events)} archived so far`
            : `showing the ${events(status.events)} archived up to ${agoSince(status.last_sync_at, nowMs)}`;
    return {
      text: `Archive sync is failing: ${reason} · ${serving}`,
      backfillProgress: null,
      announcement: `Archive sync is failing: ${reason}`,
      failing: true,
    };
  }

  if (backfilling) {
    const progress = `${events(status.backfill.events)} so far`;
    return {
      text: `Archive: backfilling… ${progress}`,
      backfillProgress: progress,
      announcement: "Archive backfill in progress",
      failing: false,
    };
  }

  const held =
    status.events === 0 || status.oldest_event_at === null
      ? "no events yet"
      : `${events(status.events)} since ${formatTimestamp(status.oldest_event_at, timeZone).slice(0, 10)}`;
  const synced = status.last_sync_at === null ? "not synced yet" : `synced ${agoSince(status.last_sync_at, nowMs)}`;
  return { text: `Archive: ${held} · ${synced}`, backfillProgress: null, announcement: "Archive in sync", failing: false };
}
