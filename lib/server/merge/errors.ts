import "server-only";

import type { ApiErrorCode } from "@/lib/api-errors";

// A failure of the upstream call, typed by code. lib/server/api-error.ts turns it into our API's
// answer, with the words of lib/api-errors.ts.

/** The codes of lib/api-errors.ts that stand for the upstream's trouble. */
export type MergeErrorCode = Extract<
  ApiErrorCode,
  "upstream_auth" | "rate_limited" | "invalid_cursor" | "upstream_unavailable" | "upstream_timeout" | "upstream_invalid" | "held_back"
>;

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
