import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";

import { z } from "zod";

import { auditTrailPageSchema, type AuditEvent } from "@/lib/audit-event";
import { walkPages } from "@/lib/paging";
import { createSimulator } from "@/lib/simulator";
import { encodeCursor } from "@/lib/simulator/cursor";
import { sealCursor } from "@/lib/server/cursor-seal";
import { resetProcessFailureGuard } from "@/testing/failure-guard";
import { startSimulator, type RunningSimulator } from "@/testing/processes";
import { recordingRecords } from "@/testing/records";
import {
  ALLOWED_EMAIL,
  apiRequest,
  CURSOR_SECRET,
  remoteSource,
  signedIn,
  signedOut,
  SIMULATOR_NOW,
  simulatorSource,
  walkRoute,
  type RouteHandler,
} from "@/testing/routes";

import { createAuditTrailRoute } from "./create-route";
import { expectedEvents } from "@/testing/simulator-oracle";

/** Our error shape, strictly: no field beyond the four we document. */
const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    retry_after: z.number().int().positive().optional(),
  }),
});

// Several tests make Merge fail on purpose for the same user: the routes each test builds start
// with a fresh failure guard.
beforeEach(resetProcessFailureGuard);

afterAll(() => {
  vi.restoreAllMocks();
});

/** The simulator's own walk, straight through its handler or its HTTP port, with its key. */
async function directWalk(fetchPage: (url: string) => Promise<Response>, base: string, search: string) {
  const events: AuditEvent[] = [];
  const pages = walkPages(async (cursor) => {
    const params = new URLSearchParams(search);
    if (cursor !== undefined) params.set("cursor", cursor);
    const response = await fetchPage(`${base}/hris/v1/audit-trail?${params}`);
    return auditTrailPageSchema.parse(await response.json());
  });
  for await (const page of pages) events.push(...page.results);
  return events;
}

