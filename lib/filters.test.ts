import { describe, expect, it } from "vitest";

import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  FILTER_KEYS,
  PAGE_SIZE_CHOICES,
  parseAuditTrailQuery,
  pickFilters,
  QUERY_KEYS,
  excludeValue,
  filterParameters,
  filtersNeedingArchive,
  includeValue,
  removeValue,
  toMergeQuery,
  toMergeSearchParams,
  toSearchParams,
  type AuditTrailQuery,
} from "./filters";

const parse = (search: string) => parseAuditTrailQuery(new URLSearchParams(search), { allow: QUERY_KEYS });

function parsed(search: string): AuditTrailQuery {
  const result = parse(search);
  if (!result.ok) throw new Error(`expected ${search} to parse: ${result.error.message}`);
  return result.value;
}

describe("parseAuditTrailQuery and toSearchParams", () => {
  it("round-trips URL → object → URL, the URL being exactly the upstream query", () => {
    const url =
      "user_email=jane%40acme.com&event_type=INVITED_USER&start_date=2026-11-01T09%3A00%3A00.000Z" +
      "&end_date=2026-11-28T18%3A30%3A00.000Z&page_size=50&cursor=cD0yMDIxLTAxLTA2KzAzJTNBMjQlM0E1My40MzQzMjYlMkIwMCUzQTAw";
    const query = parsed(url);
    expect(query).toEqual({
      user_email: { include: ["jane@acme.com"], exclude: [] },
      event_type: { include: ["INVITED_USER"], exclude: [] },
      start_date: "2026-11-01T09:00:00.000Z",
      end_date: "2026-11-28T18:30:00.000Z",
      page_size: 50,
      cursor: "cD0yMDIxLTAxLTA2KzAzJTNBMjQlM0E1My40MzQzMjYlMkIwMCUzQTAw",
    });
    expect(toSearchParams(query).toString()).toBe(url);
    expect(parsed(toSearchParams(query).toString())).toEqual(query);
  });

  it("writes one canonical URL whatever the order and spelling it was given in", () => {
    const shuffled = parsed("page_size=30&start_date=2026-11-01T10:00:00%2B01:00&user_email=%20jane@acme.com%20");
    expect(toSearchParams(shuffled).toString()).toBe(
      "user_email=jane%40acme.com&start_date=2026-11-01T09%3A00%3A00.000Z&page_size=30",
    );
  });

  it("treats empty values as no filter, as when a form field is left blank", () => {
    expect(parsed("user_email=&event_type=%20&page_size=")).toEqual({});
    expect(toSearchParams({}).toString()).toBe("");
  });

  it("keeps a cursor exactly as the server sealed it: a URL-safe token", () => {
    for (const cursor of ["cD0yMDI2LTExLTI4", "Y2oweEpuQTlNakF5Tmc.q-_Z9", "a.b.c", "x".repeat(1024)]) {
      const query = parsed(toSearchParams({ cursor }).toString());
      expect(query.cursor).toBe(cursor);
    }
  });

  it("accepts dates whose UTC form has a year from 0001 to 9999, the edges included", () => {
    expect(parsed("start_date=0001-01-01T00:00:00Z&end_date=9999-12-31T23:59:59Z")).toEqual({
      start_date: "0001-01-01T00:00:00.000Z",
      end_date: "9999-12-31T23:59:59.000Z",
    });
    expect(parsed("end_date=9999-12-31T23:59:59.999Z").end_date).toBe("9999-12-31T23:59:59.999Z");
    expect(parsed("start_date=0001-01-01T01:00:00%2B01:00").start_date).toBe("0001-01-01T00:00:00.000Z");
  });

  it("accepts the edges of the page size and event type rules", () => {
    expect(parsed("page_size=1").page_size).toBe(1);
    expect(parsed(`page_size=${MAX_PAGE_SIZE}`).page_size).toBe(MAX_PAGE_SIZE);
    expect(parsed("page_size=007").page_size).toBe(7);
    expect(parsed(`event_type=${"A".repeat(100)}`).event_type?.include[0]).toHaveLength(100);
    expect(parsed("event_type=SOMETHING_NEW_2027").event_type?.include).toEqual(["SOMETHING_NEW_2027"]);
  });

  it("accepts a range that starts and ends at the same instant, in any offsets", () => {
    expect(parsed("start_date=2026-11-01T10:00:00%2B01:00&end_date=2026-11-01T09:00:00Z")).toMatchObject({
      start_date: "2026-11-01T09:00:00.000Z",
      end_date: "2026-11-01T09:00:00.000Z",
    });
  });

  it("offers page sizes within the limit, the default among them", () => {
    expect(PAGE_SIZE_CHOICES).toContain(DEFAULT_PAGE_SIZE);
    for (const size of PAGE_SIZE_CHOICES) expect(size).toBeLessThanOrEqual(MAX_PAGE_SIZE);
  });
});

