import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditTrailStatsSchema } from "@/lib/audit-trail-stats";
import { createSimulator } from "@/lib/simulator";
import { testDatabaseKinds } from "@/testing/archive-databases";
import { openFilledArchive, type FilledArchive } from "@/testing/archive-source";
import { apiRequest, signedIn, signedOut, SIMULATOR_NOW, simulatorSource } from "@/testing/routes";
import { expectedEvents } from "@/testing/simulator-oracle";

import { createStatsRoute } from "./create-route";

const simulator = createSimulator({ now: SIMULATOR_NOW, events: 300, seed: "stats-route" });
const ALL = expectedEvents(simulator);
const statsRequest = (search: string) => apiRequest(search, { path: "/api/audit-trail/stats" });
const HOOK_TIMEOUT_MS = 60_000;

describe("GET /api/audit-trail/stats without the archive", () => {
  it("answers 401 without an allowed session", async () => {
    const GET = createStatsRoute({ source: simulatorSource(simulator), getSession: signedOut });
    const response = await GET(statsRequest(""));
    expect(response.status).toBe(401);
  });

  it("says the counts need the archive, and asks Merge nothing", async () => {
    const GET = createStatsRoute({ source: simulatorSource(simulator), getSession: signedIn });
    const before = simulator.requestCount();
    const response = await GET(statsRequest("event_type=INVITED_USER"));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "needs_archive", field: "stats" });
    expect(simulator.requestCount()).toBe(before);
  });

  it.each([
    ["ip=10.0.0.1%2F40", "ip"],
    ["range=30d&end_date=2026-11-01T00:00:00Z", "range"],
    ["range=this_week&tz=Nowhere", "tz"],
  ])("refuses a malformed filter first: %s names %s", async (search, field) => {
    const GET = createStatsRoute({ source: simulatorSource(simulator), getSession: signedIn });
    const response = await GET(statsRequest(search));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_filter", field });
  });
});

describe.each(testDatabaseKinds())("GET /api/audit-trail/stats on $name", (kind) => {
  let partial: FilledArchive;

  beforeAll(async () => {
    partial = await openFilledArchive(kind, [...ALL].reverse(), { backfillComplete: false });
  }, HOOK_TIMEOUT_MS);
  afterAll(() => partial?.close(), HOOK_TIMEOUT_MS);

  it("says when the counts cover only part of Merge's trail: while the backfill runs", async () => {
    const GET = createStatsRoute({ source: partial.source, getSession: signedIn });
    const response = await GET(statsRequest("page_size=50"));
    expect(response.status).toBe(200);
    const stats = auditTrailStatsSchema.parse(await response.json());
    expect(stats.total).toBe(ALL.length);
    expect(stats.coverage).toEqual({ complete: false, oldest_event_at: ALL.at(-1)!.created_at });
    expect(stats.buckets.length).toBeGreaterThanOrEqual(30);
    expect(stats.buckets.length).toBeLessThanOrEqual(120);
    expect(stats.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(ALL.length);
  });

  it("gives no bars and empty facets when nothing matches an open range", async () => {
    const GET = createStatsRoute({ source: partial.source, getSession: signedIn });
    const stats = auditTrailStatsSchema.parse(await (await GET(statsRequest("event_type=NOTHING_LIKE_THIS"))).json());
    expect(stats).toMatchObject({ total: 0, buckets: [], facets: { user_email: [], event_type: [], role: [], ip_address: [] } });
  });
});
