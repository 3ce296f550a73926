import { describe, expect, it } from "vitest";

import { canonicalTimeZone, instantOf, isWallTimeIn, wallTimeIn } from "@/lib/time-zone";

const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({ year, month, day, hour, minute, second });

describe("canonicalTimeZone", () => {
  it.each([
    ["UTC", "UTC"],
    ["utc", "UTC"],
    ["Europe/Berlin", "Europe/Berlin"],
    ["america/new_york", "America/New_York"],
  ])("%s is %s", (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it.each(["Mars/Olympus", "", "+01:00", "Europe/Berlin; drop"])("refuses %j", (name) => {
    expect(canonicalTimeZone(name)).toBeNull();
  });
});

describe("wall-clock time in a zone", () => {
  it("reads an instant in Berlin, New York and UTC", () => {
    const instant = new Date("2026-10-01T00:00:00Z");
    expect(wallTimeIn(instant, "Europe/Berlin")).toEqual(wall(2026, 10, 1, 2));
    expect(wallTimeIn(instant, "America/New_York")).toEqual(wall(2026, 9, 30, 20));
    expect(wallTimeIn(instant, "UTC")).toEqual(wall(2026, 10, 1));
  });

  it("turns wall-clock time back into the instant, either side of daylight saving", () => {
    expect(instantOf(wall(2026, 10, 1, 2), "Europe/Berlin").toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(instantOf(wall(2026, 12, 1), "Europe/Berlin").toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(instantOf(wall(2026, 11, 25), "America/New_York").toISOString()).toBe("2026-11-25T05:00:00.000Z");
    // Overflowing fields roll over: day 0 of December is November 30.
    expect(instantOf(wall(2026, 12, 0), "UTC").toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it("takes the first of a repeated time and reads a skipped one on the old offset", () => {
    // Berlin, 2026-10-25: 02:00-03:00 happens twice (CEST, then CET).
    expect(instantOf(wall(2026, 10, 25, 2, 30), "Europe/Berlin").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // Berlin, 2026-03-29: 02:00-03:00 does not exist.
    expect(instantOf(wall(2026, 3, 29, 2, 30), "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(isWallTimeIn(wall(2026, 3, 29, 2, 30), "Europe/Berlin")).toBe(false);
    expect(isWallTimeIn(wall(2026, 2, 31), "UTC")).toBe(false);
    expect(isWallTimeIn(wall(2026, 3, 29, 3, 30), "Europe/Berlin")).toBe(true);
  });
});
