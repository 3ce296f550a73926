import { describe, expect, it } from "vitest";

import { ArchiveError } from "@/lib/server/archive/errors";

import { ApiError, errorResponse, mapError } from "./api-error";
import { MergeApiError, type MergeErrorCode } from "./merge/errors";

describe("mapError", () => {
  it("maps our own refusals to 4xx with the field at fault", () => {
    expect(mapError(new ApiError("invalid_filter", "Enter a valid email address", "user_email"))).toEqual({
      status: 400,
      body: { error: { code: "invalid_filter", message: "Enter a valid email address", field: "user_email" } },
      headers: {},
    });
    expect(mapError(new ApiError("unauthenticated"))).toEqual({
      status: 401,
      body: { error: { code: "unauthenticated", message: "Your session expired: sign in again" } },
      headers: {},
    });
  });

  it.each<[MergeErrorCode, number, RegExp]>([
    ["upstream_auth", 502, /Merge API key was rejected/],
    ["upstream_invalid", 502, /cannot read/],
    ["invalid_cursor", 400, /expired: start again from the first page/],
    ["rate_limited", 503, /rate-limiting requests; retry in 60 s/],
    ["upstream_unavailable", 503, /unavailable right now/],
    ["upstream_timeout", 504, /too long/],
  ])("maps %s to %i with a message a person can act on", (code, status, message) => {
    const mapped = mapError(new MergeApiError(code, "internal detail, 401 from https://merge.test"));
    expect(mapped.status).toBe(status);
    expect(mapped.body.error.code).toBe(code);
    expect(mapped.body.error.message).toMatch(message);
    expect(mapped.body.error.message).not.toContain("internal detail");
  });

  it("names the cursor as the field of an invalid cursor", () => {
    expect(mapError(new MergeApiError("invalid_cursor", "")).body.error.field).toBe("cursor");
  });

  it("tells how long to wait when rate-limited, in the body and in Retry-After", () => {
    const mapped = mapError(new MergeApiError("rate_limited", "", { retryAfterSeconds: 42 }));
    expect(mapped.body.error).toMatchObject({ retry_after: 42, message: "Merge is rate-limiting requests; retry in 42 s" });
    expect(mapped.headers).toEqual({ "Retry-After": "42" });
  });

  it("says whose failures held a request back, with the guard's wait in the body and in Retry-After", () => {
    const user = mapError(new MergeApiError("held_back", "", { retryAfterSeconds: 7, heldBack: "user" }));
    expect(user.status).toBe(503);
    expect(user.body.error).toMatchObject({ code: "held_back", retry_after: 7, message: expect.stringMatching(/your recent requests.*paused/) });
    expect(user.headers).toEqual({ "Retry-After": "7" });
    const server = mapError(new MergeApiError("held_back", "", { retryAfterSeconds: 3, heldBack: "server" }));
    expect(server.body.error).toMatchObject({ retry_after: 3, message: expect.stringMatching(/requests from this server.*paused/) });
    expect(server.headers).toEqual({ "Retry-After": "3" });
  });

  it("hides anything unexpected behind a generic 500", () => {
    const mapped = mapError(new Error("ECONNRESET at Socket.secret-key-123"));
    expect(mapped.status).toBe(500);
    expect(mapped.body.error.code).toBe("internal_error");
    expect(JSON.stringify(mapped)).not.toContain("secret-key-123");
  });

  it("asks for a minute when Merge names no wait", () => {
    const mapped = mapError(new MergeApiError("rate_limited", ""));
    expect(mapped.body.error).toMatchObject({ retry_after: 60, message: "Merge is rate-limiting requests; retry in 60 s" });
  });

  it("answers as private, uncached JSON", async () => {
    const response = errorResponse(new ApiError("invalid_filter", "Enter a valid email address", "user_email"));
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({
      error: { code: "invalid_filter", message: "Enter a valid email address", field: "user_email" },
    });
  });
  it("answers a database that is down with 503 archive_unavailable in words, never its detail", () => {
    const mapped = mapError(new ArchiveError("archive_unavailable", "connect ECONNREFUSED 10.0.0.5:5432 password=hunter2"));
    expect(mapped).toEqual({
      status: 503,
      body: { error: { code: "archive_unavailable", message: "The archive's database is not answering; retry in a moment" } },
      headers: { "Retry-After": "5" },
    });
  });

  it("answers an archive cursor that is not ours as an invalid cursor: 400 on the cursor field", () => {
    expect(mapError(new ArchiveError("invalid_cursor", "bad"))).toEqual({
      status: 400,
      body: { error: { code: "invalid_cursor", message: "This page of results expired: start again from the first page", field: "cursor" } },
      headers: {},
    });
  });
});
