import { afterEach, describe, expect, it, vi } from "vitest";

import { logError, loggedQuery, logRequest } from "./log";

afterEach(() => vi.restoreAllMocks());

function captured(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
}

describe("log", () => {
  it("writes one JSON line per request with its route, filters, status and timings", () => {
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    logRequest({
      route: "/api/audit-trail",
      method: "GET",
      status: 200,
      filters: loggedQuery({ user_email: { include: ["jane@acme.com"], exclude: [] }, page_size: 10, cursor: "cD0yMDI2" }),
      upstreamMs: 12,
      retries: 1,
      durationMs: 15,
    });
    expect(captured(out)).toEqual([
      expect.objectContaining({
        level: "info",
        msg: "request",
        route: "/api/audit-trail",
        status: 200,
        filters: { user_email: { include: ["jane@acme.com"], exclude: [] }, page_size: 10, cursor: true },
        upstreamMs: 12,
        retries: 1,
        durationMs: 15,
      }),
    ]);
  });

  it("writes failed requests to stderr at a level matching their status", () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    logRequest({ route: "/api/audit-trail", method: "GET", status: 400, code: "invalid_filter", durationMs: 1 });
    logRequest({ route: "/api/audit-trail", method: "GET", status: 503, code: "upstream_unavailable", durationMs: 1 });
    expect(captured(err).map((line) => line.level)).toEqual(["warn", "error"]);
  });

  it("blanks a bearer token that an error message carried in", () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    logError("unexpected", new TypeError('invalid header value "Bearer sk_live_abc123"'));
    const [line] = captured(err);
    expect(JSON.stringify(line)).not.toContain("sk_live_abc123");
    expect(line).toMatchObject({ level: "error", msg: "unexpected", error: { name: "TypeError" } });
  });
});
