import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isoToLocalInput, localInputToIso } from "./local-datetime";

// Node applies a new TZ at once: run these in a zone with an offset and daylight saving time.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "America/New_York";
});
afterAll(() => {
  process.env.TZ = originalTz;
});

describe("datetime-local <-> ISO UTC", () => {
  it("shows a UTC instant as wall-clock time in the user's zone", () => {
    expect(isoToLocalInput("2026-11-28T12:00:00.000Z")).toBe("2026-11-28T07:00:00");
    expect(isoToLocalInput("2026-07-01T12:00:30.000Z")).toBe("2026-07-01T08:00:30");
  });

  it("reads what the user typed in their zone and writes UTC", () => {
    expect(localInputToIso("2026-11-28T07:00")).toBe("2026-11-28T12:00:00.000Z");
    expect(localInputToIso("2026-07-01T08:00:30")).toBe("2026-07-01T12:00:30.000Z");
  });

  it("round-trips to the second", () => {
    const iso = "2026-03-08T06:59:59.000Z";
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
  });

  it("returns null for an empty or partial value", () => {
    expect(localInputToIso("")).toBeNull();
    expect(localInputToIso("2026-11-28")).toBeNull();
    expect(localInputToIso("2026-13-45T99:00")).toBeNull();
  });
});
