import { describe, expect, it } from "vitest";

import type { AuditTrailPage } from "@/lib/audit-event";

import { createMergeClient, type FetchLike } from "./client";
import { MergeApiError, type MergeErrorCode } from "./errors";
import { createFailureGuard, USER_FAILURE_BUDGET } from "./failure-guard";
import type { RetryClock } from "./retry";

const KEY = "test-key-5b0c8f";

const PAGE: AuditTrailPage = {
  next: "cD0yMDI2LTExLTI4",
  previous: null,
  results: [
    {
      id: "0d8a3c8e-7f1b-4c55-9d3a-1f4f6b0e9a11",
      user_name: "Jane Doe",
      user_email: "jane@acme.com",
      role: "ADMIN",
      ip_address: "192.0.2.1",
      event_type: "INVITED_USER",
      event_description: "Jane invited sam@acme.com",
      created_at: "2026-11-28T09:00:00.000Z",
    },
  ],
};

type Step = Response | "network" | "hang";

/** A fetch that answers from a script (the last step repeats) and records what it was asked. */
function upstream(...script: Step[]) {
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const fetch: FetchLike = (url, init) => {
    requests.push({ url, init });
    const step = script[Math.min(requests.length - 1, script.length - 1)]!;
    if (step === "network") return Promise.reject(new TypeError("fetch failed", { cause: new Error("ECONNREFUSED") }));
    if (step === "hang") return new Promise<Response>(() => {});
    return Promise.resolve(step.clone());
  };
  return { fetch, requests };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

const instantClock: RetryClock = { now: () => Date.now(), random: () => 0.5, sleep: async () => {} };

function client(fetch: FetchLike, timeoutMs = 5_000) {
  return createMergeClient({
    baseUrl: "https://merge.test/api",
    apiKey: KEY,
    category: "hris",
    fetch,
    timeoutMs,
    retry: { clock: instantClock },
  });
}

async function failure(promise: Promise<unknown>): Promise<MergeApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof MergeApiError)) throw new Error(`expected a MergeApiError, got ${String(error)}`);
  return error;
}

