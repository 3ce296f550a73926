import { afterEach, describe, expect, it, vi } from "vitest";

import { ApiRequestError } from "@/lib/api-errors";
import { fetchAuditTrailPageFromApi } from "@/lib/fetch-audit-trail-page";

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function stubFetch(response: Response | (() => Promise<Response>)) {
  const fetchMock = vi.fn<(url: string) => Promise<Response>>(typeof response === "function" ? response : async () => response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("fetchAuditTrailPageFromApi", () => {
  it("asks our API with Merge's names, the cursor and the page size", async () => {
    const page = { next: "abc", previous: null, results: [] };
    const fetchMock = stubFetch(jsonResponse(200, page));
    await expect(fetchAuditTrailPageFromApi({ event_type: { include: ["INVITED_USER"], exclude: [] } }, "c1")).resolves.toEqual(page);
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/audit-trail?event_type=INVITED_USER&page_size=30&cursor=c1");
  });

  it("turns our API's error JSON into a typed error, with the wait of a rate limit", async () => {
    stubFetch(jsonResponse(503, { error: { code: "rate_limited", message: "Slow down", retry_after: 12 } }));
    const error = await fetchAuditTrailPageFromApi({}, null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
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

