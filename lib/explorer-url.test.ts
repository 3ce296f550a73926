import { describe, expect, it } from "vitest";

import {
  canonicalExplorerSearch,
  EXPLORER_URL_KEYS,
  explorerUrl,
  patchFilters,
  readExplorerUrl,
} from "@/lib/explorer-url";
import { FILTER_KEYS, parseAuditTrailQuery, toSearchParams } from "@/lib/filters";

const read = (search: string) => readExplorerUrl(new URLSearchParams(search));
const one = (value: string) => ({ include: [value], exclude: [] });

describe("readExplorerUrl", () => {
  it("reads Merge's filters in their canonical form, the page size only when not the default, and the open event", () => {
    expect(
      read("user_email=%20jane%40acme.com&start_date=2026-11-01T10:00:00%2B01:00&page_size=30&event=evt-1&event_type="),
    ).toEqual({
      filters: { user_email: one("jane@acme.com"), start_date: "2026-11-01T09:00:00.000Z" },
      event: "evt-1",
      timeZone: null,
      problems: [],
    });
    expect(read("page_size=7").filters).toEqual({ page_size: 7 });
    expect(read("event_type=SOME_NEW_EVENT_2027").filters).toEqual({ event_type: one("SOME_NEW_EVENT_2027") });
  });

  it("agrees with our API's reading of every filter it accepts", () => {
    const search = "user_email=%20Jane%40Acme.com&event_type=INVITED_USER&start_date=2026-11-01T10:00:00%2B01:00&page_size=50";
    const api = parseAuditTrailQuery(new URLSearchParams(search), { allow: [...FILTER_KEYS, "page_size"] });
    expect(api.ok && api.value).toEqual(read(search).filters);
  });

  it("ignores a parameter that is not the page's own, reports it once, and applies the rest", () => {
    const url = read("user_email=olivia.bennett%40northwindhr.com&utm_source=newsletter");
    expect(url.filters).toEqual({ user_email: one("olivia.bennett@northwindhr.com") });
    expect(url.problems).toEqual([{ field: "utm_source", message: expect.stringContaining("not a filter"), blocking: false }]);
    // Also a cursor: it belongs to our API, never to the page.
    expect(read("cursor=abcd").problems).toEqual([expect.objectContaining({ field: "cursor", blocking: false })]);
  });

  it.each([
    ["user_email=jane%40", "user_email", /valid email/],
    ["event_type=invited_user", "event_type", /A-Z/],
    ["start_date=2026-11-01T10:00:00", "start_date", /time zone/],
    ["end_date=yesterday", "end_date", /ISO 8601/],
    ["page_size=101", "page_size", /1 to 100/],
    ["page_size=ten", "page_size", /1 to 100/],
    ["page_size=10&page_size=20", "page_size", /only once/],
  ])("refuses the link's filters for %s, naming %s once", (search, field, message) => {
    const url = read(search);
    expect(url.filters).toBeNull();
    expect(url.problems).toEqual([{ field, message: expect.stringMatching(message), blocking: true }]);
  });

  it("reports an end before the start once, on end_date, and shows no result set", () => {
    const url = read("start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z");
    expect(url.filters).toBeNull();
    expect(url.problems).toEqual([
      { field: "end_date", message: "The end of the date range is before its start", blocking: true },
    ]);
  });

  it("reports each problem once, in the URL's order", () => {
    const url = read("utm_source=a&user_email=nope&page_size=0&utm_source=b");
    expect(url.problems.map((problem) => [problem.field, problem.blocking])).toEqual([
      ["utm_source", false],
      ["user_email", true],
      ["page_size", true],
    ]);
  });
});

