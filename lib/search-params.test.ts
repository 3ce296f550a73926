import { describe, expect, it } from "vitest";

import { FILTER_KEYS, parseFilters } from "@/lib/filters";
import { auditTrailSearchParams, filtersUrl, loadAuditTrailFilters } from "@/lib/search-params";

const { user_email, event_type, start_date, end_date, page_size, event } = auditTrailSearchParams;

describe("URL parsers follow the shared schema", () => {
  it("has a parser for every filter of lib/filters.ts, plus page_size and the open event", () => {
    expect(Object.keys(auditTrailSearchParams).sort()).toEqual([...FILTER_KEYS, "page_size", "event"].sort());
  });

  it.each([
    ["user_email", user_email, "jane@acme.com", "jane@acme.com"],
    ["user_email (trimmed)", user_email, "  jane@acme.com ", "jane@acme.com"],
    ["event_type", event_type, "INVITED_USER", "INVITED_USER"],
    ["event_type unknown to the app", event_type, "SOME_NEW_EVENT_2027", "SOME_NEW_EVENT_2027"],
    ["start_date (canonical UTC)", start_date, "2026-11-01T10:00:00+01:00", "2026-11-01T09:00:00.000Z"],
    ["end_date", end_date, "2026-11-02T00:00:00Z", "2026-11-02T00:00:00.000Z"],
    ["page_size", page_size, "50", 50],
    ["page_size other than the choices", page_size, "7", 7],
  ])("accepts %s", (_name, parser, raw, parsed) => {
    expect(parser.parse(raw)).toEqual(parsed);
  });

  it.each([
    ["user_email", user_email, "jane@"],
    ["user_email too long", user_email, `${"a".repeat(250)}@acme.com`],
    ["event_type in lower case", event_type, "invited_user"],
    ["event_type with a space", event_type, "INVITED USER"],
    ["start_date without a zone", start_date, "2026-11-01T10:00:00"],
    ["end_date that is no date", end_date, "yesterday"],
    ["page_size 0", page_size, "0"],
    ["page_size over the maximum", page_size, "101"],
    ["page_size not a number", page_size, "ten"],
  ])("rejects %s (reads as absent)", (_name, parser, raw) => {
    expect(parser.parse(raw)).toBeNull();
  });

  it("agrees with parseFilters on every value it accepts", () => {
    const params = new URLSearchParams({ user_email: " Jane@Acme.com", start_date: "2026-11-01T10:00:00+01:00" });
    const viaRoute = parseFilters(params);
    expect(viaRoute.ok && viaRoute.value.user_email).toBe(user_email.parse(" Jane@Acme.com"));
    expect(viaRoute.ok && viaRoute.value.start_date).toBe(start_date.parse("2026-11-01T10:00:00+01:00"));
  });

  it("reads the open event id as it is", () => {
    expect(event.parse("0b4f2d3e-7c1a-4e55-9a0e-1f2b3c4d5e6f")).toBe("0b4f2d3e-7c1a-4e55-9a0e-1f2b3c4d5e6f");
    expect(event.parse(" ")).toBeNull();
  });
});

describe("loadAuditTrailFilters (server and client compute the same filters)", () => {
  it("keeps valid filters, drops invalid ones and the default page size", () => {
    const state = loadAuditTrailFilters(
      "?user_email=jane%40acme.com&event_type=bad%20type&start_date=2026-11-01T00:00:00Z&page_size=30&event=abc",
    );
    expect(state).toEqual({
      filters: { user_email: "jane@acme.com", start_date: "2026-11-01T00:00:00.000Z" },
      problem: null,
    });
  });

  it("keeps a page size other than the default", () => {
    expect(loadAuditTrailFilters("?page_size=100").filters).toEqual({ page_size: 100 });
  });

  it("leaves out an end before the start and says why", () => {
    const state = loadAuditTrailFilters("?start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z");
    expect(state.filters).toEqual({ start_date: "2026-11-02T00:00:00.000Z" });
    expect(state.problem).toEqual({ field: "end_date", message: "The end of the date range is before its start" });
  });
});

describe("filtersUrl", () => {
  it("writes Merge's names in the canonical order, without the default page size", () => {
    expect(
      filtersUrl({
        page_size: 30,
        end_date: "2026-11-02T00:00:00.000Z",
        user_email: "jane@acme.com",
        event_type: "INVITED_USER",
      }),
    ).toBe("/?user_email=jane@acme.com&event_type=INVITED_USER&end_date=2026-11-02T00:00:00.000Z");
  });

  it("adds the open event and round-trips through the loader", () => {
    const filters = { user_email: "a+b@acme.com", start_date: "2026-11-01T00:00:00.000Z", page_size: 100 };
    const url = filtersUrl(filters, { event: "evt-1", pathname: "/" });
    expect(new URL(url, "http://x").searchParams.get("event")).toBe("evt-1");
    expect(loadAuditTrailFilters(new URL(url, "http://x"))).toEqual({ filters, problem: null });
  });

  it("is the bare path without filters", () => {
    expect(filtersUrl({})).toBe("/");
  });
});
