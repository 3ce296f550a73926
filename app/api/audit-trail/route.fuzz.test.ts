import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { KNOWN_EVENT_TYPES } from "@/lib/event-types";
import { parseAuditTrailQuery, QUERY_KEYS, toSearchParams } from "@/lib/filters";
import { createSimulator } from "@/lib/simulator";

import { recordingRecords } from "@/testing/records";
import { apiRequest, CURSOR_SECRET, remoteSource, signedIn, SIMULATOR_NOW, type RouteHandler } from "@/testing/routes";

import { createAuditTrailRoute } from "./create-route";

// Thousands of random query strings, friendly and hostile, against the route with a recording
// upstream: the route must never fail with a 5xx, never forward a parameter Merge would refuse
// (Merge blocks an IP after 20 failing requests in 10 s), and never show the key.

const KEY = "fuzz-merge-key-9f31c2d7";
const UPSTREAM = "http://upstream.fuzz.test/api";
const ENDPOINT = `${UPSTREAM}/hris/v1/audit-trail`;

const hostileKeys = fc.constantFrom(
  "foo",
  "__proto__",
  "constructor",
  "toString",
  "page_size[]",
  "USER_EMAIL",
  "user_email ",
  " cursor",
  "include_remote_data",
  "api_key",
  "Authorization",
  "\u0000",
  "user_émail",
);

const keys = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...QUERY_KEYS) },
  { weight: 2, arbitrary: hostileKeys },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
);

const dates = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true });

const values = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom(...KNOWN_EVENT_TYPES, "SOMETHING_NEW", "invited_user", "A".repeat(101), "INVITED USER"),
  dates.map((date) => date.toISOString()),
  dates.map((date) => date.toISOString().replace("Z", "+05:30")),
  dates.map((date) => date.toISOString().slice(0, 19)),
  dates.map((date) => date.toUTCString()),
  fc.constantFrom("yesterday", "now", "2026-02-30T00:00:00Z", "0", "-1", "1e2", "0x10", "100", "101", " 5 "),
  fc.integer({ min: -5, max: 1000 }).map(String),
  fc.base64String({ maxLength: 600 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.nat({ max: 20_000 }).map((length) => "x".repeat(length)),
);

/** Built as a browser would encode it, repeated keys and all. */
const encodedQueries = fc.array(fc.tuple(keys, values), { maxLength: 7 }).map((pairs) => {
  const params = new URLSearchParams();
  for (const [key, value] of pairs) params.append(key, value);
  return params.toString();
});

/** Typed by hand: stray separators, broken percent escapes, raw unicode. */
const rawQueries = fc
  .array(
    fc.oneof(
      fc.constantFrom("&", "=", "+", "%", "%E0%A4%A", "%00", "%zz", "==", "?", "#", "user_email=", "page_size=5", "cursor="),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

describe("GET /api/audit-trail under random queries", () => {
  const forwarded: string[] = [];
  const logged: string[] = [];
  const merge = createSimulator({ apiKey: KEY, now: SIMULATOR_NOW, events: 600 });
  const recordingFetch = (url: string, init: RequestInit) => {
    forwarded.push(url);
    return merge.handle(new Request(url, init));
  };
  const GET: RouteHandler = createAuditTrailRoute({
    source: remoteSource({ MERGE_API_KEY: KEY, MERGE_API_BASE_URL: UPSTREAM }, recordingFetch),
    getSession: signedIn,
    cursorSecret: CURSOR_SECRET,
    records: recordingRecords(),
  });

  beforeAll(() => {
    const keep = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    vi.spyOn(console, "log").mockImplementation(keep);
    vi.spyOn(console, "error").mockImplementation(keep);
  });

  afterAll(() => {
    vi.restoreAllMocks();
  });

  it("never answers 5xx, never forwards an invalid query, never shows the key", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: encodedQueries }, { weight: 1, arbitrary: rawQueries }), async (search) => {
        const before = forwarded.length;
        const response = await GET(apiRequest(search));
        const body = await response.text();
        expect(response.status).toBeLessThan(500);
        expect(`${[...response.headers].join("\n")}\n${body}`).not.toContain(KEY);

        // No generated cursor was sealed by the server, so a 400 is always ours: nothing went upstream.
        const sent = forwarded.slice(before);
        expect(sent).toHaveLength(response.status === 400 ? 0 : 1);
        for (const url of sent) {
          const [endpoint, query = ""] = url.split("?");
          expect(endpoint).toBe(ENDPOINT);
          const params = new URLSearchParams(query);
          const parsed = parseAuditTrailQuery(params, { allow: QUERY_KEYS });
          expect(parsed.ok).toBe(true);
          // Canonical: exactly what the schema writes back, so only Merge's names, each once.
          if (parsed.ok) expect(toSearchParams(parsed.value).toString()).toBe(query);
        }
      }),
      { numRuns: 2_000 },
    );
    expect(forwarded.length).toBeGreaterThan(100);
    expect(logged.join("\n")).not.toContain(KEY);
  }, 120_000);
});