describe("the display zone and relative ranges", () => {
  it("reads `tz` in its canonical spelling, apart from the filters, and writes it after them", () => {
    const url = read("tz=europe/berlin&range=yesterday");
    expect(url).toEqual({ filters: { range: "yesterday" }, event: null, timeZone: "Europe/Berlin", problems: [] });
    expect(explorerUrl({ filters: url.filters!, timeZone: url.timeZone, event: "evt-1" })).toBe("/?range=yesterday&tz=Europe%2FBerlin&event=evt-1");
    expect(read("user_email=a%40b.com").timeZone).toBeNull();
  });

  it("reports an unknown zone as a problem of the link, naming tz", () => {
    const url = read("tz=Mars%2FOlympus");
    expect(url.filters).toBeNull();
    expect(url.problems).toEqual([{ field: "tz", message: expect.stringContaining("IANA"), blocking: true }]);
  });

  it.each([
    ["range=1h&start_date=2026-11-01T00:00:00Z", /"range" cannot be combined with "start_date"/],
    ["end_date=2026-11-01T00:00:00Z&range=yesterday", /"range" cannot be combined with "end_date"/],
    ["range=1h&start_date=2026-11-01T00:00:00Z&end_date=2026-11-02T00:00:00Z", /"start_date" and "end_date"/],
  ])("refuses a relative range given with dates: %s", (search, message) => {
    const url = read(search);
    expect(url.filters).toBeNull();
    expect(url.problems).toEqual([{ field: "range", message: expect.stringMatching(message), blocking: true }]);
  });

  it("refuses a range it does not know", () => {
    expect(read("range=2h").problems).toEqual([{ field: "range", message: expect.stringContaining("1h, 24h"), blocking: true }]);
  });
});

describe("explorerUrl", () => {
  it("writes Merge's names in the canonical order, without the default page size", () => {
    expect(
      explorerUrl({
        filters: { page_size: 30, end_date: "2026-11-02T00:00:00.000Z", user_email: one("jane@acme.com"), event_type: one("INVITED_USER") },
      }),
    ).toBe("/?user_email=jane%40acme.com&event_type=INVITED_USER&end_date=2026-11-02T00%3A00%3A00.000Z");
  });

  it("adds the open event and reads back as the same view", () => {
    const filters = { user_email: one("a+b@acme.com"), start_date: "2026-11-01T00:00:00.000Z", page_size: 100 };
    const url = new URL(explorerUrl({ filters, event: "evt-1" }), "http://x");
    expect(readExplorerUrl(url.searchParams)).toEqual({ filters, event: "evt-1", timeZone: null, problems: [] });
  });

  it("is the bare path without filters", () => {
    expect(explorerUrl({ filters: {} })).toBe("/");
    expect(explorerUrl({ filters: {} }, "/elsewhere")).toBe("/elsewhere");
  });
});

describe("canonicalExplorerSearch (what any write leaves behind)", () => {
  it("drops stray parameters and respells values", () => {
    const search = new URLSearchParams("utm_source=newsletter&user_email=JANE%40acme.com&page_size=30&event=evt-1");
    expect(canonicalExplorerSearch(search).toString()).toBe("user_email=JANE%40acme.com&event=evt-1");
    expect(canonicalExplorerSearch(new URLSearchParams("start_date=2026-11-01T10:00:00%2B01:00")).toString()).toBe(
      toSearchParams({ start_date: "2026-11-01T09:00:00.000Z" }).toString(),
    );
  });

  it("keeps the page's own parameters of a URL whose filters cannot be used, so the problem stays visible", () => {
    const search = new URLSearchParams("user_email=nope&utm_source=x&page_size=5");
    expect(canonicalExplorerSearch(search).toString()).toBe("user_email=nope&page_size=5");
  });
});