describe("parseAuditTrailQuery refuses what Merge must never see", () => {
  it.each([
    ["an unknown parameter", "foo=1", "foo", /Unknown parameter "foo"/],
    ["an SDK-only parameter", "include_remote_data=true", "include_remote_data", /Unknown parameter/],
    ["a repeated single-valued parameter", "start_date=2026-11-01T00:00:00Z&start_date=2026-11-02T00:00:00Z", "start_date", /only once/],
    ["a malformed IP address", "ip=10.0.0.256", "ip", /IPv4 or IPv6/],
    ["an IP address with a zone", "ip=fe80::1%25eth0", "ip", /IPv4 or IPv6/],
    ["an unknown event group", "event_group=keys", "event_group", /api_keys/],
    ["a search over 200 characters", `q=${"é".repeat(201)}`, "q", /200 characters/],
    ["a malformed email", "user_email=jane", "user_email", /valid email/],
    ["an email over 254 characters", `user_email=${"a".repeat(250)}%40acme.com`, "user_email", /254/],
    ["an unparseable date", "start_date=yesterday", "start_date", /ISO 8601/],
    ["a date without a time zone", "start_date=2026-11-01T09:00:00", "start_date", /time zone/],
    ["a bare date", "end_date=2026-11-01", "end_date", /ISO 8601/],
    ["an end before the start", "start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z", "end_date", /before its start/],
    ["page_size 0", "page_size=0", "page_size", /1 to 100/],
    ["page_size 500", "page_size=500", "page_size", /1 to 100/],
    ["page_size -1", "page_size=-1", "page_size", /1 to 100/],
    ["a fractional page_size", "page_size=10.5", "page_size", /1 to 100/],
    ["a page_size in words", "page_size=ten", "page_size", /1 to 100/],
    ["a lower-case event type", "event_type=invited_user", "event_type", /A-Z, 0-9 and _/],
    ["an event type with punctuation", "event_type=INVITED_USER%26x%3D1", "event_type", /A-Z, 0-9 and _/],
    ["an event type over 100 characters", `event_type=${"A".repeat(101)}`, "event_type", /A-Z, 0-9 and _/],
    ["a cursor over 1024 characters", `cursor=${"A".repeat(1025)}`, "cursor", /too long/],
    ["a cursor with a space", "cursor=abc%20def", "cursor", /not valid/],
    ["a cursor with a query of its own", "cursor=abc%26page_size%3D1000", "cursor", /not valid/],
    ["a cursor in standard base64 (Merge's own, unsealed)", "cursor=cj0xJnA9MjAyNg%3D%3D", "cursor", /not valid/],
    ["a cursor with a slash", "cursor=ab%2Fcd", "cursor", /not valid/],
    ["a start_date whose UTC form has five digits", "start_date=9999-12-31T23:59:59.999-23:59", "start_date", /0001-01-01 to 9999-12-31/],
    ["a start_date in year 0000", "start_date=0000-06-01T00:00:00Z", "start_date", /0001-01-01 to 9999-12-31/],
    ["an end_date that an offset pushes into year 0000", "end_date=0001-01-01T00:30:00%2B01:00", "end_date", /0001-01-01 to 9999-12-31/],
    ["an end_date past 9999 in UTC", "end_date=9999-12-31T23:00:00-02:00", "end_date", /0001-01-01 to 9999-12-31/],
  ])("refuses %s", (_, search, field, message) => {
    const result = parse(search);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe(field);
    expect(result.error.message).toMatch(message);
  });

  it("refuses a cursor where only filters are allowed", () => {
    const result = parseAuditTrailQuery(new URLSearchParams("cursor=abcd"), { allow: FILTER_KEYS });
    expect(result).toEqual({ ok: false, error: { field: "cursor", message: 'Unknown parameter "cursor"' } });
  });

  it("passes over keys that belong to someone else only when told to", () => {
    const search = new URLSearchParams("event=0d8a3c8e&user_email=jane@acme.com");
    expect(parseAuditTrailQuery(search, { allow: FILTER_KEYS, ignore: ["event"] })).toEqual({
      ok: true,
      value: { user_email: { include: ["jane@acme.com"], exclude: [] } },
    });
    expect(parseAuditTrailQuery(search, { allow: FILTER_KEYS }).ok).toBe(false);
  });
});

