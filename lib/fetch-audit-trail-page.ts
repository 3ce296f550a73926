import { readApiError, ApiRequestError } from "@/lib/api-errors";
import { auditTrailPageSchema, type AuditTrailPage } from "@/lib/audit-event";
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

export const fetchAuditTrailPageFromApi: FetchAuditTrailPage = async (filters, cursor, signal) => {
  const params = toSearchParams({ ...normalizeFilters(filters), cursor: cursor ?? undefined });
  let response: Response;
  try {
    response = await fetch(`${AUDIT_TRAIL_ENDPOINT}?${params}`, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError("network");
  }
  // A redirect can only be to sign-in (fetch followed it to an HTML page): the session is gone.
  if (!response.ok || response.redirected) throw await readApiError(response);
  const page = auditTrailPageSchema.safeParse(await response.json().catch(() => null));
  if (!page.success) throw new ApiRequestError("unexpected");
  return page.data;
};
