import { describe, expect, it } from "vitest";

import { freezeRange, isCalendarRange, RANGE_IDS, RANGE_LABELS, resolveRange } from "@/lib/date-presets";
import { FILTER_KEYS, parseAuditTrailQuery, toSearchParams } from "@/lib/filters";

// An injected clock: every expectation below is relative to this instant (a Saturday).
const NOW = new Date("2026-11-28T12:00:00.000Z");

describe("resolveRange: the last N hours or days", () => {
  it.each([
    ["1h", "2026-11-28T11:00:00.000Z"],
    ["24h", "2026-11-27T12:00:00.000Z"],
    ["7d", "2026-11-21T12:00:00.000Z"],
    ["30d", "2026-10-29T12:00:00.000Z"],
    ["90d", "2026-08-30T12:00:00.000Z"],
  ] as const)("%s starts that long before now and has no end, in any zone", (range, start) => {
    expect(resolveRange(range, NOW, "UTC")).toEqual({ start_date: start });
    expect(resolveRange(range, NOW, "Asia/Tokyo")).toEqual({ start_date: start });
  });

  it("moves with the clock: the same range 70 minutes later is the last hour again", () => {
    const later = new Date(NOW.getTime() + 70 * 60 * 1000);
    expect(resolveRange("1h", later, "UTC")).toEqual({ start_date: "2026-11-28T12:10:00.000Z" });
  });
});

describe("resolveRange: calendar periods in the display zone (weeks start on Monday)", () => {
  it.each([
    ["today", "UTC", { start_date: "2026-11-28T00:00:00.000Z" }],
    ["yesterday", "UTC", { start_date: "2026-11-27T00:00:00.000Z", end_date: "2026-11-28T00:00:00.000Z" }],
    ["this_week", "UTC", { start_date: "2026-11-23T00:00:00.000Z" }],
    ["last_week", "UTC", { start_date: "2026-11-16T00:00:00.000Z", end_date: "2026-11-23T00:00:00.000Z" }],
    ["this_month", "UTC", { start_date: "2026-11-01T00:00:00.000Z" }],
    ["last_month", "UTC", { start_date: "2026-10-01T00:00:00.000Z", end_date: "2026-11-01T00:00:00.000Z" }],
    ["yesterday", "Europe/Berlin", { start_date: "2026-11-26T23:00:00.000Z", end_date: "2026-11-27T23:00:00.000Z" }],
    ["yesterday", "America/New_York", { start_date: "2026-11-27T05:00:00.000Z", end_date: "2026-11-28T05:00:00.000Z" }],
    // Berlin's October has its daylight saving change: the month starts at +02:00 and ends at +01:00.
    ["last_month", "Europe/Berlin", { start_date: "2026-09-30T22:00:00.000Z", end_date: "2026-10-31T23:00:00.000Z" }],
  ] as const)("%s in %s", (range, zone, expected) => {
    expect(resolveRange(range, NOW, zone)).toEqual(expected);
  });

  it("counts the day in the zone, not in UTC: 00:30 in Tokyo is already Sunday", () => {
    const sunday = new Date("2026-11-28T15:30:00.000Z");
    expect(resolveRange("today", sunday, "Asia/Tokyo")).toEqual({ start_date: "2026-11-28T15:00:00.000Z" });
    expect(resolveRange("this_week", sunday, "Asia/Tokyo")).toEqual({ start_date: "2026-11-22T15:00:00.000Z" });
    // A Monday starts a new week.
    expect(resolveRange("last_week", new Date("2026-11-30T09:00:00.000Z"), "UTC")).toEqual({
      start_date: "2026-11-23T00:00:00.000Z",
      end_date: "2026-11-30T00:00:00.000Z",
    });
  });

  it("crosses a year", () => {
    expect(resolveRange("last_month", new Date("2027-01-15T12:00:00.000Z"), "UTC")).toEqual({
      start_date: "2026-12-01T00:00:00.000Z",
      end_date: "2027-01-01T00:00:00.000Z",
    });
    expect(resolveRange("yesterday", new Date("2027-01-01T08:00:00.000Z"), "UTC").start_date).toBe("2026-12-31T00:00:00.000Z");
  });
});

describe("ranges", () => {
  it("resolve to dates the shared schema accepts unchanged", () => {
    for (const range of RANGE_IDS) {
      const dates = resolveRange(range, NOW, "Europe/Berlin");
      expect(parseAuditTrailQuery(toSearchParams(dates), { allow: FILTER_KEYS })).toEqual({ ok: true, value: dates });
    }
  });

  it("are offered in the product's order", () => {
    expect(RANGE_IDS.map((range) => RANGE_LABELS[range])).toEqual([
      "Last hour",
      "Last 24 hours",
      "Last 7 days",
      "Last 30 days",
      "Last 90 days",
      "Today",
      "Yesterday",
      "This week",
      "Last week",
      "This month",
      "Last month",
    ]);
    expect(RANGE_IDS.filter(isCalendarRange)).toEqual(["today", "yesterday", "this_week", "last_week", "this_month", "last_month"]);
  });
});

describe("freezeRange (Copy link)", () => {
  it("closes an open-ended range at the moment of copying", () => {
    expect(freezeRange({ start_date: "2026-11-21T12:00:00.000Z" }, NOW)).toEqual({
      start_date: "2026-11-21T12:00:00.000Z",
      end_date: "2026-11-28T12:00:00.000Z",
    });
  });

  it("closes all time at now, so later events stay out of the shared view", () => {
    expect(freezeRange({}, NOW)).toEqual({ end_date: "2026-11-28T12:00:00.000Z" });
  });

  it("keeps an end in the past as it is", () => {
    const range = { start_date: "2026-11-01T00:00:00.000Z", end_date: "2026-11-02T00:00:00.000Z" };
    expect(freezeRange(range, NOW)).toBe(range);
    expect(freezeRange({ end_date: NOW.toISOString() }, NOW)).toEqual({ end_date: NOW.toISOString() });
  });

  it("pulls an end in the future back to now", () => {
    expect(freezeRange({ end_date: "2027-01-01T00:00:00.000Z" }, NOW)).toEqual({
      end_date: "2026-11-28T12:00:00.000Z",
    });
  });

  it("never produces an end before the start, even when the start is in the future", () => {
    const frozen = freezeRange({ start_date: "2026-12-01T00:00:00.000Z" }, NOW);
    expect(frozen).toEqual({ start_date: "2026-12-01T00:00:00.000Z", end_date: "2026-12-01T00:00:00.000Z" });
    expect(parseAuditTrailQuery(toSearchParams(frozen), { allow: FILTER_KEYS }).ok).toBe(true);
  });
});
