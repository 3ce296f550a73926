import { describe, expect, it } from "vitest";

import { API_ERRORS, ApiRequestError, readApiError, signInPath } from "@/lib/api-errors";

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("readApiError", () => {
  it("reads our error JSON into a typed error, with the field and the wait", async () => {
    const error = await readApiError(
      jsonResponse(503, { error: { code: "rate_limited", message: "Slow down", retry_after: 12 } }),
    );
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ code: "rate_limited", message: "Slow down", retryAfterSeconds: 12 });
    const refused = await readApiError(
      jsonResponse(400, { error: { code: "invalid_filter", message: "Enter a valid email address", field: "user_email" } }),
    );
    expect(refused).toMatchObject({ code: "invalid_filter", field: "user_email" });
  });

  it("reads the failure guard's hold as held_back, with whose failures and the wait", async () => {
    const body = { error: { code: "held_back", message: API_ERRORS.held_back.userMessage, retry_after: 6 } };
    const error = await readApiError(jsonResponse(503, body));
    expect(error).toMatchObject({ code: "held_back", message: expect.stringMatching(/your recent requests/), retryAfterSeconds: 6 });
  });

  it("keeps a code it does not know as unexpected, with the server's message", async () => {
    const error = await readApiError(jsonResponse(500, { error: { code: "brand_new", message: "Something new" } }));
    expect(error).toMatchObject({ code: "unexpected", message: "Something new" });
  });

  it("names the status when the answer is not our JSON", async () => {
    const error = await readApiError(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(error).toMatchObject({ code: "unexpected", message: "The server answered 502 without an explanation" });
  });

  it("reads a redirect to sign-in as an expired session", async () => {
    const response = new Response("<html>", { status: 200 });
    Object.defineProperties(response, {
      redirected: { value: true },
      url: { value: "http://127.0.0.1:3000/signin?callbackUrl=%2F" },
    });
    const error = await readApiError(response);
    expect(error).toMatchObject({ code: "unauthenticated", message: "Your session expired: sign in again" });
  });
});

describe("API_ERRORS", () => {
  it("gives every code a client or server error status and a sentence", () => {
    for (const { status, message } of Object.values(API_ERRORS)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(message).toMatch(/^[A-Z].{10,}[^.]$/);
    }
  });
});

describe("signInPath", () => {
  it("carries the callback path as one encoded parameter", () => {
    const path = signInPath("/?user_email=a%40b.com&event_type=INVITED_USER", { reason: "expired" });
    const url = new URL(path, "http://x.invalid");
    expect(url.pathname).toBe("/signin");
    expect(url.searchParams.get("callbackUrl")).toBe("/?user_email=a%40b.com&event_type=INVITED_USER");
    expect(url.searchParams.get("reason")).toBe("expired");
  });

  it("omits the callback for the home page", () => {
    expect(signInPath("/")).toBe("/signin");
  });
});
