import "server-only";

// Merge blocks an IP after 20 failing requests (status >= 400, 429 excepted) within 10 seconds.
// Our validation stops bad input, but a revoked key, an outage (every call retried) or a burst of
// stale links can still fail upstream; past half that budget this process stops asking until the
// window clears, so a bad minute never becomes a blocked server.

export const FAILURE_WINDOW_MS = 10_000;
export const FAILURE_LIMIT = 10;

export type FailureGuard = {
  /** How long to hold back before the next request, 0 when it may go now. */
  holdMs(): number;
  /** Notes an upstream answer; only the statuses Merge counts against the IP are kept. */
  record(status: number): void;
};

export function createFailureGuard(
  now: () => number,
  { limit = FAILURE_LIMIT, windowMs = FAILURE_WINDOW_MS }: { limit?: number; windowMs?: number } = {},
): FailureGuard {
  const failures: number[] = [];
  const forget = () => {
    while (failures.length > 0 && failures[0]! <= now() - windowMs) failures.shift();
  };
  return {
    holdMs() {
      forget();
      // Clear once the oldest of the last `limit` failures leaves the window.
      return failures.length < limit ? 0 : failures[failures.length - limit]! + windowMs - now();
    },
    record(status) {
      if (status >= 400 && status !== 429) failures.push(now());
    },
  };
}
