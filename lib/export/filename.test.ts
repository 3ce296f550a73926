import { describe, expect, it } from "vitest";

import { contentDisposition, exportFilename } from "@/lib/export/filename";

describe("exportFilename", () => {
  it("names the filters in a fixed order with UTC days", () => {
    expect(
      exportFilename(
        {
          end_date: "2026-11-28T23:30:00.000Z",
          start_date: "2026-11-01T00:00:00.000Z",
          event_type: { include: ["INVITED_USER"], exclude: [] },
          user_email: { include: ["jane@acme.com"], exclude: [] },
        },
        "csv",
      ),
    ).toBe("audit-trail_user-jane@acme.com_type-INVITED_USER_2026-11-01_2026-11-28.csv");
  });

  it("matches the issue's example", () => {
    expect(
      exportFilename(
        { user_email: { include: ["jane@acme.com"], exclude: [] }, start_date: "2026-11-01T09:00:00.000Z", end_date: "2026-11-28T17:00:00.000Z" },
        "csv",
      ),
    ).toBe("audit-trail_user-jane@acme.com_2026-11-01_2026-11-28.csv");
  });

  it("says which end of a half-open range it has", () => {
    expect(exportFilename({ start_date: "2026-11-01T00:00:00.000Z" }, "json")).toBe("audit-trail_from-2026-11-01.json");
    expect(exportFilename({ end_date: "2026-11-28T00:00:00.000Z" }, "ndjson")).toBe("audit-trail_until-2026-11-28.ndjson");
  });

  it("names the days as chosen in the explorer's zone, and that zone", () => {
    // Q4 chosen in Berlin: midnight there is 22:00 or 23:00 UTC the day before.
    const q4 = { start_date: "2026-09-30T22:00:00.000Z", end_date: "2026-12-31T23:00:00.000Z" };
    expect(exportFilename(q4, "csv")).toBe("audit-trail_2026-09-30_2026-12-31.csv");
    expect(exportFilename(q4, "csv", "Europe/Berlin")).toBe("audit-trail_2026-10-01_2027-01-01_Europe-Berlin.csv");
    expect(exportFilename({ start_date: "2026-11-01T04:00:00.000Z" }, "csv", "America/New_York")).toBe(
      "audit-trail_from-2026-11-01_America-New_York.csv",
    );
    expect(exportFilename({ user_email: { include: ["jane@acme.com"], exclude: [] } }, "csv", "Europe/Berlin")).toBe("audit-trail_user-jane@acme.com.csv");
  });

  it("says 'all' without filters", () => {
    expect(exportFilename({}, "csv")).toBe("audit-trail_all.csv");
  });

  it("replaces characters that are unsafe in file names", () => {
    expect(exportFilename({ user_email: { include: ["o'brien/x\"y@acme.com"], exclude: [] } }, "csv")).toBe("audit-trail_user-o-brien-x-y@acme.com.csv");
  });
});

describe("contentDisposition", () => {
  it("gives an attachment with a plain and a UTF-8 file name", () => {
    expect(contentDisposition("audit-trail_user-jane+ops@acme.com.csv")).toBe(
      "attachment; filename=\"audit-trail_user-jane+ops@acme.com.csv\"; filename*=UTF-8''audit-trail_user-jane%2Bops%40acme.com.csv",
    );
  });

  it("keeps the header ASCII and well-formed whatever the name", () => {
    const header = contentDisposition('zoë "q" (1)*.csv');
    expect(header).toBe("attachment; filename=\"zo_ _q_ (1)*.csv\"; filename*=UTF-8''zo%C3%AB%20%22q%22%20%281%29%2A.csv");
    expect(/^[\x20-\x7e]*$/.test(header)).toBe(true);
  });
});
