import "server-only";

import { API_ERRORS, DEFAULT_RATE_LIMIT_WAIT_SECONDS, type ApiErrorBody, type ApiErrorCode } from "@/lib/api-errors";
import { ArchiveError } from "@/lib/server/archive/errors";
import { MergeApiError } from "@/lib/server/merge/errors";

// Our API's error answers: one class for the requests we refuse ourselves, and one mapper from any
// error a handler throws to the status, JSON body and headers of lib/api-errors.ts. Messages come
// from the code alone, so nothing the upstream sent (its body, its headers) and nothing we sent
// (the key) can travel into a response.

/** A request we refuse ourselves; its message, when given, is written for the person who sent it. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field?: string;

  constructor(code: ApiErrorCode, message: string = API_ERRORS[code].message, field?: string) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.field = field;
  }
}

export type MappedError = { status: number; body: ApiErrorBody; headers: Record<string, string> };

function fromMergeError(error: MergeApiError): MappedError {
  const { code } = error;
  const body: ApiErrorBody = { error: { code, message: API_ERRORS[code].message } };
  const headers: Record<string, string> = {};
  if (code === "invalid_cursor") body.error.field = "cursor";
  if (code === "rate_limited" || code === "held_back") {
    // Merge's wait, or the failure guard's (which always sets one).
    const wait = error.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS;
    body.error.retry_after = wait;
    headers["Retry-After"] = String(wait);
    if (code === "rate_limited") body.error.message = `${API_ERRORS.rate_limited.message}; retry in ${wait} s`;
  }
  if (code === "held_back" && error.heldBack === "user") body.error.message = API_ERRORS.held_back.userMessage;
  return { status: API_ERRORS[code].status, body, headers };
}

// The database's own words (hosts, credentials) stay in the log; a restarting server is back in seconds.
const ARCHIVE_RETRY_AFTER_SECONDS = 5;

function fromArchiveError(error: ArchiveError): MappedError {
  const { code } = error;
  const body: ApiErrorBody = { error: { code, message: API_ERRORS[code].message } };
  if (code === "invalid_cursor") return { status: API_ERRORS[code].status, body: { error: { ...body.error, field: "cursor" } }, headers: {} };
  return { status: API_ERRORS[code].status, body, headers: { "Retry-After": String(ARCHIVE_RETRY_AFTER_SECONDS) } };
}

/** The status, JSON body and headers for any error a handler throws; unknown errors become a bare 500. */
export function mapError(error: unknown): MappedError {
  if (error instanceof ApiError) {
    const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
    if (error.field !== undefined) body.error.field = error.field;
    return { status: API_ERRORS[error.code].status, body, headers: {} };
  }
  if (error instanceof MergeApiError) return fromMergeError(error);
  if (error instanceof ArchiveError) return fromArchiveError(error);
  return {
    status: API_ERRORS.internal_error.status,
    body: { error: { code: "internal_error", message: API_ERRORS.internal_error.message } },
    headers: {},
  };
}

/** The same as a JSON Response, never cached. */
export function errorResponse(error: unknown): Response {
  const { status, body, headers } = mapError(error);
  return Response.json(body, { status, headers: { ...headers, "Cache-Control": "private, no-store" } });
}
