import { describe, expect, it } from "vitest";

import { createRateBudget } from "./rate-budget";

describe("createRateBudget", () => {
  it("lets at most N requests go in any sliding minute", () => {
    let now = 1_000_000;
    const budget = createRateBudget(3, () => now);
    for (let i = 0; i < 3; i += 1) {
      expect(budget.waitMs()).toBe(0);
      budget.spend();
      now += 1_000;
    }
    // The first of the three went at 1,000,000: the fourth may go a minute after it.
    expect(budget.waitMs()).toBe(57_000);
    now += 57_000;
    expect(budget.waitMs()).toBe(0);
  });

  it("sends nothing before the time Merge asked for, and never shortens a pause", () => {
    let now = 0;
    const budget = createRateBudget(100, () => now);
    budget.pauseUntil(30_000);
    budget.pauseUntil(10_000);
    expect(budget.waitMs()).toBe(30_000);
    now = 30_000;
    expect(budget.waitMs()).toBe(0);
  });
});
