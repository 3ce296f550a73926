import "server-only";

// One error shape for everything our API answers with: `{ error: { code, message, field?, retry_after? } }`.
// Messages are written here, from the code alone, so nothing the upstream sent (its body, its
// headers) and nothing we sent (the key) can travel into a response.

export type MergeErrorCode =
  | "upstream_auth"
  | "rate_limited"
  | "invalid_cursor"
  | "upstream_unavailable"
  | "upstream_timeout"
  | "upstream_invalid"
  | "held_back";

type MergeErrorDetails = {
  /** The wait Merge asked for (rate_limited) or the failure guard set (held_back), in whole seconds. */
  retryAfterSeconds?: number;
  /** Whose failures held the request back (held_back only): the user's own, or the whole server's. */
  heldBack?: "user" | "server";
  /** Upstream HTTP status of the last attempt, for the log; absent for network errors and timeouts. */
  upstreamStatus?: number;
  /** How many times the request was repeated before giving up, for the log. */
  retries?: number;
  /** Time spent waiting on the upstream, for the log. */
  upstreamMs?: number;
};

/** A failure of the upstream call. `message` is for our logs; the response message comes from the code. */
export class MergeApiError extends Error {
  readonly code: MergeErrorCode;
  readonly retryAfterSeconds?: number;
  readonly heldBack?: "user" | "server";
  readonly upstreamStatus?: number;
  readonly retries: number;
  readonly upstreamMs: number;

  constructor(code: MergeErrorCode, logMessage: string, details: MergeErrorDetails = {}) {
    super(logMessage);
    this.name = "MergeApiError";
    this.code = code;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.heldBack = details.heldBack;
    this.upstreamStatus = details.upstreamStatus;
    this.retries = details.retries ?? 0;
    this.upstreamMs = details.upstreamMs ?? 0;
  }
}

const API_ERROR_STATUS = { invalid_filter: 400, unauthenticated: 401 } as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** A request we refuse ourselves; its message is written for the person who sent it. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field?: string;

  constructor(code: ApiErrorCode, message: string, field?: string) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.field = field;
  }
}

export type ErrorCode = ApiErrorCode | MergeErrorCode | "internal_error";

export type ErrorBody = {
  error: { code: ErrorCode; message: string; field?: string; retry_after?: number };
};

export type MappedError = { status: number; body: ErrorBody; headers: Record<string, string> };

const MERGE_ERROR_STATUS: Record<MergeErrorCode, number> = {
  upstream_auth: 502,
  upstream_invalid: 502,
  invalid_cursor: 400,
  rate_limited: 503,
  upstream_unavailable: 503,
  upstream_timeout: 504,
  held_back: 503,
};

// Merge's limits are per minute, so a minute is the safe wait when it names none.
const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 60;

function rateLimitWait(error: MergeApiError): number {
  return error.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS;
}

function mergeErrorMessage(error: MergeApiError): string {
  switch (error.code) {
    case "upstream_auth":
      return "The server's Merge API key was rejected: ask an administrator to check MERGE_API_KEY and the audit-trail feature of the Merge plan";
    case "rate_limited":
      return `Merge is rate-limiting requests; retry in ${rateLimitWait(error)} s`;
    case "invalid_cursor":
      return "The link's cursor is no longer valid: start from the first page";
    case "upstream_unavailable":
      return "Merge is not answering right now; retry in a moment";
    case "upstream_timeout":
      return "Merge took too long to answer; retry, or narrow the filters";
    case "upstream_invalid":
      return "Merge sent an answer this app cannot read; retry, and report it if it persists";
    case "held_back":
      return error.heldBack === "user"
        ? "Merge refused several of your recent requests, so yours are paused for a few seconds to keep Merge from blocking this server"
        : "Merge refused several requests from this server just now, so requests are paused for a few seconds to keep Merge from blocking it";
  }
}

/** The status, JSON body and headers for any error a handler throws; unknown errors become a bare 500. */
export function mapError(error: unknown): MappedError {
  if (error instanceof ApiError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.field !== undefined) body.error.field = error.field;
    return { status: API_ERROR_STATUS[error.code], body, headers: {} };
  }
  if (error instanceof MergeApiError) {
    const body: ErrorBody = { error: { code: error.code, message: mergeErrorMessage(error) } };
    const headers: Record<string, string> = {};
    if (error.code === "invalid_cursor") body.error.field = "cursor";
    if (error.code === "rate_limited" || error.code === "held_back") {
      body.error.retry_after = rateLimitWait(error);
      headers["Retry-After"] = String(rateLimitWait(error));
    }
    return { status: MERGE_ERROR_STATUS[error.code], body, headers };
  }
  return {
    status: 500,
    body: { error: { code: "internal_error", message: "Something went wrong on our side; retry, and report it if it persists" } },
    headers: {},
  };
}
