import { auditTrailStatsSchema, type AuditTrailStats } from "@/lib/audit-trail-stats";
import { fetchApiJson } from "@/lib/fetch-api";
import { pickFilters, toSearchParams, type AuditTrailFilters } from "@/lib/filters";

// How the browser asks for a result set's total, bars and facets: GET /api/audit-trail/stats.

const STATS_ENDPOINT = "/api/audit-trail/stats";

export type FetchAuditTrailStats = (filters: AuditTrailFilters, signal?: AbortSignal) => Promise<AuditTrailStats>;

export const fetchAuditTrailStatsFromApi: FetchAuditTrailStats = (filters, signal) => {
  const search = toSearchParams(pickFilters(filters)).toString();
  return fetchApiJson(search ? `${STATS_ENDPOINT}?${search}` : STATS_ENDPOINT, auditTrailStatsSchema, signal);
};
