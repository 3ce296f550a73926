"use client";

import { ColumnVisibilityMenu } from "@/components/explorer/column-visibility-menu";
import { TimeZoneSelect } from "@/components/explorer/time-zone-select";
import type { EventTable } from "@/components/explorer/use-event-table";
import { useTimeZone } from "@/components/explorer/use-time-zone";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";

/**
 * Above the table: how many events are loaded, the display zone and the column choice. The zone is
 * the URL's `tz` (so a shared link shows the sender's): "UTC" toggles between UTC and the reader's
 * own zone, the select picks any other.
 */
export function ResultsToolbar({ table, count }: { table: EventTable; count: number }) {
  const { timeZone, chosen, setTimeZone } = useTimeZone();
  const hydrated = useHydrated();
  const utc = chosen === "UTC";
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
      <p role="status" className="text-zinc-700 dark:text-zinc-300">
        Showing {count.toLocaleString("en-US")} {count === 1 ? "event" : "events"}
      </p>
      <fieldset disabled={!hydrated} className="flex min-w-0 flex-wrap items-center gap-2">
        <span className="text-xs text-zinc-600 dark:text-zinc-400">Times in {timeZone}</span>
        <Button
          aria-pressed={utc}
          className="aria-pressed:border-indigo-600 aria-pressed:bg-indigo-50 dark:aria-pressed:border-indigo-400 dark:aria-pressed:bg-indigo-950"
          onClick={() => setTimeZone(utc ? null : "UTC")}
        >
          UTC
        </Button>
        <TimeZoneSelect />
        <ColumnVisibilityMenu table={table} />
      </fieldset>
    </div>
  );
}
