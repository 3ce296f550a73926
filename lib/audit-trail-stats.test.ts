import { afterEach, describe, expect, it, vi } from "vitest";

import { ApiRequestError } from "@/lib/api-errors";
import { auditTrailStatsQueryKey, fetchAuditTrailStats, type AuditTrailStats } from "@/lib/audit-trail-stats";

const STATS: AuditTrailStats = {
  total: 3,
  buckets: [{ start: "2026-11-01T00:00:00.000Z", end: "2026-11-02T00:00:00.000Z", count: 3 }],
  facets: {
    user_email: [{ value: "jane@acme.com", count: 2 }],
    event_type: [{ value: "INVITED_USER", count: 3 }],
    role: [{ value: "ADMIN", count: 3 }],
    ip_address: [{ value: "198.51.100.23", count: 1 }],
  },
  whole_archive: true,
};

afterEach(() => vi.unstubAllGlobals());

function answer(response: Response) {
  const fetch = vi.fn<(url: string) => Promise<Response>>(async () => response);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("auditTrailStatsQueryKey", () => {
  it("ignores the page size, which changes no figure", () => {
    const types = { include: ["INVITED_USER"], exclude: [] };
    expect(auditTrailStatsQueryKey({ event_type: types, page_size: 100 })).toEqual(auditTrailStatsQueryKey({ event_type: types }));
  });

  it("differs for different filters", () => {
    expect(auditTrailStatsQueryKey({ q: "Globex" })).not.toEqual(auditTrailStatsQueryKey({}));
  });
});

describe("fetchAuditTrailStats", () => {
  it("asks for the filters under their URL names, without the page size, and reads the figures", async () => {
    const fetch = answer(Response.json(STATS));
    const stats = await fetchAuditTrailStats({ event_type: { include: ["INVITED_USER"], exclude: ["MUTED_ISSUE"] }, page_size: 50 });
    expect(stats).toEqual(STATS);
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/audit-trail/stats?event_type=INVITED_USER&event_type=-MUTED_ISSUE");
  });

  it("turns our API's error answer into its ApiRequestError, naming the field", async () => {
    answer(Response.json({ error: { code: "invalid_filter", message: "Enter an IPv4 address", field: "ip" } }, { status: 400 }));
    await expect(fetchAuditTrailStats({})).rejects.toMatchObject({ code: "invalid_filter", field: "ip" });
  });

  it("refuses an answer of another shape rather than draw it", async () => {
    answer(Response.json({ total: "many" }));
    await expect(fetchAuditTrailStats({})).rejects.toEqual(new ApiRequestError("unexpected"));
  });
});
