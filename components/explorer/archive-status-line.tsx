"use client";

import { useQuery } from "@tanstack/react-query";

import { describeArchiveStatus } from "@/components/explorer/archive-status-text";
import { useNow } from "@/components/explorer/use-now";
import { useTimeZone } from "@/components/explorer/use-time-zone";
import { archiveStatusQueryOptions, type ArchiveStatus } from "@/lib/archive-status";

/**
 * One quiet line about the archive the explorer reads: how much it holds and how fresh it is, the
 * backfill's progress, or why sync is failing. Nothing at all without an archive (mode "off", or a
 * server that has no status route), and nothing until the first answer: the line is never a guess.
 */
export function ArchiveStatusLine() {
  const { data: status } = useQuery(archiveStatusQueryOptions());
  if (!status || status.mode === "off") return null;
  return <ArchiveStatusWords status={status} />;
}

function ArchiveStatusWords({ status }: { status: ArchiveStatus }) {
  // "synced 14 s ago" keeps counting between polls.
  const now = useNow(1000);
  const { timeZone } = useTimeZone();
  const words = describeArchiveStatus(status, now, timeZone);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 px-3 pt-2 text-xs">
      {/* The server's HTML says "synced N s ago" by its own clock; the browser's may be a second on. */}
      <p
        suppressHydrationWarning
        className={words.failing ? "font-medium text-amber-800 dark:text-amber-300" : "text-zinc-600 dark:text-zinc-400"}
      >
        {words.text}
      </p>
      {words.backfillProgress !== null && (
        // Indeterminate: Merge says nothing of the trail's length, so no percentage would be true.
        <progress
          aria-label="Archive backfill"
          aria-valuetext={words.backfillProgress}
          className="h-1.5 w-24 accent-indigo-600 dark:accent-indigo-400"
        />
      )}
      {/* The visible line ticks every second; this region speaks only when the archive's phase changes. */}
      <p role="status" className="sr-only">
        {words.announcement}
      </p>
    </div>
  );
}
