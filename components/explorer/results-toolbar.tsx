"use client";

import { ColumnVisibilityMenu } from "@/components/explorer/column-visibility-menu";
import type { EventTable } from "@/components/explorer/use-event-table";
import { useTimeZone } from "@/components/explorer/use-time-zone";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";

/** Above the table: how many events are loaded, the time zone in use, and the column choice. */
export function ResultsToolbar({ table, count }: { table: EventTable; count: number }) {
  const { mode, timeZone, setMode } = useTimeZone();
  const hydrated = useHydrated();
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
      <p role="status" className="text-zinc-700 dark:text-zinc-300">
        Showing {count.toLocaleString("en-US")} {count === 1 ? "event" : "events"}
      </p>
      <fieldset disabled={!hydrated} className="flex min-w-0 items-center gap-2">
        <span className="text-xs text-zinc-600 dark:text-zinc-400">Times in {timeZone}</span>
        <Button
          aria-pressed={mode === "utc"}
          className="aria-pressed:border-indigo-600 aria-pressed:bg-indigo-50 dark:aria-pressed:border-indigo-400 dark:aria-pressed:bg-indigo-950"
          onClick={() => setMode(mode === "utc" ? "local" : "utc")}
        >
          UTC
        </Button>
        <ColumnVisibilityMenu table={table} />
      </fieldset>
    </div>
  );
}
