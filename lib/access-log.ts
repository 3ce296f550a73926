import { z } from "zod";

import { FILTER_VALUE_SCHEMAS, repeatedParameterMessage, type ParseResult } from "@/lib/filters";

// The access log's vocabulary, shared by its routes, the /activity page and its URL: the actions,
// the filters (Merge's names where they mean the same thing: user_email, start_date, end_date) and
// the JSON shape of an entry. Browser-safe.

export const ACCESS_LOG_ACTIONS = [
  "sign_in",
  "sign_in_denied",
  "view",
  "event_opened",
  "export",
  "view_saved",
  "view_deleted",
  "access_log_exported",
] as const;

export type AccessLogAction = (typeof ACCESS_LOG_ACTIONS)[number];

export const ACCESS_LOG_ACTION_LABELS: Record<AccessLogAction, string> = {
  sign_in: "Signed in",
  sign_in_denied: "Sign-in denied",
  view: "Viewed the explorer",
  event_opened: "Opened an event",
  export: "Exported",
  view_saved: "Saved a view",
  view_deleted: "Deleted a view",
  access_log_exported: "Exported the access log",
};

/** GET /api/access-log's `results[]`, exactly. */
export type AccessLogEntry = {
  id: string;
  at: string;
  user_email: string | null;
  action: AccessLogAction;
  detail: Record<string, unknown>;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string | null;
  hash: string;
};

export type AccessLogPage = { results: AccessLogEntry[]; next: string | null };

/** GET /api/access-log/verify, exactly. */
export type AccessLogVerification = { ok: boolean; checked: number; first_broken_id: string | null };

export const ACCESS_LOG_PAGE_SIZE = 50;

export const ACCESS_LOG_FILTER_KEYS = ["user_email", "action", "start_date", "end_date"] as const;
export const ACCESS_LOG_QUERY_KEYS = [...ACCESS_LOG_FILTER_KEYS, "cursor"] as const;

const { user_email, start_date, end_date } = FILTER_VALUE_SCHEMAS;

export const accessLogQuerySchema = z
  .object({
    user_email,
    action: z.enum(ACCESS_LOG_ACTIONS, { message: `The action is one of ${ACCESS_LOG_ACTIONS.join(", ")}` }),
    start_date,
    end_date,
    // Keyset: the id of the last entry of the previous page.
    cursor: z.string().regex(/^[1-9]\d{0,15}$/, "This cursor is not valid: start again from the first page"),
  })
  .partial()
  .refine((q) => !q.start_date || !q.end_date || q.start_date <= q.end_date, {
    path: ["end_date"],
    message: "The end of the date range is before its start",
  });

export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;
export type AccessLogFilters = Omit<AccessLogQuery, "cursor">;

/** A query string of the access log (route or /activity URL): unknown and repeated keys are refused. */
export function parseAccessLogQuery(
  params: URLSearchParams,
  { allow = ACCESS_LOG_QUERY_KEYS }: { allow?: readonly string[] } = {},
): ParseResult<AccessLogQuery> {
  const raw: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (!allow.includes(key)) return { ok: false, error: { field: key, message: `Unknown parameter "${key}"` } };
    if (values.length > 1) return { ok: false, error: { field: key, message: repeatedParameterMessage(key) } };
    if (values[0]!.trim() !== "") raw[key] = values[0]!;
  }
  const result = accessLogQuerySchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, error: { field: String(issue.path[0] ?? "query"), message: issue.message } };
  }
  return { ok: true, value: result.data };
}

/** The query in canonical order, without empty values: the /activity URL and the API call alike. */
export function accessLogSearchParams(query: AccessLogQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ACCESS_LOG_QUERY_KEYS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params;
}