/** The acting email with the most events: enough of them to span several pages of 10. */
function busiestEmail(events: AuditEvent[]): string {
  const counts = new Map<string, number>();
  for (const event of events) if (event.user_email) counts.set(event.user_email, (counts.get(event.user_email) ?? 0) + 1);
  const [email, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  expect(count).toBeGreaterThan(20);
  return email;
}

async function errorOf(response: Response) {
  return errorBodySchema.parse(await response.json()).error;
}

/** A cursor as Merge would issue it, for a position in the simulated trail. */
const MERGE_CURSOR = encodeCursor({ position: Date.parse("2026-11-20T00:00:00Z") * 1000, offset: 0, reverse: false });

const REFUSED: Array<[string, string]> = [
  ["page_size=500", "page_size"],
  ["start_date=yesterday", "start_date"],
  ["foo=1", "foo"],
  ["user_email=not-an-email", "user_email"],
  ["start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z", "end_date"],
  ["event_type=invited_user", "event_type"],
  [`cursor=${"A".repeat(600)}`, "cursor"],
  ["cursor=not%20base64!", "cursor"],
  ["page_size=10&page_size=20", "page_size"],
  ["ip=198.51.100.300", "ip"],
  ["ip=203.0.113.0%2F24&ip=nope", "ip"],
  ["event_group=keys", "event_group"],
  ["role=admin", "role"],
  ["actor=robot", "actor"],
  [`q=${"x".repeat(201)}`, "q"],
  ["order=up", "order"],
  // A relative range contradicts dates; an unknown range or zone cannot be resolved
  ["range=1h&start_date=2026-11-01T00:00:00Z", "range"],
  ["end_date=2026-11-01T00:00:00Z&range=yesterday", "range"],
  ["range=2h", "range"],
  ["range=yesterday&tz=Mars%2FOlympus", "tz"],
  // Dates whose UTC form Merge cannot read
  ["start_date=9999-12-31T23:59:59.999-23:59", "start_date"],
  ["start_date=0000-01-01T00:00:00Z", "start_date"],
  // Cursors that did not come from Merge through us, for this user: Merge would refuse most of them
  [`cursor=${encodeURIComponent(MERGE_CURSOR)}`, "cursor"],
  [`cursor=${Buffer.from(MERGE_CURSOR).toString("base64url")}`, "cursor"],
  [`cursor=${sealCursor(MERGE_CURSOR, "someone.else@acme.test", CURSOR_SECRET)}`, "cursor"],
  [`cursor=${sealCursor(MERGE_CURSOR, ALLOWED_EMAIL, "another-deployment-secret-0123456789abcdef")}`, "cursor"],
  [`cursor=${sealCursor(btoa("p=yesterday"), ALLOWED_EMAIL, CURSOR_SECRET).slice(0, -2)}`, "cursor"],
];

describe("GET /api/audit-trail with the embedded simulator", () => {
  const simulator = createSimulator({ now: SIMULATOR_NOW });
  const GET = createAuditTrailRoute({ source: simulatorSource(simulator), getSession: signedIn, cursorSecret: CURSOR_SECRET, records: recordingRecords() });

  it("answers 401 when the request has no allowed session, and asks Merge nothing", async () => {
    const anonymousGET = createAuditTrailRoute({ source: simulatorSource(simulator), getSession: signedOut, cursorSecret: CURSOR_SECRET, records: recordingRecords() });
    const before = simulator.requestCount();
    const response = await anonymousGET(apiRequest("user_email=jane%40acme.com"));
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await errorOf(response)).toEqual({ code: "unauthenticated", message: "Your session expired: sign in again" });
    expect(simulator.requestCount()).toBe(before);
  });

  it("names both parameters when a relative range comes with dates", async () => {
    const response = await GET(apiRequest("range=1h&start_date=2026-11-01T00:00:00Z&end_date=2026-11-02T00:00:00Z"));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_filter");
    expect(error.message).toMatch(/"range" cannot be combined with "start_date" and "end_date"/);
  });

  it("resolves a relative range with its own clock, calendar days in the request's zone", async () => {
    const clockGET = (now: string) =>
      createAuditTrailRoute({
        source: simulatorSource(simulator),
        getSession: signedIn,
        cursorSecret: CURSOR_SECRET,
        records: recordingRecords(),
        now: () => new Date(now),
      });
    const ids = async (route: RouteHandler, search: string) => (await walkRoute(route, search)).flatMap((p) => p.results).map((e) => e.id);
    const expected = (start_date: string, end_date?: string) => expectedEvents(simulator, { start_date, end_date }).map((e) => e.id);

    const lastDay = await ids(clockGET("2026-11-28T12:00:00Z"), "range=24h&page_size=100");
    expect(lastDay).toEqual(expected("2026-11-27T12:00:00.000Z"));
    expect(lastDay.length).toBeGreaterThan(0);
    // The same request 10 hours later covers the 24 hours before that moment.
    expect(await ids(clockGET("2026-11-28T22:00:00Z"), "range=24h&page_size=100")).toEqual(expected("2026-11-27T22:00:00.000Z"));
    // Yesterday in Berlin (UTC+1 in November), and in UTC without a zone.
    expect(await ids(clockGET("2026-11-28T12:00:00Z"), "range=yesterday&tz=Europe%2FBerlin&page_size=100")).toEqual(
      expected("2026-11-26T23:00:00.000Z", "2026-11-27T23:00:00.000Z"),
    );
    expect(await ids(clockGET("2026-11-28T12:00:00Z"), "range=yesterday&page_size=100")).toEqual(
      expected("2026-11-27T00:00:00.000Z", "2026-11-28T00:00:00.000Z"),
    );
  });

  it("returns the simulator's events for a user, privately, and walking next gives exactly the simulator's own walk", async () => {
    const email = busiestEmail(expectedEvents(simulator));
    const search = `user_email=${encodeURIComponent(email)}&page_size=10`;

    const first = await GET(apiRequest(search));
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    const page = auditTrailPageSchema.parse(await first.json());
    expect(Object.keys(page).sort()).toEqual(["next", "previous", "results"]);
    expect(page.results).toHaveLength(10);
    expect(page.results.every((event) => event.user_email === email)).toBe(true);

    const viaApi = (await walkRoute(GET, search)).flatMap((p) => p.results);
    const key = simulator.options.apiKey;
    const own = await directWalk(
      (url) => simulator.handle(new Request(url, { headers: { Authorization: `Bearer ${key}` } })),
      "http://embedded.test/api",
      search,
    );
    expect(viaApi).toEqual(own);
    expect(viaApi).toEqual(expectedEvents(simulator, { user_email: { include: [email], exclude: [] } }));
  });

  it.each(REFUSED)("refuses ?%s with a 400 naming %s, and sends Merge nothing", async (search, field) => {
    const before = simulator.requestCount();
    const response = await GET(apiRequest(search));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: "invalid_filter", field });
    expect(error.message.length).toBeGreaterThan(10);
    expect(simulator.requestCount()).toBe(before);
  });

  it.each([
    ["event_type=INVITED_USER&event_type=MUTED_ISSUE", "event_type"],
    ["event_type=-MUTED_ISSUE", "event_type"],
    ["event_group=api_keys", "event_group"],
    ["user_email=a%40b.com&user_email=c%40d.com", "user_email"],
    ["ip=203.0.113.0%2F24", "ip"],
    ["role=ADMIN", "role"],
    ["actor=api", "actor"],
    ["q=Globex", "q"],
    ["order=asc", "order"],
  ])("without the archive, answers ?%s with needs_archive naming %s, and sends Merge nothing", async (search, field) => {
    const before = simulator.requestCount();
    const response = await GET(apiRequest(`user_email=a%40b.com&${search}`));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: "needs_archive", field, message: expect.stringContaining(`"${field}" needs the archive`) });
    expect(simulator.requestCount()).toBe(before);
  });

  it("tells the user to start over when Merge no longer knows a cursor", async () => {
    // Sealed by us, so it passes our checks, around a position Merge cannot read.
    const response = await GET(apiRequest(`cursor=${sealCursor(btoa("p=yesterday"), ALLOWED_EMAIL, CURSOR_SECRET)}`));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: "invalid_cursor", field: "cursor", message: expect.stringMatching(/first page/) });
  });
});

