import { describe, expect, it } from "vitest";

import { createSimulator } from "@/lib/simulator";
import { createAuditTrailSource } from "@/lib/server/audit-trail-source";
import { parseServerConfig } from "@/lib/server/config";
import { expectedEvents } from "@/testing/simulator-oracle";

const NOW = "2026-11-28T12:00:00Z";

describe("createAuditTrailSource with ARCHIVE=off (live)", () => {
  it("reads the embedded simulator when no Merge key is configured, and never the network", async () => {
    const simulator = createSimulator({ now: NOW, events: 50 });
    const network = async () => {
      throw new Error("the embedded source must not use the network");
    };
    const source = createAuditTrailSource(parseServerConfig({ ARCHIVE: "off" }), { simulator, fetch: network });
    const { page } = await source.listPage({ page_size: 5 });
    expect(page.results).toEqual(expectedEvents(simulator).slice(0, 5));
    expect(simulator.requestCount()).toBe(1);
  });

  it("asks Merge at the configured base URL and category, with the key as a Bearer token", async () => {
    const merge = createSimulator({ now: NOW, events: 50, apiKey: "merge-key-123" });
    const calls: { url: string; authorization: string | null }[] = [];
    const source = createAuditTrailSource(
      parseServerConfig({ ARCHIVE: "off", MERGE_API_KEY: "merge-key-123", MERGE_REGION: "eu", MERGE_CATEGORY: "ats" }),
      {
        fetch: (url, init) => {
          calls.push({ url, authorization: new Headers(init.headers).get("authorization") });
          return merge.handle(new Request(url, init));
        },
      },
    );
    const { page } = await source.listPage({ event_type: { include: ["INVITED_USER"], exclude: [] }, page_size: 3 });
    expect(page.results).toEqual(expectedEvents(merge, { event_type: { include: ["INVITED_USER"], exclude: [] } }).slice(0, 3));
    expect(calls).toEqual([
      {
        url: "https://api-eu.merge.dev/api/ats/v1/audit-trail?event_type=INVITED_USER&page_size=3",
        authorization: "Bearer merge-key-123",
      },
    ]);
  });
});
