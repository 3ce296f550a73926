import type { z } from "zod";

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

/** GETs one of our API's JSON answers and checks its shape; every failure is an ApiRequestError. */
export async function fetchApiJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError("network");
  }
  // A redirect can only be to sign-in (fetch followed it to an HTML page): the session is gone.
  if (!response.ok || response.redirected) throw await readApiError(response);
  const body = schema.safeParse(await response.json().catch(() => null));
  if (!body.success) throw new ApiRequestError("unexpected");
  return body.data;
}

export const fetchAuditTrailPageFromApi: FetchAuditTrailPage = (filters, cursor, signal) => {
  const params = toSearchParams({ ...normalizeFilters(filters), cursor: cursor ?? undefined });
  return fetchApiJson(`${AUDIT_TRAIL_ENDPOINT}?${params}`, auditTrailPageSchema, signal);
};
