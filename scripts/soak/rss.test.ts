import { describe, expect, it } from "vitest";

import { rssGrowth, slope } from "./rss";
import type { RssSample } from "./samples";

const series = (instance: string, pid: number, mb: (i: number) => number, fromMs = 0, count = 61): RssSample[] =>
  Array.from({ length: count }, (_, i) => ({ atMs: fromMs + i * 10_000, instance, pid, mb: mb(i) }));

describe("RSS trend", () => {
  it("fits a straight line", () => {
    expect(slope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBeCloseTo(2);
    expect(slope([{ x: 0, y: 1 }])).toBe(0);
  });

  it("reads a leak as the MB it gains over the span", () => {
    const samples = series("app-1", 10, (i) => 200 + i * 0.5); // 0.5 MB every 10 s
    const [growth] = rssGrowth(samples, 300_000, 600_000);
    expect(growth!.growthMb).toBeCloseTo(15);
  });

  it("is not fooled by one spike or a sawtooth of collections", () => {
    const samples = series("app-1", 10, (i) => (i === 45 ? 400 : 200 + (i % 6) * 5));
    const [growth] = rssGrowth(samples, 300_000, 600_000);
    expect(Math.abs(growth!.growthMb)).toBeLessThan(30);
  });

  it("judges a restarted instance by its new process, if that one covers the span", () => {
    const samples = [...series("app-1", 10, () => 100, 0, 10), ...series("app-1", 11, (i) => 300 + i, 100_000, 51)];
    expect(rssGrowth(samples, 300_000, 600_000)).toEqual([
      expect.objectContaining({ instance: "app-1", pid: 11, firstMb: 320, lastMb: 350 }),
    ]);
    expect(rssGrowth(samples, 50_000, 600_000)).toEqual([]);
  });
});