describe("createMergeClient", () => {
  it("asks for the audit trail with the shared query names, the key as a bearer token, and parses the page", async () => {
    const merge = upstream(json(PAGE));
    const result = await client(merge.fetch).listAuditEvents({
      user_email: "jane@acme.com",
      event_type: "INVITED_USER",
      page_size: 10,
      cursor: "YWJjZA==",
    });
    expect(result.page).toEqual(PAGE);
    expect(result.retries).toBe(0);
    const [request] = merge.requests;
    expect(request!.url).toBe(
      "https://merge.test/api/hris/v1/audit-trail?user_email=jane%40acme.com&event_type=INVITED_USER&page_size=10&cursor=YWJjZA%3D%3D",
    );
    expect(new Headers(request!.init.headers).get("authorization")).toBe(`Bearer ${KEY}`);
    expect(request!.init.redirect).toBe("manual");
  });

  it("sends no query string for an empty query", async () => {
    const merge = upstream(json(PAGE));
    await client(merge.fetch).listAuditEvents({});
    expect(merge.requests[0]!.url).toBe("https://merge.test/api/hris/v1/audit-trail");
  });

  it("keeps event types and roles it does not know", async () => {
    const event = { ...PAGE.results[0]!, event_type: "SOMETHING_NEW_IN_2027", role: "AUDITOR" };
    const merge = upstream(json({ ...PAGE, results: [event] }));
    const { page } = await client(merge.fetch).listAuditEvents({});
    expect(page.results[0]).toMatchObject({ event_type: "SOMETHING_NEW_IN_2027", role: "AUDITOR" });
  });

  it.each<[string, MergeErrorCode, Step]>([
    ["401", "upstream_auth", json({ detail: "Invalid token." }, 401)],
    ["403", "upstream_auth", json({ detail: "You do not have permission." }, 403)],
    ["404 Invalid cursor", "invalid_cursor", json({ detail: "Invalid cursor" }, 404)],
    ["404 elsewhere", "upstream_invalid", json({ detail: "Not found." }, 404)],
    ["400 we let through", "upstream_invalid", json({ start_date: ["Enter a valid date/time."] }, 400)],
    ["a redirect", "upstream_invalid", new Response(null, { status: 302, headers: { Location: "https://elsewhere.test/" } })],
    ["HTML instead of JSON", "upstream_invalid", new Response("<html>proxy error</html>", { status: 200 })],
    ["JSON of the wrong shape", "upstream_invalid", json({ results: "none" })],
    ["an event without an id", "upstream_invalid", json({ ...PAGE, results: [{ ...PAGE.results[0], id: undefined }] })],
    ["500 every time", "upstream_unavailable", json({ detail: "boom" }, 500)],
    ["503 every time", "upstream_unavailable", new Response("", { status: 503 })],
    ["the network failing every time", "upstream_unavailable", "network"],
    ["408 every time", "upstream_timeout", new Response("", { status: 408 })],
  ])("turns %s into %s", async (_, code, step) => {
    const error = await failure(client(upstream(step).fetch).listAuditEvents({}));
    expect(error.code).toBe(code);
  });

  it("retries 5xx and network errors a bounded number of times, then reports them", async () => {
    const merge = upstream(json({}, 502));
    const error = await failure(client(merge.fetch).listAuditEvents({}));
    expect(error).toMatchObject({ code: "upstream_unavailable", retries: 2, upstreamStatus: 502 });
    expect(merge.requests).toHaveLength(3);
  });

  it("recovers from a 429 with Retry-After and from a network blip", async () => {
    const merge = upstream(json({}, 429, { "Retry-After": "1" }), "network", json(PAGE));
    const result = await client(merge.fetch).listAuditEvents({});
    expect(result).toMatchObject({ page: PAGE, retries: 2 });
  });

  it("reports a 429 whose wait exceeds the cap as rate_limited with that wait, without waiting", async () => {
    const merge = upstream(json({ detail: "Request was throttled." }, 429, { "Retry-After": "120" }));
    const error = await failure(client(merge.fetch).listAuditEvents({}));
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 120, retries: 0 });
    expect(merge.requests).toHaveLength(1);
  });

  it("gives up on a hung upstream at the deadline, without retrying it", async () => {
    const merge = upstream("hang");
    const error = await failure(client(merge.fetch, 100).listAuditEvents({}));
    expect(error.code).toBe("upstream_timeout");
    expect(merge.requests).toHaveLength(1);
  });

  it("treats a body that stalls after the headers as a timeout", async () => {
    const stalled = new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"next":')) });
    const fetch: FetchLike = async () => new Response(stalled, { status: 200 });
    const error = await failure(client(fetch, 100).listAuditEvents({}));
    expect(error.code).toBe("upstream_timeout");
  });

  it("stops when the caller aborts, with the caller's reason rather than an upstream error", async () => {
    const controller = new AbortController();
    const merge = upstream("hang");
    const pending = client(merge.fetch).listAuditEvents({}, { signal: controller.signal });
    controller.abort(new Error("browser went away"));
    await expect(pending).rejects.toThrow("browser went away");
  });

  it("lets the upstream request finish when the caller leaves, so its failing answer still counts", async () => {
    let answer: (response: Response) => void = () => undefined;
    const requests: RequestInit[] = [];
    const fetch: FetchLike = (_, init) => {
      requests.push(init);
      return new Promise((resolve) => (answer = resolve));
    };
    const guard = createFailureGuard(() => Date.now(), { userBudget: 1 });
    const merge = createMergeClient({ baseUrl: "https://merge.test/api", apiKey: KEY, category: "hris", fetch, timeoutMs: 5_000, failureGuard: guard });
    const controller = new AbortController();
    const pending = merge.listAuditEvents({ cursor: "cD0x" }, { signal: controller.signal, user: "a@acme.test" });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error("browser went away"));
    await expect(pending).rejects.toThrow("browser went away");
    expect(requests[0]!.signal?.aborted).toBe(false);
    answer(json({ detail: "Invalid cursor" }, 404));
    await new Promise((resolve) => setImmediate(resolve));
    // Merge saw a failure from this user, though nobody waited for it: their next request is held.
    expect((await failure(merge.listAuditEvents({}, { user: "a@acme.test" }))).code).toBe("held_back");
    expect(requests).toHaveLength(1);
  });

  it("holds a user back after repeated failing answers, before Merge would block the server's IP", async () => {
    const merge = upstream(json({ detail: "Invalid token." }, 401));
    const revoked = client(merge.fetch);
    for (let i = 0; i < USER_FAILURE_BUDGET; i++) {
      expect((await failure(revoked.listAuditEvents({}, { user: "a@acme.test" }))).code).toBe("upstream_auth");
    }
    const held = await failure(revoked.listAuditEvents({}, { user: "a@acme.test" }));
    expect(held).toMatchObject({ code: "held_back", heldBack: "user" });
    expect(held.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(merge.requests).toHaveLength(USER_FAILURE_BUDGET);
  });

  it("reports Merge's own answer when the guard stops the retries", async () => {
    const merge = upstream(json({ detail: "down" }, 500));
    const failing = createMergeClient({
      baseUrl: "https://merge.test/api",
      apiKey: KEY,
      category: "hris",
      fetch: merge.fetch,
      timeoutMs: 5_000,
      retry: { clock: instantClock },
      failureGuard: createFailureGuard(() => Date.now(), { userBudget: 2 }),
    });
    expect((await failure(failing.listAuditEvents({}, { user: "a@acme.test" }))).code).toBe("upstream_unavailable");
    expect(merge.requests).toHaveLength(2);
  });

  it("never puts the key or the upstream body in an error message", async () => {
    const echoes: Step[] = [
      json({ detail: `Invalid token ${KEY}` }, 401),
      json({ detail: `bad ${KEY}` }, 400),
      new Response(`<pre>${KEY}</pre>`, { status: 200 }),
    ];
    for (const step of echoes) {
      const error = await failure(client(upstream(step).fetch).listAuditEvents({}));
      expect(error.message).not.toContain(KEY);
    }
    const leaky: FetchLike = () => Promise.reject(new TypeError(`invalid header value "Bearer ${KEY}"`));
    const error = await failure(client(leaky).listAuditEvents({}));
    expect(error.code).toBe("upstream_unavailable");
    expect(error.message).not.toContain(KEY);
  });
});
