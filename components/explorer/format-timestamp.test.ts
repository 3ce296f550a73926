import { describe, expect, it } from "vitest";

import { formatTimestamp } from "@/components/explorer/format-timestamp";

describe("formatTimestamp", () => {
  it("writes the instant in the given zone as YYYY-MM-DD HH:mm:ss", () => {
    const iso = "2026-03-08T06:59:59.999999Z";
    expect(formatTimestamp(iso, "UTC")).toBe("2026-03-08 06:59:59");
    expect(formatTimestamp(iso, "Asia/Tokyo")).toBe("2026-03-08 15:59:59");
    // The night US clocks change: 01:59:59 EST, and a second later 03:00:00 EDT.
    expect(formatTimestamp(iso, "America/New_York")).toBe("2026-03-08 01:59:59");
    expect(formatTimestamp("2026-03-08T07:00:00Z", "America/New_York")).toBe("2026-03-08 03:00:00");
  });

  it("writes midnight as 00, not 24", () => {
    expect(formatTimestamp("2026-11-28T00:00:00Z", "UTC")).toBe("2026-11-28 00:00:00");
  });
});
