import { describe, expect, it } from "vitest";

import { formatCreatedAt, formatPosition, parseDateTime } from "./time";

const at = (iso: string) => Date.parse(iso) * 1000;

describe("timestamps", () => {
  it("writes created_at with microseconds and positions as Python prints them", () => {
    const micros = at("2026-11-02T09:14:03.123Z") + 456;
    expect(formatCreatedAt(micros)).toBe("2026-11-02T09:14:03.123456Z");
    expect(formatPosition(micros)).toBe("2026-11-02 09:14:03.123456+00:00");
    expect(formatPosition(at("2026-11-02T09:14:03Z"))).toBe("2026-11-02 09:14:03+00:00");
  });

  it.each([
    ["2026-11-02T09:14:03Z", at("2026-11-02T09:14:03Z")],
    ["2026-11-02T09:14:03.5Z", at("2026-11-02T09:14:03.500Z")],
    ["2026-11-02T09:14:03.123456789Z", at("2026-11-02T09:14:03.123Z") + 456],
    ["2026-11-02T10:14:03+01:00", at("2026-11-02T09:14:03Z")],
    ["2026-11-02T04:14:03-0500", at("2026-11-02T09:14:03Z")],
    ["2026-11-02 09:14:03+00:00", at("2026-11-02T09:14:03Z")],
    ["2026-11-02T09:14", at("2026-11-02T09:14:00Z")],
    ["2026-11-02", at("2026-11-02T00:00:00Z")],
  ])("reads %s", (text, micros) => {
    expect(parseDateTime(text)).toBe(micros);
  });

  it.each(["yesterday", "2026-13-01", "2026-02-30", "2026-11-02T25:00:00Z", "2026-11-02T09:14:03 01:00", "1700000000", ""])(
    "rejects %j",
    (text) => {
      expect(parseDateTime(text)).toBeNull();
    },
  );
});
