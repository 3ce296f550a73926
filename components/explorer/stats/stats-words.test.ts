import { describe, expect, it } from "vitest";

import { bucketSpanText, bucketText, coverageText, eventCountText, matchTotalText } from "./stats-words";

describe("matchTotalText", () => {
  it("says how many events match, in the issue's words", () => {
    expect(matchTotalText(0)).toBe("No events match");
    expect(matchTotalText(1)).toBe("1 event matches");
    expect(matchTotalText(2)).toBe("2 events match");
    expect(matchTotalText(1204)).toBe("1,204 events match");
  });
});

describe("eventCountText", () => {
  it("counts with a singular and a none", () => {
    expect(eventCountText(0)).toBe("No events");
    expect(eventCountText(1)).toBe("1 event");
    expect(eventCountText(12345)).toBe("12,345 events");
  });
});

describe("bucketSpanText", () => {
  it("writes an hour's span once for the shared day, in the given zone", () => {
    expect(bucketSpanText("2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z", "UTC")).toBe("Nov 3, 2026, 09:00 – 10:00");
    // New York is UTC-5 in November.
    expect(bucketSpanText("2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z", "America/New_York")).toBe(
      "Nov 3, 2026, 04:00 – 05:00",
    );
  });

  it("writes both days of a day's span", () => {
    expect(bucketSpanText("2026-11-03T00:00:00Z", "2026-11-04T00:00:00Z", "UTC")).toBe(
      "Nov 3, 2026, 00:00 – Nov 4, 2026, 00:00",
    );
  });
});

describe("bucketText", () => {
  it("names a bar by its count and span", () => {
    expect(bucketText({ start: "2026-11-03T09:00:00Z", end: "2026-11-03T09:01:00Z", count: 1 }, "UTC")).toBe(
      "1 event, Nov 3, 2026, 09:00 – 09:01",
    );
  });
});

describe("coverageText", () => {
  it("says whether the whole archive is counted, and where a partial one starts", () => {
    expect(coverageText({ complete: true, oldest_event_at: "2026-08-30T01:12:03.123456Z" })).toBe("Counted over the whole archive");
    expect(coverageText({ complete: false, oldest_event_at: "2026-08-30T01:12:03.123456Z" })).toBe(
      "Counts only part of the trail: the archive holds events since 2026-08-30",
    );
    expect(coverageText({ complete: false, oldest_event_at: null })).toBe("Counts only part of the trail: the archive is still filling");
  });
});
