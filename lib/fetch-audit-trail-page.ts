import { auditTrailPageSchema, type AuditTrailPage } from "@/lib/audit-event";
import { fetchApiJson } from "@/lib/fetch-api";
import { normalizeFilters, toSearchParams, type AuditTrailFilters } from "@/lib/filters";

// How the browser fetches one page of the audit trail: through our own API, which holds the
// session and the Merge key. Every failure becomes an ApiRequestError of lib/api-errors.ts.

const AUDIT_TRAIL_ENDPOINT = "/api/audit-trail";

/** Fetches one page; `cursor` null is the first page. */
export type FetchAuditTrailPage = (
  filters: AuditTrailFilters,
  cursor: string | null,
  signal?: AbortSignal,
) => Promise<AuditTrailPage>;

export const fetchAuditTrailPageFromApi: FetchAuditTrailPage = (filters, cursor, signal) => {
  const params = toSearchParams({ ...normalizeFilters(filters), cursor: cursor ?? undefined });
  return fetchApiJson(`${AUDIT_TRAIL_ENDPOINT}?${params}`, auditTrailPageSchema, signal);
};
