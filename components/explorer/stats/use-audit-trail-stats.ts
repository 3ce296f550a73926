"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { auditTrailStatsQueryOptions } from "@/lib/query-options";
import type { AuditTrailFilters } from "@/lib/filters";

/**
 * The figures of the table's result set. Fetched by the browser beside the first page rather than
 * prefetched by the server: counting a large archive must never hold back the rows at first paint
 * (the explorer keeps their space, so their arrival moves no row). Nothing is asked without an
 * archive, or while the URL's filters cannot be used. While a new
 * filter state is counted, the last figures stay (marked as placeholder) so the chart does not
 * collapse and push the table up and down.
 */
export function useAuditTrailStats(filters: AuditTrailFilters | null, archiveOn: boolean) {
  return useQuery({
    ...auditTrailStatsQueryOptions(filters ?? {}),
    enabled: archiveOn && filters !== null,
    placeholderData: keepPreviousData,
  });
}