describe("GET /api/audit-trail when the embedded simulator misbehaves", () => {
  function routeWithFaults(faults: string, variables: Record<string, string> = {}) {
    const simulator = createSimulator({ now: SIMULATOR_NOW, faults });
    return { GET: createAuditTrailRoute({ source: simulatorSource(simulator, variables), getSession: signedIn, cursorSecret: CURSOR_SECRET, records: recordingRecords() }), simulator };
  }

  it("rides out a 429 with Retry-After and answers 200", async () => {
    const { GET, simulator } = routeWithFaults("429:1@1");
    const response = await GET(apiRequest("page_size=5"));
    expect(response.status).toBe(200);
    expect(auditTrailPageSchema.parse(await response.json()).results).toHaveLength(5);
    expect(simulator.requestCount()).toBe(2);
  });

  it("answers 503 rate_limited with the wait when Merge asks for more than the cap", async () => {
    const { GET, simulator } = routeWithFaults("429:45@1");
    const response = await GET(apiRequest(""));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("45");
    expect(await errorOf(response)).toMatchObject({ code: "rate_limited", retry_after: 45, message: expect.stringContaining("45 s") });
    expect(simulator.requestCount()).toBe(1);
  });

  it("answers 503 after the retry cap when Merge keeps failing with 500", async () => {
    const { GET, simulator } = routeWithFaults("500");
    const response = await GET(apiRequest(""));
    expect(response.status).toBe(503);
    expect(await errorOf(response)).toMatchObject({ code: "upstream_unavailable" });
    expect(simulator.requestCount()).toBe(3);
  });

  it("answers 504 when Merge hangs, at the configured timeout", async () => {
    const { GET, simulator } = routeWithFaults("hang", { MERGE_TIMEOUT_MS: "300" });
    const response = await GET(apiRequest(""));
    expect(response.status).toBe(504);
    expect(await errorOf(response)).toMatchObject({ code: "upstream_timeout" });
    expect(simulator.requestCount()).toBe(1);
  });

  it.each(["malformed", "wrong-shape"])("answers 502 upstream_invalid for a %s body", async (fault) => {
    const { GET } = routeWithFaults(fault);
    const response = await GET(apiRequest(""));
    expect(response.status).toBe(502);
    expect(await errorOf(response)).toMatchObject({ code: "upstream_invalid" });
  });
});

