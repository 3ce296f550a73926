import { describe, expect, it } from "vitest";

import { barIndexAt, barRange, rangeDates } from "./histogram-selection";

const buckets = [
  { start: "2026-11-01T00:00:00Z", end: "2026-11-02T00:00:00Z", count: 3 },
  { start: "2026-11-02T00:00:00Z", end: "2026-11-03T00:00:00Z", count: 0 },
  { start: "2026-11-03T00:00:00Z", end: "2026-11-04T00:00:00Z", count: 7 },
];

describe("barIndexAt", () => {
  it("finds the bar under the pointer, and the end bars past either edge", () => {
    expect(barIndexAt(0, 300, 3)).toBe(0);
    expect(barIndexAt(150, 300, 3)).toBe(1);
    expect(barIndexAt(299, 300, 3)).toBe(2);
    expect(barIndexAt(-40, 300, 3)).toBe(0);
    expect(barIndexAt(900, 300, 3)).toBe(2);
  });
});

describe("rangeDates", () => {
  it("runs from the first bar's start to the last bar's end, whichever way the drag went", () => {
    expect(rangeDates(buckets, barRange(2, 0))).toEqual({
      start_date: "2026-11-01T00:00:00.000Z",
      end_date: "2026-11-04T00:00:00.000Z",
    });
    expect(rangeDates(buckets, barRange(1, 1))).toEqual({
      start_date: "2026-11-02T00:00:00.000Z",
      end_date: "2026-11-03T00:00:00.000Z",
    });
  });
});
