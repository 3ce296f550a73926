import { infiniteQueryOptions } from "@tanstack/react-query";
import { z } from "zod";

import { auditTrailPageSchema, type AuditTrailPage } from "@/lib/audit-event";
import { DEFAULT_PAGE_SIZE, pickFilters, toSearchParams, type AuditTrailFilters } from "@/lib/filters";

// The only place that knows the audit trail's cache key and endpoint. The server page prefetches
// with these same options (passing a fetcher that calls Merge directly), the client hook reads them,
// so the hydrated first page is found under the key the browser asks for.

export const AUDIT_TRAIL_ENDPOINT = "/api/audit-trail";

const API_ERROR_CODES = [
  "unauthenticated",
  "invalid_filter",
  "upstream_auth",
  "rate_limited",
  "invalid_cursor",
  "upstream_unavailable",
  "upstream_timeout",
  "upstream_invalid",
  "held_back",
  "internal_error",
] as const;

/** Error codes our API answers with, plus "network" and "unexpected" for failures before a JSON error. */
export type AuditTrailErrorCode = (typeof API_ERROR_CODES)[number] | "network" | "unexpected";

function isApiErrorCode(code: string): code is (typeof API_ERROR_CODES)[number] {
  return (API_ERROR_CODES as readonly string[]).includes(code);
}

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    retry_after: z.number().nonnegative().optional(),
  }),
});

export class AuditTrailError extends Error {
  readonly code: AuditTrailErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly field: string | undefined;

  constructor(code: AuditTrailErrorCode, message: string, options: { retryAfterSeconds?: number; field?: string } = {}) {
    super(message);
    this.name = "AuditTrailError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.field = options.field;
  }
}

/** Fetches one page; `cursor` null is the first page. */
export type FetchAuditTrailPage = (
  filters: AuditTrailFilters,
  cursor: string | null,
  signal?: AbortSignal,
) => Promise<AuditTrailPage>;

/** The filters as they identify a result set: no empty values, page size always explicit. */
export function normalizeFilters(filters: AuditTrailFilters): AuditTrailFilters {
  return { ...pickFilters(filters), page_size: filters.page_size ?? DEFAULT_PAGE_SIZE };
}

export function auditTrailQueryKey(filters: AuditTrailFilters) {
  return ["audit-trail", normalizeFilters(filters)] as const;
}

async function errorFromResponse(response: Response): Promise<AuditTrailError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) {
    return new AuditTrailError("unexpected", `The server answered ${response.status} without an explanation.`);
  }
  const { code, message, field, retry_after } = parsed.data.error;
  return new AuditTrailError(isApiErrorCode(code) ? code : "unexpected", message, {
    field,
    retryAfterSeconds: retry_after,
  });
}

/** The browser's fetcher: our own API, which holds the session and the Merge key. */
export const fetchAuditTrailPageFromApi: FetchAuditTrailPage = async (filters, cursor, signal) => {
  const params = toSearchParams({ ...normalizeFilters(filters), cursor: cursor ?? undefined });
  let response: Response;
  try {
    response = await fetch(`${AUDIT_TRAIL_ENDPOINT}?${params}`, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new AuditTrailError("network", "The server could not be reached: check your connection.");
  }
  // A sign-in redirect (followed by fetch) lands on an HTML page: the session is gone.
  if (response.redirected && new URL(response.url).pathname.startsWith("/signin")) {
    throw new AuditTrailError("unauthenticated", "Your session expired: sign in again");
  }
  if (!response.ok) throw await errorFromResponse(response);
  const page = auditTrailPageSchema.safeParse(await response.json().catch(() => null));
  if (!page.success) throw new AuditTrailError("unexpected", "The server sent a page of events the app cannot read.");
  return page.data;
};

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
    // The server already retries Merge; only a network blip deserves one more try here.
    retry: (failureCount, error) => error instanceof AuditTrailError && error.code === "network" && failureCount < 2,
  });
}
