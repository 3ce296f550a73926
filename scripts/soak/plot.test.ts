import { describe, expect, it } from "vitest";

import { niceStep, renderPlot } from "./plot";

describe("the soak's plot", () => {
  it("picks round axis steps", () => {
    expect(niceStep(230)).toBe(50);
    expect(niceStep(1_000)).toBe(200);
    expect(niceStep(0)).toBe(1);
  });

  it("draws every chaos window, each series, and a new RSS line after a restart", () => {
    const svg = renderPlot({
      title: "Soak <test>",
      endMs: 120_000,
      latency: [{ label: "GET /", points: [{ atMs: 7_500, ms: 40 }, { atMs: 22_500, ms: Number.NaN }, { atMs: 37_500, ms: 60 }] }],
      rss: [
        { atMs: 0, instance: "app-1", pid: 1, mb: 200 },
        { atMs: 2_000, instance: "app-1", pid: 1, mb: 201 },
        { atMs: 60_000, instance: "app-1", pid: 2, mb: 150 },
        { atMs: 62_000, instance: "app-1", pid: 2, mb: 160 },
      ],
      chaos: [
        { label: "kill sync holder", window: { fromMs: 12_000, toMs: 30_000 } },
        { label: "PostgreSQL down", window: { fromMs: 40_000, toMs: 62_000 } },
      ],
    });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Soak &lt;test&gt;");
    expect(svg.match(/data-chaos=/g)).toHaveLength(2);
    expect(svg).toContain("p95 GET /");
    expect(svg.match(/stroke-dasharray="5 3"\/>/g)?.length).toBeGreaterThanOrEqual(2);
    // The empty bucket breaks the latency line into two pieces.
    expect(svg).toMatch(/<path d="M[^"L]*M/);
  });
});
