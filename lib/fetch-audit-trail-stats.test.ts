import { afterEach, describe, expect, it, vi } from "vitest";

import { ApiRequestError } from "@/lib/api-errors";
import type { AuditTrailStats } from "@/lib/audit-trail-stats";
import { fetchAuditTrailStatsFromApi } from "@/lib/fetch-audit-trail-stats";
import { auditTrailStatsQueryOptions } from "@/lib/query-options";

const STATS: AuditTrailStats = {
  total: 3,
  bucket: { unit: "day", size: 1 },
  buckets: [{ start: "2026-11-01T00:00:00.000Z", end: "2026-11-02T00:00:00.000Z", count: 3 }],
  facets: {
    user_email: [{ value: "jane@acme.com", count: 2 }],
    event_type: [{ value: "INVITED_USER", count: 3 }],
    role: [{ value: "ADMIN", count: 3 }],
    ip_address: [{ value: "198.51.100.23", count: 1 }],
  },
  coverage: { complete: true, oldest_event_at: "2026-08-30T01:12:03.123456Z" },
};

afterEach(() => vi.unstubAllGlobals());

function answer(response: Response) {
  const fetch = vi.fn<(url: string) => Promise<Response>>(async () => response);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("auditTrailStatsQueryOptions", () => {
  it("keys the figures by the filters alone: the page size changes no figure", () => {
    const types = { include: ["INVITED_USER"], exclude: [] };
    expect(auditTrailStatsQueryOptions({ event_type: types, page_size: 100 }).queryKey).toEqual(
      auditTrailStatsQueryOptions({ event_type: types }).queryKey,
    );
    expect(auditTrailStatsQueryOptions({ q: "Globex" }).queryKey).not.toEqual(auditTrailStatsQueryOptions({}).queryKey);
  });
});

describe("fetchAuditTrailStatsFromApi", () => {
  it("asks for the filters under their URL names, without the page size, and reads the figures", async () => {
    const fetch = answer(Response.json(STATS));
    const stats = await fetchAuditTrailStatsFromApi({ event_type: { include: ["INVITED_USER"], exclude: ["MUTED_ISSUE"] }, page_size: 50 });
    expect(stats).toEqual(STATS);
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/audit-trail/stats?event_type=INVITED_USER&event_type=-MUTED_ISSUE");
  });

  it("turns our API's error answer into its ApiRequestError, naming the field", async () => {
    answer(Response.json({ error: { code: "needs_archive", message: "needs the archive", field: "stats" } }, { status: 400 }));
    await expect(fetchAuditTrailStatsFromApi({})).rejects.toMatchObject({ code: "needs_archive", field: "stats" });
  });

  it("refuses an answer of another shape rather than draw it", async () => {
    answer(Response.json({ total: "many" }));
    await expect(fetchAuditTrailStatsFromApi({})).rejects.toEqual(new ApiRequestError("unexpected"));
  });
});
