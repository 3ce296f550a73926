import { describe, expect, it } from "vitest";

import { createFailureGuard } from "./failure-guard";

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe("createFailureGuard", () => {
  it("lets requests go until the failures in the window reach the limit", () => {
    const time = clock();
    const guard = createFailureGuard(time.now, { limit: 3, windowMs: 10_000 });
    guard.record(401);
    guard.record(500);
    expect(guard.holdMs()).toBe(0);
    guard.record(404);
    expect(guard.holdMs()).toBe(10_000);
  });

  it("counts only what Merge counts: statuses from 400 up, except 429", () => {
    const time = clock();
    const guard = createFailureGuard(time.now, { limit: 2 });
    for (const status of [200, 302, 429, 429, 429, 399]) guard.record(status);
    expect(guard.holdMs()).toBe(0);
  });

  it("clears as the oldest failures leave the window", () => {
    const time = clock();
    const guard = createFailureGuard(time.now, { limit: 2, windowMs: 10_000 });
    guard.record(500);
    time.advance(4_000);
    guard.record(500);
    expect(guard.holdMs()).toBe(6_000);
    time.advance(6_000);
    expect(guard.holdMs()).toBe(0);
  });

  it("holds back at half of Merge's budget by default", () => {
    const time = clock();
    const guard = createFailureGuard(time.now);
    for (let i = 0; i < 9; i++) guard.record(401);
    expect(guard.holdMs()).toBe(0);
    guard.record(401);
    expect(guard.holdMs()).toBeGreaterThan(0);
  });
});
