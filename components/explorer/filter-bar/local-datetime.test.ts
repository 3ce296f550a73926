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

const ZONE = "America/New_York";

const iso = (text: string, timeZone = ZONE) => {
  const read = readTypedDateTime(text, timeZone);
  return read.ok ? read.iso : read.message;
};

describe("typed dates <-> ISO UTC", () => {
  it("shows a UTC instant as wall-clock time in the user's zone", () => {
    expect(isoToLocalInput("2026-11-28T12:00:00.000Z", ZONE)).toBe("2026-11-28T07:00:00");
    expect(isoToTypedDateTime("2026-07-01T12:00:30.000Z", ZONE)).toBe("2026-07-01 08:00:30");
  });

  it("reads what the user typed in their zone and writes UTC", () => {
    expect(iso("2026-11-28 07:00")).toBe("2026-11-28T12:00:00.000Z");
    expect(iso(" 2026-07-01T08:00:30 ")).toBe("2026-07-01T12:00:30.000Z");
    expect(iso("2026-11-28")).toBe("2026-11-28T05:00:00.000Z");
    expect(iso("2026-1-5 9:05")).toBe("2026-01-05T14:05:00.000Z");
  });

  it("round-trips to the second", () => {
    const instant = "2026-03-08T06:59:59.000Z";
    expect(iso(isoToTypedDateTime(instant, ZONE))).toBe(instant);
    expect(iso(isoToLocalInput(instant, ZONE))).toBe(instant);
  });

  it("reads and shows the display zone, whatever the browser's zone", () => {
    expect(isoToTypedDateTime("2026-10-01T00:00:00.000Z", "Europe/Berlin")).toBe("2026-10-01 02:00:00");
    expect(isoToTypedDateTime("2026-10-01T00:00:00.000Z", "UTC")).toBe("2026-10-01 00:00:00");
    expect(iso("2026-10-01 00:00", "UTC")).toBe("2026-10-01T00:00:00.000Z");
    expect(iso("2026-10-01 02:00", "Europe/Berlin")).toBe("2026-10-01T00:00:00.000Z");
    // 02:30 does not exist in Berlin on the night clocks go forward.
    expect(iso("2026-03-29 02:30", "Europe/Berlin")).toBe(DATE_FORMAT_HINT);
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
