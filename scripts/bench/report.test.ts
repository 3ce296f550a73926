import { describe, expect, it } from "vitest";

import { markdownTable, type Row } from "./report";

const verdict = (row: Row) => markdownTable([{ name: "s", seconds: 0, rows: [row] }]).split("\n")[2]!.split("|").at(-2)!.trim();

describe("markdownTable verdicts", () => {
  it("compares a ratio and a difference with the baseline", () => {
    const baseline = { label: "direct", value: 100 };
    expect(verdict({ figure: "rps", unit: "req/s", value: 60, baseline, comparison: "ratio", budget: { kind: "ratio-at-least", limit: 0.6 } })).toBe("yes");
    expect(verdict({ figure: "rps", unit: "req/s", value: 59, baseline, comparison: "ratio", budget: { kind: "ratio-at-least", limit: 0.6 } })).toBe("**no**");
    expect(verdict({ figure: "p50", unit: "ms", value: 106, baseline, comparison: "difference", budget: { kind: "difference-at-most", limit: 5 } })).toBe("**no**");
  });

  it("leaves figures without a budget unjudged and fails a section that errored", () => {
    expect(verdict({ figure: "heap", unit: "MB", value: 12 })).toBe("");
    const table = markdownTable([{ name: "export", seconds: 0, rows: [], error: "HTTP 500 | cut\nstack" }]);
    expect(table).toContain("| export | failed: HTTP 500 \\| cut | | | | no |");
  });
});
