import { describe, expect, it } from "vitest";

import {
  advisedWaitMs,
  backoffMs,
  DEFAULT_RETRY_POLICY,
  type RetryClock,
  type RetryPolicy,
  withRetries,
} from "./retry";

const START = Date.parse("2026-11-28T12:00:00Z");

/** A clock whose sleeps return at once and are recorded, with a fixed "random" value. */
function fakeClock(randomValue = 0.5): RetryClock & { sleeps: number[] } {
  let now = START;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    random: () => randomValue,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** An upstream that answers from a script, one entry per attempt; "network" throws like fetch does. */
function scripted(script: Array<number | "network" | Response>) {
  let calls = 0;
  const attempt = async () => {
    const step = script[Math.min(calls++, script.length - 1)]!;
    if (step === "network") throw new TypeError("fetch failed");
    return step instanceof Response ? step : new Response(null, { status: step });
  };
  return { attempt, calls: () => calls };
}

const networkOnly = (error: unknown) => error instanceof TypeError;
const policy: RetryPolicy = { maxRetries: 2, baseDelayMs: 1000, maxDelayMs: 8000, maxTotalWaitMs: 20_000, jitter: 0.2 };

describe("backoffMs", () => {
  it("doubles from the base, capped, with the jitter applied around it", () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffMs(n, policy, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(0, policy, () => 0)).toBe(800);
    expect(backoffMs(0, policy, () => 1)).toBe(1200);
  });
});

describe("advisedWaitMs", () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it("reads Retry-After in seconds", () => {
    expect(advisedWaitMs(headers({ "Retry-After": "3" }), START)).toBe(3000);
  });

  it("reads Retry-After as an HTTP date, and a date in the past as no wait", () => {
    expect(advisedWaitMs(headers({ "Retry-After": new Date(START + 5000).toUTCString() }), START)).toBe(5000);
    expect(advisedWaitMs(headers({ "Retry-After": new Date(START - 5000).toUTCString() }), START)).toBe(0);
  });

  it("falls back to X-RateLimit-Reset, a Unix time in seconds", () => {
    expect(advisedWaitMs(headers({ "X-RateLimit-Reset": String(START / 1000 + 7) }), START)).toBe(7000);
    expect(advisedWaitMs(headers({ "Retry-After": "soon", "X-RateLimit-Reset": String(START / 1000 + 2) }), START)).toBe(2000);
  });

  it("is undefined without a usable header", () => {
    expect(advisedWaitMs(headers({}), START)).toBeUndefined();
    expect(advisedWaitMs(headers({ "Retry-After": "-1" }), START)).toBeUndefined();
  });
});

describe("withRetries", () => {
  it("returns a success at once", async () => {
    const clock = fakeClock();
    const upstream = scripted([200]);
    const result = await withRetries(upstream.attempt, { policy, clock, isRetryableError: networkOnly });
    expect(result).toMatchObject({ kind: "answer", retries: 0 });
    expect(clock.sleeps).toEqual([]);
  });

  it.each([408, 429, 500, 502, 503, 504])("retries %i with exponential backoff, then gives the last answer", async (status) => {
    const clock = fakeClock();
    const upstream = scripted([status]);
    const result = await withRetries(upstream.attempt, { policy, clock, isRetryableError: networkOnly });
    expect(result.kind === "answer" && result.answer.status).toBe(status);
    expect(result.retries).toBe(2);
    expect(upstream.calls()).toBe(3);
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it.each([400, 401, 403, 404, 422])("does not retry %i", async (status) => {
    const clock = fakeClock();
    const upstream = scripted([status]);
    const result = await withRetries(upstream.attempt, { policy, clock, isRetryableError: networkOnly });
    expect(result).toMatchObject({ kind: "answer", retries: 0 });
    expect(upstream.calls()).toBe(1);
  });

  it("recovers after a 429 by waiting what Retry-After asks", async () => {
    const clock = fakeClock();
    const upstream = scripted([new Response(null, { status: 429, headers: { "Retry-After": "3" } }), 200]);
    const result = await withRetries(upstream.attempt, { policy, clock, isRetryableError: networkOnly });
    expect(result.kind === "answer" && result.answer.status).toBe(200);
    expect(result.retries).toBe(1);
    expect(clock.sleeps).toEqual([3000]);
  });

  it("gives the 429 back without waiting when the asked wait exceeds the cap", async () => {
    const clock = fakeClock();
    const upstream = scripted([new Response(null, { status: 429, headers: { "Retry-After": "60" } }), 200]);
    const result = await withRetries(upstream.attempt, { policy, clock, isRetryableError: networkOnly });
    expect(result.kind === "answer" && result.answer.status).toBe(429);
    expect(result.retries).toBe(0);
    expect(clock.sleeps).toEqual([]);
  });

  it("keeps the sum of the waits within the cap", async () => {
    const clock = fakeClock(1);
    const upstream = scripted([503]);
    const tight: RetryPolicy = { ...policy, maxRetries: 5, maxTotalWaitMs: 5000 };
    const result = await withRetries(upstream.attempt, { policy: tight, clock, isRetryableError: networkOnly });
    expect(result.retries).toBe(2);
    expect(clock.sleeps).toEqual([1200, 2400]);
    expect(clock.sleeps.reduce((a, b) => a + b)).toBeLessThanOrEqual(5000);
  });

  it("retries network errors and gives the last error back", async () => {
    const clock = fakeClock();
    const upstream = scripted(["network"]);
    const result = await withRetries(upstream.attempt, { policy, clock, isRetryableError: networkOnly });
    expect(result.kind).toBe("error");
    expect(result.retries).toBe(2);
    expect(upstream.calls()).toBe(3);
  });

  it("recovers when the network comes back", async () => {
    const clock = fakeClock();
    const upstream = scripted(["network", 200]);
    const result = await withRetries(upstream.attempt, { policy, clock, isRetryableError: networkOnly });
    expect(result).toMatchObject({ kind: "answer", retries: 1 });
  });

  it("does not retry errors the caller marks final (timeouts, aborts)", async () => {
    const clock = fakeClock();
    const upstream = scripted(["network"]);
    const result = await withRetries(upstream.attempt, { policy, clock, isRetryableError: () => false });
    expect(result).toMatchObject({ kind: "error", retries: 0 });
  });

  it("stops waiting when the caller aborts", async () => {
    const controller = new AbortController();
    const clock: RetryClock = {
      ...fakeClock(),
      sleep: async (_ms, signal) => {
        controller.abort(new Error("client went away"));
        signal?.throwIfAborted();
      },
    };
    const upstream = scripted([503]);
    await expect(
      withRetries(upstream.attempt, { policy, clock, signal: controller.signal, isRetryableError: networkOnly }),
    ).rejects.toThrow("client went away");
    expect(upstream.calls()).toBe(1);
  });

  it("has a default policy whose worst case stays within its own cap", async () => {
    const clock = fakeClock(1);
    const upstream = scripted([500]);
    await withRetries(upstream.attempt, { policy: DEFAULT_RETRY_POLICY, clock, isRetryableError: networkOnly });
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxTotalWaitMs);
    expect(clock.sleeps).toHaveLength(DEFAULT_RETRY_POLICY.maxRetries);
  });
});
