import { describe, expect, it } from "vitest";

import { readerTimeZoneCookie, readerTimeZoneFrom } from "@/lib/reader-time-zone";

describe("the reader's time zone cookie", () => {
  it("names a zone the server then renders in, canonical", () => {
    expect(readerTimeZoneFrom("America/New_York")).toBe("America/New_York");
    expect(readerTimeZoneFrom("europe/berlin")).toBe("Europe/Berlin");
  });

  it("is ignored when absent or naming no zone (it comes from the browser)", () => {
    for (const value of [undefined, "", "Mars/Olympus", "+01:00", "<script>", "America/New_York; Path=/"]) {
      expect(readerTimeZoneFrom(value)).toBeNull();
    }
  });

  it("is written for the whole site for a year, and only over HTTPS when the page is", () => {
    expect(readerTimeZoneCookie("America/New_York", false)).toBe("tz=America%2FNew_York; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(readerTimeZoneCookie("UTC", true)).toBe("tz=UTC; Path=/; Max-Age=31536000; SameSite=Lax; Secure");
  });
});
