import { describe, expect, it } from "vitest";

import { latencyByMinute, p95Outside, p95Series, percentile } from "./latency";
import type { RequestSample } from "./samples";

const sample = (atMs: number, ms: number, route = "GET /", status = 200): RequestSample => ({ atMs, ms, route, status, instance: "app-1" });

describe("percentile", () => {
  it("is the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it("is NaN for no values, so a route without traffic never looks fast", () => {
    expect(percentile([], 95)).toBeNaN();
  });
});

describe("latency per route and minute", () => {
  it("groups by route and minute and leaves unanswered requests out", () => {
    const rows = latencyByMinute([
      sample(1_000, 10),
      sample(59_999, 30),
      sample(60_000, 500),
      sample(2_000, 9_999, "GET /", 0),
      sample(3_000, 40, "GET /api/audit-trail"),
    ]);
    expect(rows).toEqual([
      { route: "GET /", minute: 1, requests: 2, p50: 10, p95: 30 },
      { route: "GET /", minute: 2, requests: 1, p50: 500, p95: 500 },
      { route: "GET /api/audit-trail", minute: 1, requests: 1, p50: 40, p95: 40 },
    ]);
  });

  it("leaves the chaos windows out of the budgeted p95", () => {
    const samples = [...Array.from({ length: 9 }, (_, i) => sample(i * 1000, 100)), sample(30_500, 5_000)];
    expect(p95Outside(samples, "GET /", [])).toBe(5_000);
    expect(p95Outside(samples, "GET /", [{ fromMs: 30_000, toMs: 40_000 }])).toBe(100);
  });

  it("plots p95 per bucket", () => {
    const series = p95Series([sample(1_000, 10), sample(16_000, 20), sample(45_100, 30)], "GET /", 15_000, 45_200);
    expect(series.map((point) => point.ms)).toEqual([10, 20, Number.NaN]);
  });
});
