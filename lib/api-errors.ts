import { z } from "zod";

// The one vocabulary of our API's failures, shared by the server (which answers with it) and the
// browser (which reads it): each code's HTTP status and the words a person reads. Browser-safe: it
// holds no secret, and no message here is built from anything the upstream sent.

export const SIGN_IN_PATH = "/signin";

export const SESSION_EXPIRED_MESSAGE = "Your session expired: sign in again";

/** When Merge names no wait, a minute matches its per-minute limits. */
export const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 60;

/** Every code our API answers with: its status, and its message unless the answer says more. */
export const API_ERRORS = {
  unauthenticated: { status: 401, message: SESSION_EXPIRED_MESSAGE },
  /** The answer's own message names the field and the rule; this one introduces it. */
  invalid_filter: { status: 400, message: "These filters are not valid" },
  /** ARCHIVE=off and the request uses a filter only the archive can apply; the answer names it (needsArchiveMessage). */
  needs_archive: { status: 400, message: "These filters need the archive, which is off on this server" },
  invalid_cursor: { status: 400, message: "This page of results expired: start again from the first page" },
  upstream_auth: {
    status: 502,
    message:
      "The server's Merge API key was rejected: ask your administrator to check MERGE_API_KEY and the audit-trail feature of the Merge plan",
  },
  upstream_invalid: { status: 502, message: "Merge sent an answer this app cannot read; retry, and report it if it persists" },
  /** The answer adds the wait: "; retry in N s". */
  rate_limited: { status: 503, message: "Merge is rate-limiting requests" },
  upstream_unavailable: { status: 503, message: "Merge is unavailable right now; retry in a moment" },
  upstream_timeout: { status: 504, message: "Merge took too long to answer; retry, or narrow the filters" },
  archive_unavailable: { status: 503, message: "The archive's database is not answering; retry in a moment" },
  /**
   * Our failure guard paused requests so that Merge does not block this server. `message` when the
   * whole server's failures caused it, `userMessage` when the user's own did; the answer carries the
   * wait as rate_limited's does (retry_after and Retry-After).
   */
  held_back: {
    status: 503,
    message:
      "Merge refused several requests from this server just now, so requests are paused for a few seconds to keep Merge from blocking it",
    userMessage:
      "Merge refused several of your recent requests, so yours are paused for a few seconds to keep Merge from blocking this server",
  },
  /** Signed in, but this is an admin's (or another user's) to see or change. */
  forbidden: { status: 403, message: "Only an admin can do this" },
  not_found: { status: 404, message: "There is nothing here, or it is not yours to see" },
  /** The answer's own message names the scope; `field` is "name". */
  name_taken: { status: 409, message: "This name is already used" },
  internal_error: { status: 500, message: "Something went wrong on the server; retry, and report it if it persists" },
} as const satisfies Record<string, { status: number; message: string; userMessage?: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** needs_archive's words for one filter (a URL parameter name such as `ip`, or `stats`). */
export function needsArchiveMessage(field: string): string {
  return `"${field}" needs the archive, which is off on this server (ARCHIVE=off)`;
}

/** Failures the browser meets before any answer of ours: no connection, or an answer we cannot read. */
export const CLIENT_ERRORS = {
  network: "The server could not be reached: check your connection",
  unexpected: "The server sent an answer the app cannot read; retry, and report it if it persists",
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERRORS;

function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(API_ERRORS, code);
}

/** The body of every error answer: `{ error: { code, message, field?, retry_after? } }`. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    retry_after: z.number().nonnegative().optional(),
  }),
});

export type ApiErrorBody = {
  error: { code: ApiErrorCode; message: string; field?: string; retry_after?: number };
};

/** A request to our API that failed, as the browser sees it. */
export class ApiRequestError extends Error {
  readonly code: ApiErrorCode | ClientErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly field: string | undefined;

  constructor(
    code: ApiErrorCode | ClientErrorCode,
    message: string = isApiErrorCode(code) ? API_ERRORS[code].message : CLIENT_ERRORS[code],
    options: { retryAfterSeconds?: number; field?: string } = {},
  ) {
    super(message);
    this.name = "ApiRequestError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.field = options.field;
  }
}

/** The sign-in page URL that returns to `callbackPath` afterwards (kept relative: see safeCallbackPath). */
export function signInPath(callbackPath: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (callbackPath !== "/") params.set("callbackUrl", callbackPath);
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}

/**
 * The failure a response of our API stands for. A sign-in page reached through a redirect means
 * the session is gone; an answer without our JSON error is "unexpected", with its status.
 */
export async function readApiError(response: Response): Promise<ApiRequestError> {
  if (response.redirected && new URL(response.url).pathname.startsWith(SIGN_IN_PATH)) {
    return new ApiRequestError("unauthenticated");
  }
  const parsed = apiErrorBodySchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    return new ApiRequestError("unexpected", `The server answered ${response.status} without an explanation`);
  }
  const { code, message, field, retry_after } = parsed.data.error;
  return new ApiRequestError(isApiErrorCode(code) ? code : "unexpected", message, { field, retryAfterSeconds: retry_after });
}
