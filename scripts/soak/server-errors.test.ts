import { describe, expect, it } from "vitest";

import type { RequestSample } from "./samples";
import { unexpected5xx } from "./server-errors";

const answer = (atMs: number, status: number, code?: string, route = "GET /api/audit-trail"): RequestSample => ({
  atMs,
  status,
  code,
  route,
  ms: 5,
  instance: "app-1",
});

describe("unexpected 5xx", () => {
  const expected = { databaseOutages: [{ fromMs: 10_000, toMs: 40_000 }], liveRoutes: ["GET /api/audit-trail/stats"] };

  it("allows archive_unavailable only while the database is out", () => {
    const inside = answer(20_000, 503, "archive_unavailable");
    const inFlightAtTheKill = { ...answer(9_900, 503, "archive_unavailable"), ms: 300 };
    const before = answer(9_000, 503, "archive_unavailable");
    const after = answer(45_000, 503, "archive_unavailable");
    expect(unexpected5xx([inside, inFlightAtTheKill, before, after], expected)).toEqual([before, after]);
  });

  it("allows the upstream's codes only on live routes", () => {
    const live = answer(1_000, 503, "rate_limited", "GET /api/audit-trail/stats");
    const archived = answer(1_000, 503, "rate_limited");
    expect(unexpected5xx([live, archived], expected)).toEqual([archived]);
  });

  it("never allows a 500, and ignores what is not a 5xx", () => {
    const crash = answer(20_000, 500, "internal_error");
    expect(unexpected5xx([crash, answer(1, 200), answer(2, 404), answer(3, 0)], expected)).toEqual([crash]);
  });
});
