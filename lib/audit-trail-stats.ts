import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";

import { ApiRequestError, readApiError } from "@/lib/api-errors";
import { pickFilters, toSearchParams, type AuditTrailFilters } from "@/lib/filters";

// The figures of one result set as GET /api/audit-trail/stats answers them (issue 13 fixes the
// shape): the exact total, events per time bucket, and the top values of four columns. The browser
// asks for them beside the first page, under a key of its own built from the same filters, so the
// table's rows never wait on the counting. Browser-safe: no secret, no server module.

export const AUDIT_TRAIL_STATS_ENDPOINT = "/api/audit-trail/stats";

/** The facets the stats carry, in the order the explorer shows them. */
export const FACET_KEYS = ["user_email", "event_type", "role", "ip_address"] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

const count = z.number().int().nonnegative();

const facetValueSchema = z.object({ value: z.string(), count });

export const auditTrailStatsSchema = z.object({
  total: count,
  buckets: z.array(z.object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }), count })),
  facets: z.object({
    user_email: z.array(facetValueSchema),
    event_type: z.array(facetValueSchema),
    role: z.array(facetValueSchema),
    ip_address: z.array(facetValueSchema),
  }),
  /** False while the archive does not hold the whole trail yet (the backfill runs, or retention cut it). */
  whole_archive: z.boolean(),
});

export type AuditTrailStats = z.infer<typeof auditTrailStatsSchema>;
export type HistogramBucket = AuditTrailStats["buckets"][number];
export type FacetValue = z.infer<typeof facetValueSchema>;

/** The result set the stats describe: the filters alone (page size and cursor change no figure). */
export function auditTrailStatsQueryKey(filters: AuditTrailFilters) {
  return ["audit-trail-stats", pickFilters(filters)] as const;
}

export async function fetchAuditTrailStats(filters: AuditTrailFilters, signal?: AbortSignal): Promise<AuditTrailStats> {
  const params = toSearchParams(pickFilters(filters));
  let response: Response;
  try {
    response = await fetch(`${AUDIT_TRAIL_STATS_ENDPOINT}?${params}`, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError("network");
  }
  // A redirect can only be to sign-in (fetch followed it to an HTML page): the session is gone.
  if (!response.ok || response.redirected) throw await readApiError(response);
  const stats = auditTrailStatsSchema.safeParse(await response.json().catch(() => null));
  if (!stats.success) throw new ApiRequestError("unexpected");
  return stats.data;
}

export function auditTrailStatsQueryOptions(filters: AuditTrailFilters, fetchStats: typeof fetchAuditTrailStats = fetchAuditTrailStats) {
  const picked = pickFilters(filters);
  return queryOptions({
    queryKey: auditTrailStatsQueryKey(picked),
    queryFn: ({ signal }) => fetchStats(picked, signal),
    // As the pages': figures of minutes ago are still those of the rows the table shows.
    staleTime: 5 * 60 * 1000,
    retry: (failureCount, error) => error instanceof ApiRequestError && error.code === "network" && failureCount < 2,
  });
}
