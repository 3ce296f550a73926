import "server-only";

// When and how long to wait before asking Merge again. GETs are safe to repeat, but Merge counts
// failing requests per IP, so the number of retries and the total time spent waiting are both capped.

export type RetryPolicy = {
  /** Repeats after the first attempt. */
  maxRetries: number;
  /** First backoff delay; it doubles on each retry. */
  baseDelayMs: number;
  /** Largest single backoff delay (a Retry-After within the total cap is honoured as is). */
  maxDelayMs: number;
  /** Largest sum of all waits for one call: past it the last answer stands. */
  maxTotalWaitMs: number;
  /** Relative spread of each backoff delay, e.g. 0.2 for ±20%. */
  jitter: number;
};

// The SDK's choices (two retries, doubling, ±20%), on a shorter scale: a person is waiting.
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  maxTotalWaitMs: 10_000,
  jitter: 0.2,
};

/** Time, sleep and randomness, injected so tests run without waiting. */
export type RetryClock = {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
};

export const systemClock: RetryClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * The wait the upstream asked for, in ms: `Retry-After` (seconds or an HTTP date), else
 * `X-RateLimit-Reset` (a Unix time in seconds). Undefined when neither header is usable.
 */
export function advisedWaitMs(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    // HTTP dates, in all three of RFC 9110's forms, start with the day's name.
    const date = /^[A-Za-z]/.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const reset = headers.get("x-ratelimit-reset")?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return Math.max(0, Number(reset) * 1000 - nowMs);
  return undefined;
}

/** Exponential backoff with jitter for the retry numbered `retry` (0 for the first). */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  const spread = 1 + policy.jitter * (2 * random() - 1);
  return Math.round(exponential * spread);
}

/** What an attempt must expose for the decision: the body is the caller's business. */
export type UpstreamAnswer = { status: number; headers: Headers };

export type RetryResult<A extends UpstreamAnswer> =
  | { kind: "answer"; answer: A; retries: number }
  | { kind: "error"; error: unknown; retries: number };

type RetryOptions = {
  policy: RetryPolicy;
  clock: RetryClock;
  /** Cancels the waits between attempts (the attempts take it themselves). */
  signal?: AbortSignal;
  /** Thrown errors worth another attempt (network failures), as opposed to timeouts or aborts. */
  isRetryableError: (error: unknown) => boolean;
};

/**
 * Runs `attempt` until it gives a final answer: a non-retryable status, a non-retryable error, or
 * the last retryable one once the retries or the total wait run out. Never throws except when
 * `signal` aborts a wait.
 */
export async function withRetries<A extends UpstreamAnswer>(
  attempt: () => Promise<A>,
  options: RetryOptions,
): Promise<RetryResult<A>> {
  const { policy, clock, signal, isRetryableError } = options;
  let waitedMs = 0;
  for (let retries = 0; ; retries++) {
    const result = await attempt().then(
      (answer): RetryResult<A> => ({ kind: "answer", answer, retries }),
      (error: unknown): RetryResult<A> => ({ kind: "error", error, retries }),
    );
    const retryable = result.kind === "answer" ? isRetryableStatus(result.answer.status) : isRetryableError(result.error);
    if (!retryable || retries >= policy.maxRetries) return result;
    const advised = result.kind === "answer" ? advisedWaitMs(result.answer.headers, clock.now()) : undefined;
    const delayMs = advised ?? backoffMs(retries, policy, clock.random);
    if (waitedMs + delayMs > policy.maxTotalWaitMs) return result;
    await clock.sleep(delayMs, signal);
    waitedMs += delayMs;
  }
}
