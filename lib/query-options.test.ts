import { InfiniteQueryObserver, QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";

import { auditTrailPageSchema } from "@/lib/audit-event";
import { createSimulator } from "@/lib/simulator";
import {
  AuditTrailError,
  auditTrailQueryKey,
  auditTrailQueryOptions,
  fetchAuditTrailPageFromApi,
} from "@/lib/query-options";

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function stubFetch(response: Response | (() => Promise<Response>)) {
  const fetchMock = vi.fn<(url: string) => Promise<Response>>(typeof response === "function" ? response : async () => response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("auditTrailQueryKey", () => {
  it("is the same for equal filters however they were spelled", () => {
    expect(auditTrailQueryKey({ user_email: "a@b.co" })).toEqual(
      auditTrailQueryKey({ user_email: "a@b.co", page_size: 30, event_type: undefined }),
    );
  });

  it("differs when the page size differs, since pages differ", () => {
    expect(auditTrailQueryKey({ page_size: 50 })).not.toEqual(auditTrailQueryKey({}));
  });
});

describe("fetchAuditTrailPageFromApi", () => {
  it("asks our API with Merge's names, the cursor and the page size", async () => {
    const page = { next: "abc", previous: null, results: [] };
    const fetchMock = stubFetch(jsonResponse(200, page));
    await expect(fetchAuditTrailPageFromApi({ event_type: "INVITED_USER" }, "c1")).resolves.toEqual(page);
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/audit-trail?event_type=INVITED_USER&page_size=30&cursor=c1");
  });

  it("turns our API's error JSON into a typed error, with the wait of a rate limit", async () => {
    stubFetch(jsonResponse(503, { error: { code: "rate_limited", message: "Slow down", retry_after: 12 } }));
    const error = await fetchAuditTrailPageFromApi({}, null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuditTrailError);
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 12 });
  });

  it("keeps an error code it does not know as unexpected, with the server's message", async () => {
    stubFetch(jsonResponse(500, { error: { code: "brand_new", message: "Something new" } }));
    await expect(fetchAuditTrailPageFromApi({}, null)).rejects.toMatchObject({ code: "unexpected", message: "Something new" });
  });

  it("reports an answer that is not our JSON, and a page of the wrong shape", async () => {
    stubFetch(new Response("<html>", { status: 502 }));
    await expect(fetchAuditTrailPageFromApi({}, null)).rejects.toMatchObject({ code: "unexpected" });
    stubFetch(jsonResponse(200, { results: "nope" }));
    await expect(fetchAuditTrailPageFromApi({}, null)).rejects.toMatchObject({ code: "unexpected" });
  });

  it("calls a failed connection a network error", async () => {
    stubFetch(() => Promise.reject(new TypeError("fetch failed")));
    await expect(fetchAuditTrailPageFromApi({}, null)).rejects.toMatchObject({ code: "network" });
  });
});

describe("auditTrailQueryOptions", () => {
  it("walks the simulator's cursors page by page with the given fetcher", async () => {
    const simulator = createSimulator({ events: 120, now: "2026-11-28T12:00:00Z" });
    const options = auditTrailQueryOptions({ page_size: 50 }, async (filters, cursor) => {
      const params = new URLSearchParams({ page_size: String(filters.page_size) });
      if (cursor) params.set("cursor", cursor);
      const response = await simulator.handle(
        new Request(`http://sim.invalid/api/hris/v1/audit-trail?${params}`, {
          headers: { Authorization: `Bearer ${simulator.options.apiKey}` },
        }),
      );
      return auditTrailPageSchema.parse(await response.json());
    });
    const client = new QueryClient();
    await client.prefetchInfiniteQuery(options);
    const observer = new InfiniteQueryObserver(client, options);
    let result = observer.getCurrentResult();
    while (result.hasNextPage) result = await observer.fetchNextPage();
    const ids = result.data?.pages.flatMap((page) => page.results.map((event) => event.id));
    expect(ids).toEqual(simulator.expectedEvents().map((event) => event.id));
    simulator.close();
  });

  it("retries only network errors, and not forever", () => {
    const { retry } = auditTrailQueryOptions({});
    expect(typeof retry).toBe("function");
    if (typeof retry !== "function") return;
    expect(retry(0, new AuditTrailError("network", "down"))).toBe(true);
    expect(retry(2, new AuditTrailError("network", "down"))).toBe(false);
    expect(retry(0, new AuditTrailError("rate_limited", "slow"))).toBe(false);
  });
});
