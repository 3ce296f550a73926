import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";

import { ApiRequestError } from "@/lib/api-errors";
import type { AuditTrailPage } from "@/lib/audit-event";
import { fetchAuditTrailPageFromApi, type FetchAuditTrailPage } from "@/lib/fetch-audit-trail-page";
import { fetchAuditTrailStatsFromApi, type FetchAuditTrailStats } from "@/lib/fetch-audit-trail-stats";
import { normalizeFilters, pickFilters, type AuditTrailFilters } from "@/lib/filters";

// The only place that knows the audit trail's cache key. The server page prefetches with these
// same options (passing a fetcher that calls the upstream directly), the client hook reads them,
// so the hydrated first page is found under the key the browser asks for.

/** The first element of every audit-trail key, for reading all the result sets the cache holds. */
export const AUDIT_TRAIL_QUERY_PREFIX = "audit-trail";

export function auditTrailQueryKey(filters: AuditTrailFilters) {
  return [AUDIT_TRAIL_QUERY_PREFIX, normalizeFilters(filters)] as const;
}

export function auditTrailQueryOptions(
  filters: AuditTrailFilters,
  fetchPage: FetchAuditTrailPage = fetchAuditTrailPageFromApi,
) {
  const normalized = normalizeFilters(filters);
  return infiniteQueryOptions({
    queryKey: auditTrailQueryKey(normalized),
    queryFn: ({ pageParam, signal }) => fetchPage(normalized, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage: AuditTrailPage) => lastPage.next,
    // Long enough that hydrated data and Back are served from the cache; an audit trail only grows
    // at its head, so minutes-old pages are still exact for the filters that produced them.
    staleTime: 5 * 60 * 1000,
    retry: retryNetworkBlips,
  });
}

// The server already retries Merge; only a network blip deserves one more try here.
function retryNetworkBlips(failureCount: number, error: Error): boolean {
  return error instanceof ApiRequestError && error.code === "network" && failureCount < 2;
}

/** The total, bars and facets of the filters' result set (archive only); the page size plays no part. */
export function auditTrailStatsQueryOptions(filters: AuditTrailFilters, fetchStats: FetchAuditTrailStats = fetchAuditTrailStatsFromApi) {
  const picked = pickFilters(filters);
  return queryOptions({
    queryKey: ["audit-trail-stats", picked] as const,
    queryFn: ({ signal }) => fetchStats(picked, signal),
    // The archive grows while it syncs: counts a minute old are still the answer to "about how many".
    staleTime: 60 * 1000,
    retry: retryNetworkBlips,
  });
}
