import "server-only";

import { ArchiveError } from "@/lib/server/archive/errors";

// One error shape for everything our API answers with: `{ error: { code, message, field?, retry_after? } }`.
// Messages are written here, from the code alone, so nothing the upstream sent (its body, its
// headers) and nothing we sent (the key) can travel into a response.

export type MergeErrorCode =
  | "upstream_auth"
  | "rate_limited"
  | "invalid_cursor"
  | "upstream_unavailable"
  | "upstream_timeout"
  | "upstream_invalid";

type MergeErrorDetails = {
  /** The wait Merge asked for (rate_limited only), rounded up to whole seconds. */
  retryAfterSeconds?: number;
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
  readonly upstreamStatus?: number;
  readonly retries: number;
  readonly upstreamMs: number;

  constructor(code: MergeErrorCode, logMessage: string, details: MergeErrorDetails = {}) {
    super(logMessage);
    this.name = "MergeApiError";
    this.code = code;
    this.retryAfterSeconds = details.retryAfterSeconds;
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

export type ErrorCode = ApiErrorCode | MergeErrorCode | "archive_unavailable" | "internal_error";

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
};

// Merge's limits are per minute, so a minute is the safe wait when it names none.
const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 60;

function rateLimitWait(error: MergeApiError): number {
  return error.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS;
}

const INVALID_CURSOR_MESSAGE = "The link's cursor is no longer valid: start from the first page";

function mergeErrorMessage(error: MergeApiError): string {
  switch (error.code) {
    case "upstream_auth":
      return "The server's Merge API key was rejected: ask an administrator to check MERGE_API_KEY and the audit-trail feature of the Merge plan";
    case "rate_limited":
      return `Merge is rate-limiting requests; retry in ${rateLimitWait(error)} s`;
    case "invalid_cursor":
      return INVALID_CURSOR_MESSAGE;
    case "upstream_unavailable":
      return "Merge is not answering right now; retry in a moment";
    case "upstream_timeout":
      return "Merge took too long to answer; retry, or narrow the filters";
    case "upstream_invalid":
      return "Merge sent an answer this app cannot read; retry, and report it if it persists";
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
    if (error.code === "rate_limited") {
      body.error.retry_after = rateLimitWait(error);
      headers["Retry-After"] = String(rateLimitWait(error));
    }
    return { status: MERGE_ERROR_STATUS[error.code], body, headers };
  }
  if (error instanceof ArchiveError) {
    if (error.code === "invalid_cursor") {
      return { status: 400, body: { error: { code: "invalid_cursor", message: INVALID_CURSOR_MESSAGE, field: "cursor" } }, headers: {} };
    }
    const message = "The archive's database is not answering; retry in a moment";
    return { status: 503, body: { error: { code: "archive_unavailable", message } }, headers: { "Retry-After": "5" } };
  }
  return {
    status: 500,
    body: { error: { code: "internal_error", message: "Something went wrong on our side; retry, and report it if it persists" } },
    headers: {},
  };
}
