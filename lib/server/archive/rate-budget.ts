import "server-only";

// The syncer's budget of requests to Merge: at most `perMinute` in any sliding minute, and none
// before a time Merge asked us to wait for (Retry-After). The syncer asks how long to wait rather
// than blocking here, so it keeps renewing its lease while it waits.

const MINUTE_MS = 60_000;

export type RateBudget = {
  /** How long until the next request may go (0: now). */
  waitMs(): number;
  /** Counts a request that goes now. */
  spend(): void;
  /** Sends nothing before `untilMs` (a clock time). */
  pauseUntil(untilMs: number): void;
};

export function createRateBudget(perMinute: number, now: () => number): RateBudget {
  const sent: number[] = [];
  let pausedUntil = 0;
  return {
    waitMs() {
      const at = now();
      while (sent.length > 0 && sent[0]! <= at - MINUTE_MS) sent.shift();
      const full = sent.length >= perMinute ? sent[sent.length - perMinute]! + MINUTE_MS - at : 0;
      return Math.max(0, pausedUntil - at, full);
    },
    spend() {
      sent.push(now());
    },
    pauseUntil(untilMs) {
      pausedUntil = Math.max(pausedUntil, untilMs);
    },
  };
}
