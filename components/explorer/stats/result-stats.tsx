"use client";

import dynamic from "next/dynamic";

import { useTimeZone } from "@/components/explorer/use-time-zone";
import { Button } from "@/components/ui/button";
import { ApiRequestError } from "@/lib/api-errors";
import type { AuditTrailStats, FacetKey } from "@/lib/audit-trail-stats";

import { HISTOGRAM_HEIGHT } from "./histogram-size";
import { MatchTotal } from "./match-total";
import { coverageText } from "./stats-words";
import type { FacetAction } from "./facet-filter";
import { TopValues } from "./top-values";

// The chart arrives after the first paint, with the figures it draws: its code stays out of the
// page's first load. Its box (HISTOGRAM_HEIGHT) is kept from the first paint on, drawn or not.
const EventHistogram = dynamic(() => import("./event-histogram").then((module) => module.EventHistogram), {
  ssr: false,
});

/** Why the figures are missing on a server without the archive, in one line. */
export const STATS_NEED_ARCHIVE =
  "Totals, the histogram and top values need the archive, which is off on this server.";

type ResultStatsProps = {
  /** False with ARCHIVE=off: only the reason is shown. */
  archive: boolean;
  /** The stats query; its placeholder data are the previous filters' figures, shown dimmed while counting. */
  stats: { data: AuditTrailStats | undefined; error: Error | null; isPlaceholderData: boolean; refetch: () => unknown };
  onSelectRange: (range: { start_date: string; end_date: string }) => void;
  onFacet: (facet: FacetKey, value: string, action: FacetAction) => void;
};

/** Above the table: how many events match, how they spread over time, and their top values. */
export function ResultStats({ archive, stats, onSelectRange, onFacet }: ResultStatsProps) {
  const { timeZone } = useTimeZone();
  if (!archive) {
    return (
      <p className="px-3 pt-2 text-xs text-zinc-600 sm:px-4 dark:text-zinc-400">{STATS_NEED_ARCHIVE}</p>
    );
  }
  const { data, error, isPlaceholderData: stale } = stats;
  return (
    <div className="flex flex-col gap-2 border-b border-zinc-200 px-3 py-2 sm:px-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <MatchTotal total={stale ? undefined : data?.total} />
        {data && !stale && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {coverageText(data.coverage)}
          </p>
        )}
      </div>
      {error && !data ? (
        <div className="flex items-center gap-2 text-sm text-red-700 dark:text-red-400">
          <span>
            The totals could not be counted: {error instanceof ApiRequestError ? error.message : "retry in a moment"}
          </span>
          <Button variant="ghost" onClick={() => void stats.refetch()}>
            Retry
          </Button>
        </div>
      ) : null}
      {/* Drawn at the same size before the first figures arrive (they come after the rows), so they
          move nothing below them; after that, the previous figures stay, dimmed and out of reach,
          while the new ones are counted. */}
      <div aria-busy={stale || !data} inert={stale} className={`flex flex-col gap-2 ${stale ? "opacity-50" : ""}`}>
        <div className={HISTOGRAM_HEIGHT}>
          {data && data.buckets.length > 0 && (
            <EventHistogram buckets={data.buckets} timeZone={timeZone} onSelectRange={onSelectRange} />
          )}
        </div>
        <TopValues facets={data?.facets} onFilter={onFacet} />
      </div>
    </div>
  );
}