describe("patchFilters", () => {
  it("sets, replaces and removes filters, leaving the others", () => {
    const filters = { user_email: one("jane@acme.com"), event_type: one("INVITED_USER"), page_size: 50 };
    const next = patchFilters(filters, { event_type: null, start_date: "2026-11-01T00:00:00.000Z" });
    expect(toSearchParams(next).toString()).toBe("user_email=jane%40acme.com&start_date=2026-11-01T00%3A00%3A00.000Z&page_size=50");
  });

  it("covers every key of the page URL but the open event and the zone", () => {
    expect([...EXPLORER_URL_KEYS].filter((key) => key !== "event" && key !== "tz")).toEqual([...FILTER_KEYS, "page_size"]);
  });

  it("keeps a relative range and dates apart: setting either drops the other", () => {
    const live = patchFilters({ start_date: "2026-11-01T00:00:00.000Z", end_date: "2026-11-02T00:00:00.000Z" }, { range: "7d" });
    expect(toSearchParams(live).toString()).toBe("range=7d");
    const fixed = patchFilters(live, { start_date: "2026-11-01T00:00:00.000Z" });
    expect(toSearchParams(fixed).toString()).toBe("start_date=2026-11-01T00%3A00%3A00.000Z");
    expect(patchFilters(live, { q: "x" }).range).toBe("7d");
  });
});

describe("the filters only the archive serves", () => {
  it("reads repeated values and `-` exclusions, deduplicated and sorted, and writes them back in canonical order", () => {
    const url = read(
      "ip=203.0.113.0%2F24&event_type=MUTED_ISSUE&q=%20Globex%20&event_type=-CHANGED_SCOPES&event_group=api_keys&role=ADMIN" +
        "&user_email=B%40x.com&user_email=a%40x.com&user_email=b%40X.com&actor=human&order=asc&ip=-2001:DB8::1&event_type=INVITED_USER",
    );
    expect(url.problems).toEqual([]);
    expect(url.filters).toEqual({
      user_email: { include: ["B@x.com", "a@x.com"], exclude: [] },
      event_type: { include: ["INVITED_USER", "MUTED_ISSUE"], exclude: ["CHANGED_SCOPES"] },
      event_group: { include: ["api_keys"], exclude: [] },
      role: { include: ["ADMIN"], exclude: [] },
      actor: "human",
      ip: { include: ["203.0.113.0/24"], exclude: ["2001:db8::1"] },
      q: "Globex",
      order: "asc",
    });
    expect(explorerUrl({ filters: url.filters! })).toBe(
      "/?user_email=B%40x.com&user_email=a%40x.com&event_type=INVITED_USER&event_type=MUTED_ISSUE&event_type=-CHANGED_SCOPES" +
        "&event_group=api_keys&role=ADMIN&actor=human&ip=203.0.113.0%2F24&ip=-2001%3Adb8%3A%3A1&q=Globex&order=asc",
    );
  });

  it("reads order=desc as the default, and leaves it out", () => {
    expect(read("order=desc").filters).toEqual({});
  });

  it.each([
    ["ip=198.51.100.300", "ip", /IPv4 or IPv6/],
    ["ip=203.0.113.0%2F33", "ip", /CIDR/],
    ["ip=-not-an-ip", "ip", /IPv4 or IPv6/],
    ["event_group=api_keys&event_group=keys", "event_group", /api_keys, users_and_security/],
    ["role=admin", "role", /A-Z/],
    ["actor=robot", "actor", /human, api, system/],
    ["actor=human&actor=api", "actor", /only once/],
    [`q=${"x".repeat(201)}`, "q", /200 characters/],
    ["q=a%0Ab", "q", /line breaks/],
    ["order=oldest", "order", /asc/],
    ["event_type=-invited_user", "event_type", /A-Z/],
    [Array.from({ length: 51 }, (_, i) => `event_type=T${i}`).join("&"), "event_type", /at most 50/],
  ])("refuses the link's filters for %s, naming %s once", (search, field, message) => {
    const url = read(search);
    expect(url.filters).toBeNull();
    expect(url.problems).toEqual([{ field, message: expect.stringMatching(message), blocking: true }]);
  });

  it("keeps quotes, unicode and punctuation in the search text as they are", () => {
    expect(read(`q=${encodeURIComponent(`"Müller" 100% _x_ ; DROP`)}`).filters).toEqual({ q: `"Müller" 100% _x_ ; DROP` });
  });

  it("reports several problems in the URL's order", () => {
    expect(read("ip=nope&utm_source=x&role=r").problems.map((problem) => problem.field)).toEqual(["ip", "utm_source", "role"]);
  });
});
