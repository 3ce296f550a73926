import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { QUERY_KEYS } from "@/lib/filters";

import { ApiError } from "./api-error";
import { MergeApiError } from "./merge/errors";
import { withSession, type SessionHandler } from "./with-session";

type Session = { email: string; name: string | null };
const session: { current: Session | null } = { current: null };
const getSession = async () => session.current;

const COOKIE = "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.secret-cookie-value";
let lines: string[] = [];

beforeEach(() => {
  session.current = { email: "ada@acme.test", name: "Ada" };
  lines = [];
  const keep = (line: unknown) => void lines.push(String(line));
  vi.spyOn(console, "log").mockImplementation(keep);
  vi.spyOn(console, "error").mockImplementation(keep);
});

afterEach(() => vi.restoreAllMocks());

function request(search = "", init: { signal?: AbortSignal } = {}) {
  return new NextRequest(`http://127.0.0.1:3000/api/audit-trail${search}`, {
    headers: { cookie: COOKIE, authorization: "Bearer from-the-browser" },
    signal: init.signal,
  });
}

const requestLines = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.msg === "request");

describe("withSession", () => {
  it("runs the handler for an allowed session and answers privately, with one log line", async () => {
    const GET = withSession(getSession, async (req, { session: who, parseRequestQuery, recordUpstream }) => {
      const query = parseRequestQuery({ allow: QUERY_KEYS });
      recordUpstream({ upstreamMs: 42, retries: 1 });
      return Response.json({ who: who.email, query });
    });
    const response = await GET(request("?user_email=jane@acme.com&page_size=10"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({
      who: "ada@acme.test",
      query: { user_email: { include: ["jane@acme.com"], exclude: [] }, page_size: 10 },
    });
    expect(requestLines()).toEqual([
      expect.objectContaining({
        route: "/api/audit-trail",
        method: "GET",
        status: 200,
        user: "ada@acme.test",
        filters: { user_email: { include: ["jane@acme.com"], exclude: [] }, page_size: 10 },
        upstreamMs: 42,
        retries: 1,
      }),
    ]);
  });

  it("answers 401 without calling the handler when there is no allowed session", async () => {
    session.current = null;
    const handler = vi.fn<SessionHandler>();
    const response = await withSession(getSession, handler)(request());
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Your session expired: sign in again" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("turns a query the schema refuses into a 400 naming the field", async () => {
    const GET = withSession(getSession, async (_req, { parseRequestQuery }) => Response.json(parseRequestQuery({ allow: QUERY_KEYS })));
    const response = await GET(request("?page_size=500"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_filter", field: "page_size" } });
  });

  it("maps Merge errors, with Retry-After when rate-limited, and logs the upstream figures", async () => {
    const GET = withSession(getSession, async () => {
      throw new MergeApiError("rate_limited", "Merge is rate-limiting this server", { retryAfterSeconds: 30, retries: 0, upstreamMs: 12 });
    });
    const response = await GET(request());
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(requestLines()[0]).toMatchObject({ status: 503, code: "rate_limited", upstreamMs: 12, retries: 0 });
  });

  it("hides an unexpected error behind a generic 500, logging it for us", async () => {
    const GET = withSession(getSession, async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'results')");
    });
    const response = await GET(request());
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain("Cannot read");
    expect(JSON.parse(body)).toMatchObject({ error: { code: "internal_error" } });
    expect(lines.some((line) => line.includes("Cannot read properties"))).toBe(true);
  });

  it("passes our own refusals through as they are", async () => {
    const GET = withSession(getSession, async () => {
      throw new ApiError("invalid_filter", "The format is one of csv, json, ndjson", "format");
    });
    expect(await (await GET(request())).json()).toEqual({
      error: { code: "invalid_filter", message: "The format is one of csv, json, ndjson", field: "format" },
    });
  });

  it("logs a request the client abandoned as 499, not as our failure", async () => {
    const controller = new AbortController();
    const GET = withSession(getSession, async () => {
      controller.abort();
      throw controller.signal.reason;
    });
    const response = await GET(request("", { signal: controller.signal }));
    expect(response.status).toBe(499);
    expect(requestLines()[0]).toMatchObject({ status: 499 });
    expect(lines.some((line) => line.includes('"level":"error"'))).toBe(false);
  });

  it("never logs cookies or authorization headers", async () => {
    await withSession(getSession, async () => Response.json({}))(request("?user_email=jane@acme.com"));
    session.current = null;
    await withSession(getSession, async () => Response.json({}))(request());
    const all = lines.join("\n");
    expect(all).not.toContain("secret-cookie-value");
    expect(all).not.toContain("from-the-browser");
  });
});
