import { InfiniteQueryObserver, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";

import { auditTrailPageSchema } from "@/lib/audit-event";
import { createSimulator } from "@/lib/simulator";
import { ApiRequestError } from "@/lib/api-errors";
import { auditTrailQueryKey, auditTrailQueryOptions } from "@/lib/query-options";
import { expectedEvents } from "@/testing/simulator-oracle";

describe("auditTrailQueryKey", () => {
  it("is the same for equal filters however they were spelled", () => {
    expect(auditTrailQueryKey({ user_email: { include: ["a@b.co"], exclude: [] } })).toEqual(
      auditTrailQueryKey({ user_email: { include: ["a@b.co"], exclude: [] }, page_size: 30, event_type: undefined }),
    );
  });

  it("differs when the page size differs, since pages differ", () => {
    expect(auditTrailQueryKey({ page_size: 50 })).not.toEqual(auditTrailQueryKey({}));
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
    expect(ids).toEqual(expectedEvents(simulator).map((event) => event.id));
    simulator.close();
  });

  it("retries only network errors, and not forever", () => {
    const { retry } = auditTrailQueryOptions({});
    expect(typeof retry).toBe("function");
    if (typeof retry !== "function") return;
    expect(retry(0, new ApiRequestError("network", "down"))).toBe(true);
    expect(retry(2, new ApiRequestError("network", "down"))).toBe(false);
    expect(retry(0, new ApiRequestError("rate_limited", "slow"))).toBe(false);
  });
});
