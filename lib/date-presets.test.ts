import { describe, expect, it } from "vitest";

import { activePreset, DATE_PRESETS, findDatePreset, freezeRange, presetRange, rangeKey, type DatePreset } from "@/lib/date-presets";
import { FILTER_KEYS, parseAuditTrailQuery, toSearchParams } from "@/lib/filters";

// An injected clock: every expectation below is relative to this instant.
const NOW = new Date("2026-11-28T12:00:00.000Z");

function preset(id: string): DatePreset {
  const found = findDatePreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

describe("presetRange", () => {
  it.each([
    ["last-hour", "2026-11-28T11:00:00.000Z"],
    ["last-24-hours", "2026-11-27T12:00:00.000Z"],
    ["last-7-days", "2026-11-21T12:00:00.000Z"],
    ["last-30-days", "2026-10-29T12:00:00.000Z"],
    ["last-90-days", "2026-08-30T12:00:00.000Z"],
  ])("%s writes an absolute start and no end", (id, start) => {
    expect(presetRange(preset(id), NOW)).toEqual({ start_date: start });
  });

  it("all time writes no dates", () => {
    expect(presetRange(preset("all-time"), NOW)).toEqual({});
  });

  it("writes dates the shared schema accepts unchanged", () => {
    for (const p of DATE_PRESETS) {
      const range = presetRange(p, NOW);
      const parsed = parseAuditTrailQuery(toSearchParams(range), { allow: FILTER_KEYS });
      expect(parsed).toEqual({ ok: true, value: range });
    }
  });

  it("offers the presets of the product, in order", () => {
    expect(DATE_PRESETS.map((p) => p.label)).toEqual([
      "Last hour",
      "Last 24 hours",
      "Last 7 days",
      "Last 30 days",
      "Last 90 days",
      "Yesterday",
      "This week",
      "Last week",
      "This month",
      "All time",
    ]);
  });

  describe("calendar presets, in the browser's zone (weeks start on Monday)", () => {
    // Saturday, Nov 28, 2026, 00:30 local time: the day, the week and the month are the local ones.
    const saturday = new Date(2026, 10, 28, 0, 30);
    const local = (month: number, day: number) => new Date(2026, month, day).toISOString();

    it.each([
      ["yesterday", { start_date: local(10, 27), end_date: local(10, 28) }],
      ["this-week", { start_date: local(10, 23) }],
      ["last-week", { start_date: local(10, 16), end_date: local(10, 23) }],
      ["this-month", { start_date: local(10, 1) }],
    ])("%s", (id, range) => {
      expect(presetRange(preset(id), saturday)).toEqual(range);
    });

    it("count a Sunday in the week that began the Monday before", () => {
      const sunday = new Date(2026, 10, 29, 23, 0);
      expect(presetRange(preset("this-week"), sunday)).toEqual({ start_date: local(10, 23) });
      expect(presetRange(preset("last-week"), new Date(2026, 10, 23, 9))).toEqual({
        start_date: local(10, 16),
        end_date: local(10, 23),
      });
    });

    it("cross a month's first day", () => {
      expect(presetRange(preset("yesterday"), new Date(2026, 11, 1, 8))).toEqual({
        start_date: local(10, 30),
        end_date: local(11, 1),
      });
    });
  });
});

describe("activePreset", () => {
  const week = preset("last-7-days");
  const chosen = new Map([[rangeKey(presetRange(week, NOW)), week]]);

  it("is All time without dates", () => {
    expect(activePreset({}, chosen)?.label).toBe("All time");
  });

  it("names the preset while the URL holds the start it wrote", () => {
    expect(activePreset(presetRange(week, NOW), chosen)).toBe(week);
  });

  it("is custom for a start no preset wrote in this session (e.g. after a reload)", () => {
    expect(activePreset(presetRange(week, NOW), new Map())).toBeNull();
    expect(activePreset({ start_date: "2026-11-01T00:00:00.000Z" }, chosen)).toBeNull();
  });

  it("names a calendar preset while the URL holds both dates it wrote", () => {
    const yesterday = preset("yesterday");
    const range = presetRange(yesterday, NOW);
    const remembered = new Map([[rangeKey(range), yesterday]]);
    expect(activePreset(range, remembered)).toBe(yesterday);
    expect(activePreset({ start_date: range.start_date }, remembered)).toBeNull();
  });

  it("is custom once the range has an end, even with a preset's start", () => {
    expect(activePreset({ ...presetRange(week, NOW), end_date: NOW.toISOString() }, chosen)).toBeNull();
    expect(activePreset({ end_date: NOW.toISOString() }, chosen)).toBeNull();
  });
});

describe("freezeRange (Copy link)", () => {
  it("closes an open-ended preset at the moment of copying", () => {
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
