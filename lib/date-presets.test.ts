import { describe, expect, it } from "vitest";

import { activePreset, DATE_PRESETS, findDatePreset, freezeRange, presetRange, type DatePreset } from "@/lib/date-presets";
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

  it("offers the six presets of the product, in order", () => {
    expect(DATE_PRESETS.map((p) => p.label)).toEqual([
      "Last hour",
      "Last 24 hours",
      "Last 7 days",
      "Last 30 days",
      "Last 90 days",
      "All time",
    ]);
  });
});

describe("activePreset", () => {
  const week = preset("last-7-days");
  const chosen = new Map([[presetRange(week, NOW).start_date!, week]]);

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
