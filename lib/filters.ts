import { z } from "zod";

// The one definition of the audit trail's query: Merge's parameter names, their rules, and the
// (de)serialisation shared by the page URL, our route handlers and the upstream request.
// Anything that fails here never reaches Merge, which blocks an IP after 20 failing requests in 10 s.

export const FILTER_KEYS = ["user_email", "event_type", "start_date", "end_date"] as const;
export const QUERY_KEYS = [...FILTER_KEYS, "page_size", "cursor"] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];
export type QueryKey = (typeof QUERY_KEYS)[number];

export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 100;
export const PAGE_SIZE_CHOICES = [30, 50, 100] as const;

const isoDateTime = z
  .string()
  .trim()
  .pipe(
    z.iso.datetime({
      offset: true,
      message: "Use an ISO 8601 date and time with a time zone, e.g. 2026-11-01T09:00:00Z",
    }),
  )
  // One canonical spelling, so equal filters give equal URLs and cache keys.
  .transform((value) => new Date(value).toISOString())
  // Merge reads four-digit years only: an offset can push 9999-12-31 into +010000, or 0001-01-01
  // into year 0000, and either would earn a refusal that counts towards Merge's per-IP block.
  .refine((iso) => /^\d{4}-/.test(iso) && !iso.startsWith("0000-"), {
    message: "Use a date from 0001-01-01 to 9999-12-31 (in UTC), e.g. 2026-11-01T09:00:00Z",
  });

export const querySchema = z
  .object({
    user_email: z
      .string()
      .trim()
      .max(254, "An email address has at most 254 characters")
      .pipe(z.email({ message: "Enter a valid email address, e.g. jane@acme.com" })),
    event_type: z
      .string()
      .trim()
      .regex(/^[A-Z0-9_]{1,100}$/, "An event type is a code such as INVITED_USER: A-Z, 0-9 and _"),
    start_date: isoDateTime,
    end_date: isoDateTime,
    page_size: z
      .string()
      .regex(/^\d{1,3}$/, `The page size is a whole number from 1 to ${MAX_PAGE_SIZE}`)
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, `The page size is a whole number from 1 to ${MAX_PAGE_SIZE}`)
          .max(MAX_PAGE_SIZE, `The page size is a whole number from 1 to ${MAX_PAGE_SIZE}`),
      ),
    // The cursors our API hands out are sealed by the server (lib/server/cursor-seal.ts): a URL-safe
    // token around Merge's own cursor. Only the shape is checked here; the route opens the seal, so a
    // cursor that did not come from us never reaches Merge. 1024 leaves room for Merge's cursors
    // (DRF's base64, at most 512 characters) once sealed: 683 characters for them, 44 for the seal.
    cursor: z
      .string()
      .max(1024, "This cursor is too long: start again from the first page")
      .regex(/^[A-Za-z0-9_.-]+$/, "This cursor is not valid: start again from the first page"),
  })
  .partial()
  .refine((q) => !q.start_date || !q.end_date || q.start_date <= q.end_date, {
    path: ["end_date"],
    message: "The end of the date range is before its start",
  });

export type AuditTrailQuery = z.infer<typeof querySchema>;
export type AuditTrailFilters = Omit<AuditTrailQuery, "cursor">;

export type QueryError = { field: string; message: string };

/** What every reader of a query says about a parameter given more than once. */
export function repeatedParameterMessage(key: string): string {
  return `"${key}" may be given only once`;
}
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: QueryError };

type ParseOptions = {
  /** Which keys may appear; others are an error unless listed in `ignore`. */
  allow: readonly QueryKey[];
  /** Keys that belong to someone else (e.g. the page's `event`) and are passed over. */
  ignore?: readonly string[];
};

/** A request's query to our API, strictly: unknown or repeated keys are refused too. */
export function parseAuditTrailQuery(params: URLSearchParams, { allow, ignore = [] }: ParseOptions): ParseResult<AuditTrailQuery> {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (ignore.includes(key)) continue;
    if (!(allow as readonly string[]).includes(key)) {
      return { ok: false, error: { field: key, message: `Unknown parameter "${key}"` } };
    }
    if (key in raw) {
      return { ok: false, error: { field: key, message: repeatedParameterMessage(key) } };
    }
    // An empty value means "no filter", as when a form field is left blank.
    if (value.trim() !== "") raw[key] = value;
  }
  const result = querySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, error: { field: String(issue.path[0] ?? "query"), message: issue.message } };
  }
  return { ok: true, value: result.data };
}

/**
 * The query as search params in a canonical order, without empty values. The same function builds
 * the page URL, the call to our API and the upstream request, since all three speak Merge's names.
 */
export function toSearchParams(query: AuditTrailQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}

/** The filters as they identify a result set: no empty values, page size always explicit. */
export function normalizeFilters(filters: AuditTrailFilters): AuditTrailFilters {
  return { ...pickFilters(filters), page_size: filters.page_size ?? DEFAULT_PAGE_SIZE };
}

/** Only the filters, without paging: what identifies a result set. */
export function pickFilters(query: AuditTrailQuery): Pick<AuditTrailQuery, FilterKey> {
  const filters: Pick<AuditTrailQuery, FilterKey> = {};
  for (const key of FILTER_KEYS) if (query[key] !== undefined) filters[key] = query[key];
  return filters;
}
