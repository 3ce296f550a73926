import { describe, expect, it } from "vitest";

import { judge, type SoakFigures } from "./budgets";

const clean: SoakFigures = {
  lost: 0,
  doubled: 0,
  extra: 0,
  short_exports: 0,
  unexpected_5xx: 0,
  p95_ms: 120,
  recovery_seconds: 4,
  takeover_seconds: 9,
  rss_growth_mb: 12,
};

describe("the soak's budgets", () => {
  it("passes a clean run", () => {
    expect(judge(clean, 5).pass).toBe(true);
  });

  it.each([
    ["one lost event", { lost: 1 }],
    ["one doubled event", { doubled: 1 }],
    ["one short export", { short_exports: 1 }],
    ["one unexpected 5xx", { unexpected_5xx: 1 }],
    ["a slow explorer page", { p95_ms: 251 }],
    ["an unmeasured explorer page", { p95_ms: Number.NaN }],
    ["a slow recovery", { recovery_seconds: 10.5 }],
    ["a takeover later than two intervals", { takeover_seconds: 11 }],
    ["memory that keeps growing", { rss_growth_mb: 31 }],
  ])("fails %s", (_, change) => {
    const verdict = judge({ ...clean, ...change }, 5);
    expect(verdict.pass).toBe(false);
    expect(verdict.checks.filter((check) => check.pass === false)).toHaveLength(1);
  });

  it("reports a figure it could not measure without judging it", () => {
    const verdict = judge({ ...clean, recovery_seconds: null }, 5);
    expect(verdict.pass).toBe(true);
    expect(verdict.checks.find((check) => check.figure.startsWith("Recovery"))?.pass).toBeNull();
  });
});