describe("GET /api/audit-trail with a standalone simulator", () => {
  // One server per behaviour, since the server reads its faults once at start.
  const servers: Record<"plain" | "throttled" | "failing" | "hanging" | "malformed", RunningSimulator | undefined> = {
    plain: undefined,
    throttled: undefined,
    failing: undefined,
    hanging: undefined,
    malformed: undefined,
  };
  // Set once the servers answer, so only the route's own calls (and the test's walks) are counted.
  let fetchSpy: MockInstance<typeof fetch>;
  const responses: Response[] = [];

  beforeAll(async () => {
    [servers.plain, servers.throttled, servers.failing, servers.hanging, servers.malformed] = await Promise.all([
      startSimulator(4301, { env: { SIMULATOR_NOW } }),
      startSimulator(4302, { env: { SIMULATOR_NOW, SIMULATOR_FAULTS: "429:1@1" } }),
      startSimulator(4303, { env: { SIMULATOR_NOW, SIMULATOR_FAULTS: "500" } }),
      startSimulator(4304, { env: { SIMULATOR_NOW, SIMULATOR_FAULTS: "hang" } }),
      startSimulator(4305, { env: { SIMULATOR_NOW, SIMULATOR_FAULTS: "malformed" } }),
    ]);
    fetchSpy = vi.spyOn(globalThis, "fetch");
  }, 60_000);

  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server?.stop()));
  });

  function routeFor(server: RunningSimulator | undefined, variables: Record<string, string> = {}) {
    if (!server) throw new Error("the simulator did not start");
    const source = remoteSource({ MERGE_API_KEY: server.apiKey, MERGE_API_BASE_URL: server.baseUrl, ...variables });
    return createAuditTrailRoute({ source, getSession: signedIn, cursorSecret: CURSOR_SECRET, records: recordingRecords() });
  }

  /** Calls the route, keeping the response (cloned) for the key check at the end. */
  async function call(GET: RouteHandler, search: string) {
    const response = await GET(apiRequest(search));
    responses.push(response.clone());
    return response;
  }

  const upstreamCalls = (server: RunningSimulator | undefined) =>
    fetchSpy.mock.calls.filter(([url]) => String(url).startsWith(server!.baseUrl)).length;

  it("returns the simulator's events, and walking next gives exactly the simulator's own walk", async () => {
    const GET = routeFor(servers.plain);
    const server = servers.plain!;
    const all = await directWalk(
      (url) => fetch(url, { headers: { Authorization: `Bearer ${server.apiKey}` } }),
      server.baseUrl,
      "page_size=100",
    );
    const search = `user_email=${encodeURIComponent(busiestEmail(all))}&page_size=10`;
    const first = await call(GET, search);
    expect(first.status).toBe(200);
    expect(auditTrailPageSchema.parse(await first.json()).results).toHaveLength(10);

    const viaApi = (await walkRoute(GET, search)).flatMap((p) => p.results);
    const own = await directWalk(
      (url) => fetch(url, { headers: { Authorization: `Bearer ${server.apiKey}` } }),
      server.baseUrl,
      search,
    );
    expect(viaApi.length).toBeGreaterThan(20);
    expect(viaApi).toEqual(own);
  });

  it.each(REFUSED)("refuses ?%s with a 400 naming %s, and the upstream receives nothing", async (search, field) => {
    const GET = routeFor(servers.plain);
    const before = upstreamCalls(servers.plain);
    const response = await call(GET, search);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: "invalid_filter", field });
    expect(upstreamCalls(servers.plain)).toBe(before);
  });

  it("answers 502 upstream_auth when the server's key is rejected", async () => {
    const GET = routeFor(servers.plain, { MERGE_API_KEY: "revoked-key" });
    const response = await call(GET, "");
    expect(response.status).toBe(502);
    expect(await errorOf(response)).toEqual({
      code: "upstream_auth",
      message: expect.stringContaining("The server's Merge API key was rejected"),
    });
  });

  it("rides out a 429 with Retry-After and answers 200", async () => {
    const GET = routeFor(servers.throttled);
    const response = await call(GET, "page_size=3");
    expect(response.status).toBe(200);
    expect(upstreamCalls(servers.throttled)).toBe(2);
  });

  it("answers 503 after the retry cap when the upstream keeps failing with 500", async () => {
    const GET = routeFor(servers.failing);
    const response = await call(GET, "");
    expect(response.status).toBe(503);
    expect(await errorOf(response)).toMatchObject({ code: "upstream_unavailable" });
    expect(upstreamCalls(servers.failing)).toBe(3);
  });

  it("answers 504 when the upstream hangs, at the configured timeout", async () => {
    const GET = routeFor(servers.hanging, { MERGE_TIMEOUT_MS: "300" });
    const response = await call(GET, "");
    expect(response.status).toBe(504);
    expect(await errorOf(response)).toMatchObject({ code: "upstream_timeout" });
  });

  it("answers 502 for a malformed body", async () => {
    const GET = routeFor(servers.malformed);
    const response = await call(GET, "");
    expect(response.status).toBe(502);
    expect(await errorOf(response)).toMatchObject({ code: "upstream_invalid" });
  });

  it("never put the key in any response of this suite, body or header", async () => {
    expect(responses.length).toBeGreaterThan(10);
    const keys = Object.values(servers).map((server) => server!.apiKey);
    for (const response of responses) {
      const text = `${[...response.headers].join("\n")}\n${await response.text()}`;
      for (const key of keys) expect(text).not.toContain(key);
      expect(text).not.toContain("revoked-key");
    }
  });
});
