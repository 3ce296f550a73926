import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DATE_FORMAT_HINT, FOUR_DIGIT_YEAR_HINT, isoToLocalInput, isoToTypedDateTime, readTypedDateTime } from "./local-datetime";

// Node applies a new TZ at once: run these in a zone with an offset and daylight saving time.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "America/New_York";
});
afterAll(() => {
  process.env.TZ = originalTz;
});

const iso = (text: string) => {
  const read = readTypedDateTime(text);
  return read.ok ? read.iso : read.message;
};

describe("typed dates <-> ISO UTC", () => {
  it("shows a UTC instant as wall-clock time in the user's zone", () => {
    expect(isoToLocalInput("2026-11-28T12:00:00.000Z")).toBe("2026-11-28T07:00:00");
    expect(isoToTypedDateTime("2026-07-01T12:00:30.000Z")).toBe("2026-07-01 08:00:30");
  });

  it("reads what the user typed in their zone and writes UTC", () => {
    expect(iso("2026-11-28 07:00")).toBe("2026-11-28T12:00:00.000Z");
    expect(iso(" 2026-07-01T08:00:30 ")).toBe("2026-07-01T12:00:30.000Z");
    expect(iso("2026-11-28")).toBe("2026-11-28T05:00:00.000Z");
    expect(iso("2026-1-5 9:05")).toBe("2026-01-05T14:05:00.000Z");
  });

  it("round-trips to the second", () => {
    const instant = "2026-03-08T06:59:59.000Z";
    expect(iso(isoToTypedDateTime(instant))).toBe(instant);
    expect(iso(isoToLocalInput(instant))).toBe(instant);
  });

  it("refuses a year that is not four digits, saying so", () => {
    expect(iso("202611-11-28 07:00")).toBe(FOUR_DIGIT_YEAR_HINT);
    expect(iso("26-11-28 07:00")).toBe(FOUR_DIGIT_YEAR_HINT);
  });

  it("refuses what is not a date and time", () => {
    for (const text of ["", "yesterday", "2026-13-01", "2026-02-31 10:00", "2026-11-28 24:00", "2026-11-28 10:60"]) {
      expect(iso(text)).toBe(DATE_FORMAT_HINT);
    }
  });
});