describe("pickFilters", () => {
  it("drops paging, keeping what identifies a result set", () => {
    expect(pickFilters({ user_email: { include: ["jane@acme.com"], exclude: [] }, page_size: 10, cursor: "abcd" })).toEqual({ user_email: { include: ["jane@acme.com"], exclude: [] } });
  });
});

describe("repeatable filters", () => {
  const parse = (search: string) => parseAuditTrailQuery(new URLSearchParams(search), { allow: QUERY_KEYS });

  it("accept IPv4 and IPv6 addresses and CIDR blocks, in lower case", () => {
    const result = parse("ip=198.51.100.23&ip=203.0.113.0%2F24&ip=2001:DB8::%2F32&ip=-::1");
    expect(result).toEqual({
      ok: true,
      value: { ip: { include: ["198.51.100.23", "2001:db8::/32", "203.0.113.0/24"], exclude: ["::1"] } },
    });
  });

  it("round-trip through toSearchParams, includes before exclusions", () => {
    const result = parse("role=-SUPPORT&role=ADMIN&event_group=-other&event_group=api_keys");
    expect(result.ok && toSearchParams(result.value).toString()).toBe("event_group=api_keys&event_group=-other&role=ADMIN&role=-SUPPORT");
  });
});

describe("filterParameters", () => {
  it("says the filters in the URL's words: one value as itself, a repeated one as a list, no page size", () => {
    expect(filterParameters(parsed("event_type=INVITED_USER&role=ADMIN&role=-SUPPORT&q=Globex&page_size=50"))).toEqual({
      event_type: "INVITED_USER",
      role: ["ADMIN", "-SUPPORT"],
      q: "Globex",
    });
    expect(filterParameters(parsed(""))).toEqual({});
  });
});

describe("value filter edits", () => {
  it("include, exclude and remove a value, one list at a time", () => {
    const included = includeValue(undefined, "B");
    expect(includeValue(included, "A")).toEqual({ include: ["A", "B"], exclude: [] });
    expect(excludeValue(included, "B")).toEqual({ include: [], exclude: ["B"] });
    expect(removeValue(excludeValue(included, "C"), "B")).toEqual({ include: [], exclude: ["C"] });
    expect(removeValue(included, "B")).toBeUndefined();
  });
});

describe("filtersNeedingArchive", () => {
  it("names what Merge cannot apply: more than one email or type, exclusions, and every new filter", () => {
    const one = <T extends string>(value: T) => ({ include: [value], exclude: [] as T[] });
    expect(filtersNeedingArchive({ user_email: one("a@b.co"), event_type: one("X"), start_date: "2026-01-01T00:00:00.000Z" })).toEqual([]);
    expect(filtersNeedingArchive({ event_type: { include: ["X", "Y"], exclude: [] } })).toEqual(["event_type"]);
    expect(filtersNeedingArchive({ user_email: { include: [], exclude: ["a@b.co"] } })).toEqual(["user_email"]);
    expect(
      filtersNeedingArchive({ event_group: one("other"), role: one("ADMIN"), actor: "api", ip: one("::1"), q: "x", order: "asc" }),
    ).toEqual(["event_group", "role", "actor", "ip", "q", "order"]);
  });

  it("reads Merge's query from a query it can serve", () => {
    expect(
      toMergeSearchParams(toMergeQuery({ user_email: { include: ["a@b.co"], exclude: [] }, page_size: 5, cursor: "c" })).toString(),
    ).toBe("user_email=a%40b.co&page_size=5&cursor=c");
  });
});
